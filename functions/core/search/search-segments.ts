/**
 * Query evaluation over segments: BM25+ over the fields, terms evaluated rarest first so a common
 * word only updates the documents the rare ones already picked, and top-k selection instead of a
 * full sort. Prefix expansion is capped to the most frequent words; fuzzy matching is a fallback
 * for a word the archive does not have at all (a typo), never a cost paid by every query. A word
 * may also match its other forms ("embassies" → embassy), found through the keys' stem codes; a
 * word form is not a typo, so a word with forms in the archive is never matched fuzzily.
 */
import { foldTerm } from '../text/tokenize.ts';
import { boundedEditDistance } from './edit-distance.ts';
import { exactKeys, formKeys, keysWithPrefix, type LocatedKey } from './word-form-keys.ts';
import { formsOf } from './word-stems.ts';
import { phraseDocuments } from './positions.ts';
export { MAX_FORM_SCAN } from './word-form-keys.ts';
import {
  FIELD_COUNT,
  FIELDS,
  fieldOf,
  termKey,
  wordOf,
  type Field,
  type Postings,
  type Segment,
  type StoredDocument,
} from './segment.ts';

/** One word of a query and how it may match. */
export interface TermClause {
  /** A single word; it is folded like the index's words. */
  term: string;
  /** Where to look; all fields by default. */
  fields?: readonly Field[];
  /** Also match longer words starting with it (typing-ahead: the last word of a query). */
  prefix?: boolean;
  /** If no word of the archive is spelled exactly so, match close spellings instead. */
  fuzzy?: boolean;
  /** Also match the word's other forms, those with the same stem ("protests", "protested" for "protest"). */
  forms?: boolean;
}

/** A query: words that must all match, words of which one must match, and words that must not. */
export interface IndexQuery {
  all?: TermClause[];
  any?: TermClause[];
  none?: TermClause[];
  /**
   * Phrases: each one's words (folded like the index's) must occur in this order, next to each
   * other, in a document's text — answered from the index's positions, exactly.
   */
  phrases?: string[][];
  filter?: (document: StoredDocument) => boolean;
}

/** Field weights: a word in the title says more than one in the body. */
const BOOST: Record<Field, number> = { title: 2, text: 1, speakers: 1.5 };
const K1 = 1.2;
const B = 0.75;
/**
 * BM25+'s lower bound on what a matching word contributes: without it a word in a very long
 * document (a campaign-trail roundup) scores next to nothing, and the quote finder, which asks for
 * any of a claim's words, never sees that document among its candidates.
 */
const DELTA = 0.5;
/** Prefix and fuzzy matches count for less than the word itself. */
const PREFIX_WEIGHT = 0.4;
const FUZZY_WEIGHT = 0.5;
/**
 * A word and its other forms score as one term, as in a stemming index (one idf, their counts added
 * before BM25 saturates them), another form's count weighing this much of the exact form's. Tuned
 * with {@link EXACT_FORM_WEIGHT} on the word-forms eval's seeds 1–4 and the bench's fixed keyword
 * queries: 0.3 without the exact term lost keyword queries ("centered" to pages saying "center"
 * often), 0.9–1 lose one more keyword query ("claims").
 */
const FORM_WEIGHT = 0.8;
/**
 * Beside that term, the word as typed is a term of its own, weighing what it says beyond its forms:
 * its idf less the forms' idf. A typed word rarer than its forms ("centered" beside "center") then
 * ranks its own documents first, as exact-word search did; a word about as common as its forms
 * ("support" beside "supporting") adds little, so a document that has only another form is not
 * pushed down the page by every document that has the typed one (0.6–1.2 tried; 1 keeps both).
 */
const EXACT_FORM_WEIGHT = 1;
/** A prefix expands to at most this many words, the most frequent ("gove" → government, governor, …). */
const MAX_EXPANSIONS = 32;
/** A query evaluates at most this many required words, the rarest: one bit each in a 32-bit mask. */
export const MAX_REQUIRED = 30;
/** Fuzzy matching: edit distance 1 for words of 4+ letters, 2 from 8; the first letter must match. */
const fuzzyDistance = (length: number) => (length >= 8 ? 2 : length >= 4 ? 1 : 0);

