/**
 * What a query needs of partly loaded segments, fetched before it runs: the term blocks its words
 * fall in (exact keys, forms, prefixes, and a typo's first letter when it comes to that), then the
 * postings of the keys its plan uses, then the document-table blocks of its candidates (what BM25,
 * filters and facets read). A segment loaded whole needs none of it; the planner and evaluator
 * stay synchronous over arrays that hold what they will read.
 */
import { foldTerm } from '../text/tokenize.ts';
import { MAX_FORM_SCAN } from './word-form-keys.ts';
import { formsOf } from './word-stems.ts';
import {
  fuzzyRange,
  missingPostings,
  planQuery,
  type IndexQuery,
  type PlannedClause,
  type QueryPlan,
  type TermClause,
} from './search-segments.ts';
import { UnloadedTermBlockError, type Segment } from './segment.ts';

/** Keys `[from, to)`, at most `maxKeys` of them when the scan reading them has a cap. */
type KeyRange = [from: string, to: string, maxKeys?: number];

/** Every key of one word, in each field: `word\u0001f`. */
const wordRange = (word: string): KeyRange => [`${word}\u0001`, `${word}\u0002`];
const prefixRange = (prefix: string, maxKeys?: number): KeyRange => [prefix, `${prefix}\uffff`, maxKeys];

/** The key ranges planning a clause reads, as `planClause` in `search-segments.ts` reads them (fuzzy apart). */
function clauseRanges(clause: TermClause): KeyRange[] {
  const term = foldTerm(clause.term);
  const ranges = [wordRange(term)];
  const forms = clause.forms ? formsOf(term) : null;
  if (forms) ranges.push(prefixRange(forms.prefix, MAX_FORM_SCAN), ...forms.irregular.map(wordRange));
  if (forms?.regular) ranges.push(prefixRange(forms.regular.prefix, MAX_FORM_SCAN));
  if (clause.prefix) {
    ranges.push(prefixRange(term));
    if (forms && forms.stem.length >= 4 && forms.stem !== term) ranges.push(prefixRange(forms.stem));
  }
  return ranges;
}

/**
 * A term block holding a query word comes with its keys' documents and counts when those are at
 * most this many bytes (about half the blocks of a 10,000-article shard): the word's occurrences
 * then need no round of their own.
 */
export const PREFETCH_BLOCK_BYTES = 16 * 1024;
/** What a query fetches that way over all segments, at most: past it, occurrences wait for their round (fewer bytes). */
export const PREFETCH_QUERY_BYTES = 256 * 1024;

/**
 * Per segment, the missing blocks of `ranges` (all that planning the query reads: its words, their
 * forms, prefixes) whose occurrences to fetch with them: all of them, or none when one is larger
 * than {@link PREFETCH_BLOCK_BYTES} or they add up past {@link PREFETCH_QUERY_BYTES} — a key left
 * out needs the postings round anyway, and the others' occurrences would then be bytes for nothing
 * (measured: 0.60 MB against 0.25 MB for a three-word query, when only the words' own blocks came).
 */
function prefetched(segments: Segment[], ranges: KeyRange[]): number[][] {
  const chosen = segments.map((segment) => [
    ...new Set(ranges.flatMap(([from, to, maxKeys]) => segment.missingTermBlocks(from, to, maxKeys))),
  ]);
  let bytes = 0;
  for (const [s, blocks] of chosen.entries())
    for (const b of blocks) {
      const size = segments[s].blockOccurrenceBytes(b);
      if (size > PREFETCH_BLOCK_BYTES) return segments.map(() => []);
      bytes += size;
    }
  return bytes <= PREFETCH_QUERY_BYTES ? chosen : segments.map(() => []);
}

/** Fetches the term blocks `ranges` fall in, those of `prefetching` with their occurrences when small (see {@link prefetched}). */
async function loadRanges(segments: Segment[], ranges: KeyRange[], prefetching: KeyRange[] = []): Promise<void> {
  const withOccurrences = prefetched(segments, prefetching);
  await Promise.all(
    segments.map((segment, s) => {
      const blocks = new Set(ranges.flatMap(([from, to, maxKeys]) => segment.missingTermBlocks(from, to, maxKeys)));
      return segment.loadTermBlocks([...blocks], withOccurrences[s]);
    }),
  );
}