/** A concrete key a clause matches, located in each segment. */
interface Expansion {
  field: number;
  weight: number;
  /** Key index per segment, -1 where absent. */
  terms: Int32Array;
  frequency: number;
  /** The frequency its idf is computed from, when not its own (a word's forms: all of them together). */
  idfFrequency?: number;
  /**
   * A word with its forms is one term (as a stemming index would have it): their counts in a
   * document add up before BM25 saturates them, each form's count times {@link FORM_WEIGHT}.
   */
  forms?: Array<{ terms: Int32Array; countWeight: number }>;
  /** A frequency whose idf is taken off this key's own (the exact word beside its forms' group). */
  idfLess?: number;
}

export interface PlannedClause {
  expansions: Expansion[];
  frequency: number;
  /**
   * A word that matched nothing and is to be looked up fuzzily, while a partly loaded segment
   * lacks the term blocks of its {@link fuzzyRange}: the caller fetches them and plans again.
   */
  fuzzyWord?: string;
}

/** The keys a fuzzy lookup of `word` scans: every key with its first letter, as `[from, to)`. */
export const fuzzyRange = (word: string): [string, string] => [word.slice(0, 1), `${word.slice(0, 1)}\uffff`];

function locate(segments: Segment[], key: string, field: number, weight: number): Expansion | null {
  const terms = new Int32Array(segments.length);
  let frequency = 0;
  segments.forEach((segment, s) => {
    const term = segment.find(key);
    terms[s] = term;
    if (term >= 0) frequency += segment.frequency(term);
  });
  return frequency > 0 ? { field, weight, terms, frequency } : null;
}

/** Keys in `field` of words within the fuzzy distance of `word` that share its first letter. */
function keysNear(segments: Segment[], word: string, field: number): Map<string, number> {
  const distance = fuzzyDistance(word.length);
  const found = new Map<string, number>();
  if (distance === 0) return found;
  const start = word.slice(0, 1);
  for (const segment of segments) {
    for (let term = segment.lowerBound(start); term < segment.termCount; term++) {
      const key = segment.key(term);
      if (!key.startsWith(start)) break;
      if (fieldOf(key) !== field) continue;
      const candidate = wordOf(key);
      if (Math.abs(candidate.length - word.length) > distance) continue;
      const d = boundedEditDistance(candidate, word, distance);
      if (d > 0 && d <= distance) found.set(key, (found.get(key) ?? 0) + segment.frequency(term));
    }
  }
  return found;
}

function mostFrequent(keys: Map<string, number>): string[] {
  return [...keys]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_EXPANSIONS)
    .map(([key]) => key);
}

function planClause(segments: Segment[], clause: TermClause): PlannedClause {
  const term = foldTerm(clause.term);
  const forms = clause.forms ? formsOf(term) : null;
  const expansions: Expansion[] = [];
  // One search and one scan per segment for all fields, not one per field (see word-form-keys.ts).
  const exacts = exactKeys(segments, term);
  const formsByField = forms ? formKeys(segments, forms) : null;
  // Typing ahead from the stem too, as a stemming index would: "snuffed" (stem "snuf") → snuff.
  const starts = forms && forms.stem.length >= 4 && forms.stem !== term ? [term, forms.stem] : [term];
  const completionsByPrefix = clause.prefix ? starts.map((prefix) => keysWithPrefix(segments, prefix)) : null;
  for (const name of clause.fields ?? FIELDS) {
    const field = FIELDS.indexOf(name);
    const located = exacts[field];
    const exact: Expansion | null = located
      ? { field, weight: 1, terms: located.terms, frequency: located.frequency }
      : null;
    if (exact) expansions.push(exact);
    const formsHere: Map<string, LocatedKey> = formsByField?.[field] ?? new Map();
    const formGroup = mostFrequent(new Map([...formsHere].map(([key, { frequency }]) => [key, frequency]))).map((key) =>
      formsHere.get(key)!,
    );
    if (formGroup.length > 0) {
      // The word and its forms as one term; without the exact word, its forms alone are that term.
      const group = exact ?? { field, weight: 1, terms: new Int32Array(segments.length).fill(-1), frequency: 0 };
      group.forms = formGroup.map((form) => ({ terms: form.terms, countWeight: FORM_WEIGHT }));
      group.idfFrequency = group.frequency + formGroup.reduce((sum, form) => sum + form.frequency, 0);
      group.frequency = group.idfFrequency;
      if (!exact) expansions.push(group);
      else
        expansions.push({
          field,
          weight: EXACT_FORM_WEIGHT,
          terms: located!.terms,
          frequency: located!.frequency,
          idfLess: group.idfFrequency,
        });
    }
    if (clause.prefix) {
      const completions = new Map(completionsByPrefix!.flatMap((byField) => [...byField[field]]));
      for (const longer of mostFrequent(completions)) {
        if (formsHere.has(longer) || longer === termKey(name, term)) continue;
        const typed = longer.startsWith(term) ? term : forms!.stem;
        const expansion = locate(segments, longer, field, (PREFIX_WEIGHT * typed.length) / wordOf(longer).length);
        if (expansion) expansions.push(expansion);
      }
    }
  }
  if (expansions.length === 0 && clause.fuzzy && fuzzyDistance(term.length) > 0) {
    const [from, to] = fuzzyRange(term);
    if (segments.some((segment) => segment.missingTermBlocks(from, to).length > 0))
      return { expansions, frequency: 0, fuzzyWord: term };
    for (const name of clause.fields ?? FIELDS) {
      const field = FIELDS.indexOf(name);
      for (const near of mostFrequent(keysNear(segments, term, field))) {
        const expansion = locate(segments, near, field, FUZZY_WEIGHT);
        if (expansion) expansions.push(expansion);
      }
    }
  }
  return { expansions, frequency: expansions.reduce((sum, e) => sum + e.frequency, 0) };
}

/** Collection statistics for BM25, over all segments. */
export interface Statistics {
  documents: number;
  averageLength: number[];
}

function statistics(segments: Segment[]): Statistics {
  const documents = segments.reduce((sum, s) => sum + s.documents.length, 0);
  const averageLength = FIELDS.map((_, f) =>
    documents === 0 ? 1 : Math.max(1, segments.reduce((sum, s) => sum + s.fieldTotals[f], 0) / documents),
  );
  return { documents, averageLength };
}

const idf = (documents: number, frequency: number) => Math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5));

/**
 * The hits of a query: every matching document (for counts and facets) and, on demand, the best k
 * in score order — selecting k of n costs n log k, where sorting every hit would cost n log n.
 */
export class Hits {
  constructor(
    private readonly segments: Segment[],
    private readonly segmentOf: number[],
    private readonly documentOf: number[],
    private readonly scores: number[],
  ) {}

  get total(): number {
    return this.scores.length;
  }

  document(hit: number): StoredDocument {
    return this.segments[this.segmentOf[hit]].documents[this.documentOf[hit]];
  }

  score(hit: number): number {
    return this.scores[hit];
  }

  /** The hit numbers of the best `k`, best first; ties go to the earlier-archived document. */
  top(k: number): number[] {
    const n = this.scores.length;
    const { scores, segmentOf, documentOf } = this;
    // Segments are in archive order, and so are documents within one.
    const better = (a: number, b: number) =>
      scores[a] > scores[b] ||
      (scores[a] === scores[b] &&
        (segmentOf[a] < segmentOf[b] || (segmentOf[a] === segmentOf[b] && documentOf[a] < documentOf[b])));
    if (k >= n) return Array.from({ length: n }, (_, i) => i).sort((a, b) => (better(a, b) ? -1 : 1));
    // A min-heap of the best k so far: the root is the worst of them, replaced by anything better.
    const heap: number[] = [];
    const down = (i: number) => {
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let worst = i;
        if (l < heap.length && better(heap[worst], heap[l])) worst = l;
        if (r < heap.length && better(heap[worst], heap[r])) worst = r;
        if (worst === i) return;
        [heap[i], heap[worst]] = [heap[worst], heap[i]];
        i = worst;
      }
    };
    for (let hit = 0; hit < n; hit++) {
      if (heap.length < k) {
        heap.push(hit);
        for (let i = heap.length - 1; i > 0 && better(heap[(i - 1) >> 1], heap[i]); i = (i - 1) >> 1) {
          [heap[i], heap[(i - 1) >> 1]] = [heap[(i - 1) >> 1], heap[i]];
        }
      } else if (k > 0 && better(hit, heap[0])) {
        heap[0] = hit;
        down(0);
      }
    }
    return heap.sort((a, b) => (better(a, b) ? -1 : 1));
  }
}