/**
 * Fetches the term blocks holding `words`' keys (every field) in segments only partly loaded: what
 * `exactKeys` (`word-form-keys.ts`) reads of them then (see `SearchIndex.documentFrequencies`).
 *
 * @example
 * ```ts
 * await loadWords(index.segments, ['embassy', 'azerbaijan']);
 * ```
 */
export async function loadWords(segments: Segment[], words: readonly string[]): Promise<void> {
  const partial = segments.filter((segment) => !segment.complete);
  if (partial.length > 0) await loadRanges(partial, words.map(wordRange));
}

/** Planning rounds that may each fetch one block a lookup lacked; past them, every term block. */
const MAX_PLAN_ROUNDS = 8;

/**
 * Plans `query`, fetching any term block a lookup lacked and planning again: the ranges fetched
 * first cover what planning reads, save a form found in another segment past this one's scan cap.
 */
async function planLoaded(segments: Segment[], query: IndexQuery): Promise<QueryPlan> {
  for (let round = 1; ; round++) {
    try {
      return planQuery(segments, query);
    } catch (error) {
      if (!(error instanceof UnloadedTermBlockError)) throw error;
      if (round < MAX_PLAN_ROUNDS) await error.segment.loadTermBlocks([error.block]);
      else await loadRanges([error.segment], [['', '\uffff']]);
    }
  }
}

/** The documents of segment `s` that have a clause's word in some form and field. */
function clauseDocuments(clause: PlannedClause, segment: Segment, s: number, within: Set<number> | null): Set<number> {
  const out = new Set<number>();
  for (const { parts } of clause.expansions)
    for (const { terms } of parts) {
      if (terms[s] < 0) continue;
      for (const document of segment.occurrences(terms[s])?.documents ?? [])
        if (!within || within.has(document)) out.add(document);
    }
  return out;
}

/**
 * Per segment, the documents whose rows (field lengths, filters, facets) a plan's hits read: those
 * with every required word — a document of the rarest word that lacks another is scored on the way
 * but never kept, so its row is not needed — or with any optional word; null for every one (a
 * query of filters only). Intersecting first fetches a few document blocks where the rarest word's
 * documents would fetch most of them.
 */
function candidateDocuments(plan: QueryPlan, segment: Segment, s: number): Set<number> | null {
  if (plan.required.length > 0) {
    let kept: Set<number> | null = null;
    for (const clause of plan.required) {
      kept = clauseDocuments(clause, segment, s, kept);
      if (kept.size === 0) break;
    }
    return kept;
  }
  if (plan.optional.length === 0) return null;
  const any = new Set<number>();
  for (const clause of plan.optional)
    for (const document of clauseDocuments(clause, segment, s, null)) any.add(document);
  return any;
}

/**
 * Plans `query` over `segments` after fetching what partly loaded ones lack for it, and fetches
 * what evaluating the plan reads: `evaluate(await prepareQuery(segments, query))` answers as the
 * whole segments would.
 *
 * @example
 * ```ts
 * const hits = evaluate(await prepareQuery(index.segments, { all: [{ term: 'budget' }] }));
 * ```
 */
export async function prepareQuery(segments: Segment[], query: IndexQuery): Promise<QueryPlan> {
  const partial = segments.filter((segment) => !segment.complete);
  if (partial.length > 0) {
    const clauses = [...(query.all ?? []), ...(query.any ?? []), ...(query.none ?? [])];
    const ranges = [
      ...clauses.flatMap(clauseRanges),
      ...(query.phrases ?? []).flat().map((w) => wordRange(foldTerm(w))),
    ];
    await loadRanges(partial, ranges, ranges);
  }
  let plan = await planLoaded(segments, query);
  const typos = [...plan.required, ...plan.optional, ...plan.excluded].flatMap((c) =>
    c.fuzzyWord ? [c.fuzzyWord] : [],
  );
  if (typos.length > 0) {
    await loadRanges(
      partial,
      typos.map((word) => fuzzyRange(word)),
    );
    plan = await planLoaded(segments, query);
  }
  await Promise.all(
    [...missingPostings(plan)].map(([segment, { terms, positioned }]) => segment.loadPostings(terms, positioned)),
  );
  await Promise.all(
    plan.segments.map((segment, s) => {
      if (segment.complete) return;
      return segment.loadDocumentBlocks(segment.missingDocumentBlocks(candidateDocuments(plan, segment, s)));
    }),
  );
  return plan;
}