/** A query resolved against the vocabularies: which keys, with which weights, in what order. */
export interface QueryPlan {
  segments: Segment[];
  stats: Statistics;
  required: PlannedClause[];
  optional: PlannedClause[];
  excluded: PlannedClause[];
  /** Per phrase, per word, its text key's index in each segment (-1 where absent). */
  phrases: Int32Array[][];
  filter?: (document: StoredDocument) => boolean;
}

/**
 * Plans a query: only the vocabularies are read, so it works on partly loaded segments too.
 *
 * @example
 * ```ts
 * const plan = planQuery(segments, { all: [{ term: 'budget' }] });
 * ```
 */
export function planQuery(segments: Segment[], query: IndexQuery): QueryPlan {
  return {
    segments,
    stats: statistics(segments),
    // Rarest first: the first required word picks the candidates, the others only narrow them.
    required: (query.all ?? [])
      .map((c) => planClause(segments, c))
      .sort((a, b) => a.frequency - b.frequency)
      .slice(0, MAX_REQUIRED),
    optional: (query.any ?? []).map((c) => planClause(segments, c)),
    excluded: (query.none ?? []).map((c) => planClause(segments, c)),
    phrases: (query.phrases ?? []).map((phrase) =>
      phrase.map((word) => {
        const key = termKey('text', foldTerm(word));
        return Int32Array.from(segments, (segment) => segment.find(key));
      }),
    ),
    filter: query.filter,
  };
}

/** Per segment, the keys whose postings a plan needs and the segment has not loaded. */
export function missingPostings(plan: QueryPlan): Map<Segment, number[]> {
  const missing = new Map<Segment, number[]>();
  plan.segments.forEach((segment, s) => {
    if (segment.complete) return;
    const terms = new Set<number>();
    for (const clause of [...plan.required, ...plan.optional, ...plan.excluded]) {
      for (const expansion of clause.expansions) {
        for (const { terms: keys } of [expansion, ...(expansion.forms ?? [])]) if (keys[s] >= 0) terms.add(keys[s]);
      }
    }
    for (const word of plan.phrases.flat()) if (word[s] >= 0) terms.add(word[s]);
    const wanted = segment.missing(terms);
    if (wanted.length > 0) missing.set(segment, wanted);
  });
  return missing;
}

/**
 * @example
 * ```ts
 * const hits = searchSegments(segments, { all: [{ term: 'budget' }, { term: 'defic', prefix: true }] });
 * hits.top(10).map((hit) => hits.document(hit).id);
 * ```
 */
export function searchSegments(segments: Segment[], query: IndexQuery): Hits {
  return evaluate(planQuery(segments, query));
}

/** Runs a plan whose postings are all in memory (see {@link missingPostings}). */
export function evaluate(plan: QueryPlan): Hits {
  const { segments, stats, required, optional, excluded, phrases, filter } = plan;
  const segmentOf: number[] = [];
  const documentOf: number[] = [];
  const scores: number[] = [];
  const hits = new Hits(segments, segmentOf, documentOf, scores);
  if (required.some((c) => c.frequency === 0)) return hits;
  const everything = required.length === 0 && optional.length === 0;
  const allBits = required.length === 0 ? 0 : 2 ** required.length - 1;
  const ANY_BIT = 2 ** 31;

  segments.forEach((segment, s) => {
    const { scores: score, masks, touched, formCounts, formDocuments } = segment.queryScratch();
    let touchedCount = 0;
    // The scratch is reused by the next query: it must be clean again however this one ends.
    try {
      const postingsOf = (term: number) => {
        const postings = segment.postings(term);
        if (!postings) throw new Error('A query ran before the postings it needs were loaded.');
        return postings;
      };
      const apply = (expansion: Expansion, accept: (mask: number) => boolean, bit: number) => {
        // Forms together can outnumber the documents (one document, several forms): idf stays ≥ 0.
        const frequency = Math.min(expansion.idfFrequency ?? expansion.frequency, stats.documents);
        const less =
          expansion.idfLess === undefined ? 0 : idf(stats.documents, Math.min(expansion.idfLess, stats.documents));
        const weight = expansion.weight * BOOST[FIELDS[expansion.field]] * (idf(stats.documents, frequency) - less);
        const average = stats.averageLength[expansion.field];
        const add = (document: number, count: number) => {
          const mask = masks[document];
          if (mask === 0) touched[touchedCount++] = document;
          masks[document] = (mask | bit) >>> 0;
          const length = segment.fieldLengths[document * FIELD_COUNT + expansion.field];
          score[document] += weight * ((count * (K1 + 1)) / (count + K1 * (1 - B + (B * length) / average)) + DELTA);
        };
        if (!expansion.forms) {
          if (expansion.terms[s] < 0) return;
          const { documents, counts } = postingsOf(expansion.terms[s]);
          for (let p = 0; p < documents.length; p++) if (accept(masks[documents[p]])) add(documents[p], counts[p]);
          return;
        }
        // A word with its forms is one term: their counts per document add up (a form's weighted)
        // in a scratch array before BM25 saturates the sum — no merge of the lists, no allocation.
        const parts = [{ terms: expansion.terms, countWeight: 1 }, ...expansion.forms]
          .filter(({ terms }) => terms[s] >= 0)
          .map(({ terms, countWeight }) => ({ postings: postingsOf(terms[s]), countWeight }));
        let found = 0;
        for (const { postings, countWeight } of parts) {
          const { documents, counts } = postings;
          for (let p = 0; p < documents.length; p++) {
            const document = documents[p];
            if (!accept(masks[document])) continue;
            if (formCounts[document] === 0) formDocuments[found++] = document;
            formCounts[document] += countWeight * counts[p];
          }
        }
        for (let i = 0; i < found; i++) {
          const document = formDocuments[i];
          add(document, formCounts[document]);
          formCounts[document] = 0;
        }
      };
      required.forEach((clause, c) => {
        const before = 2 ** c - 1;
        const accept = c === 0 ? () => true : (mask: number) => (mask & before) === before;
        for (const expansion of clause.expansions) apply(expansion, accept, 2 ** c);
      });
      for (const clause of optional) {
        // With required words, optional ones only add to the score of documents that have them all.
        const accept = allBits === 0 ? () => true : (mask: number) => (mask & allBits) === allBits;
        for (const expansion of clause.expansions) apply(expansion, accept, allBits === 0 ? ANY_BIT : 0);
      }
      const matches = (mask: number) => (everything ? true : allBits !== 0 ? (mask & allBits) === allBits : mask !== 0);
      const inPhrases = phraseFilter(phrases, s, postingsOf);
      const keep = (document: number) =>
        !segment.isDead(document) &&
        (!inPhrases || inPhrases.has(document)) &&
        (!filter || filter(segment.documents[document]));
      const banned = new Set<number>();
      for (const clause of excluded) {
        for (const expansion of clause.expansions) {
          for (const { terms: keys } of [expansion, ...(expansion.forms ?? [])]) {
            if (keys[s] >= 0) for (const document of postingsOf(keys[s]).documents) banned.add(document);
          }
        }
      }
      if (everything) {
        for (let document = 0; document < segment.documents.length; document++) {
          if (banned.has(document) || !keep(document)) continue;
          segmentOf.push(s);
          documentOf.push(document);
          scores.push(0);
        }
        return;
      }
      for (let i = 0; i < touchedCount; i++) {
        const document = touched[i];
        if (matches(masks[document]) && !banned.has(document) && keep(document)) {
          segmentOf.push(s);
          documentOf.push(document);
          scores.push(score[document]);
        }
      }
    } finally {
      for (let i = 0; i < touchedCount; i++) {
        masks[touched[i]] = 0;
        score[touched[i]] = 0;
      }
    }
  });
  return hits;
}

/**
 * The documents of segment `s` that have every phrase, or null when the query has none: the
 * intersection of each phrase's documents, found from positions (see `positions.ts`).
 */
function phraseFilter(phrases: Int32Array[][], s: number, postingsOf: (term: number) => Postings): Set<number> | null {
  if (phrases.length === 0) return null;
  let kept: number[] | null = null;
  for (const phrase of phrases) {
    // A word the segment lacks: no document here has the phrase.
    if (phrase.some((word) => word[s] < 0)) return new Set();
    const found = phraseDocuments(phrase.map((word) => postingsOf(word[s])));
    const previous: Set<number> | null = kept === null ? null : new Set<number>(kept);
    kept = previous ? found.filter((document) => previous.has(document)) : found;
  }
  return new Set(kept);
}
