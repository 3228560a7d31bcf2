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
import type { StoredText } from './stored-text.ts';
export { MAX_FORM_SCAN } from './word-form-keys.ts';
import {
  FIELD_COUNT,
  FIELDS,
  fieldOf,
  termKey,
  wordOf,
  type Field,
  type Postings,
  type QueryScratch,
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

/**
 * BM25F field weights: a word's count in a field is multiplied by its field's weight, over that
 * field's length norm, and the fields' sums saturate together (k1) under one document-wide idf. So
 * a title weighs more than a few body words but cannot outscore a whole body on its own, as it could
 * when each field was its own BM25 term with its own, much higher, title idf (what lost form-changed
 * queries to articles with the typed word in their title). Tuned on the word-forms eval's seeds 1–4
 * and the fixed keyword queries (titles' words): a title weight of 2–3 loses 3–6 keyword queries,
 * 8 one on the bench's real ingest (publishers' names in the title field), 10–12 none; form-changed
 * recall is the same from 3 to 12. k1 2 keeps one keyword query more than 1.2.
 */
const BOOST: Record<Field, number> = { title: 10, text: 1, speakers: 1.5 };
const K1 = 2;
/** Length normalisation, per field against that field's average (0.4–0.9 tried; 0.75 keeps both sets). */
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
 * before BM25 saturates them), another form's count weighing this much of the exact form's: of two
 * documents otherwise alike, the one with the form as typed ranks first (0.9 loses a keyword query).
 */
const FORM_WEIGHT = 0.8;
/**
 * In a one-word query, the word as typed is also a term of its own, weighing what it says beyond its
 * forms: its idf less the forms' idf. A typed word rarer than its forms ("centered" beside "center")
 * then ranks its own documents first, as exact-word search did, where a page repeating "center"
 * would win on counts. Every hit has that one word, so which form it has is all the query ranks by
 * (0.7 loses 3 keyword queries, 1–1.5 none). With more words the bonus is left out: a document
 * having every word in another form would lose to each one that has a single word as typed —
 * across seeds 1–4 of the eval that cost 8–11 of 1,600 form-changed queries and won no keyword query.
 */
const EXACT_FORM_WEIGHT = 1;
/**
 * How much an irregular form's documents count toward its term's document frequency (its count
 * weighs as a regular form's). The lemma table joins words a Porter index keeps apart, some of them
 * common words of their own ("left" for "leaving", "felt" for "feel"): counted in full, they halved
 * the idf of a word whose source article has it in a regular form. On seeds 1–8 of the eval, 0.5
 * and 0 each found 1 query more than 1; a lower count weight for them (0.5, 0.25) lost one.
 */
const IRREGULAR_DF_SHARE = 0.5;
/** A prefix expands to at most this many words, the most frequent ("gove" → government, governor, …). */
const MAX_EXPANSIONS = 32;
/** A query evaluates at most this many required words, the rarest: one bit each in a 32-bit mask. */
export const MAX_REQUIRED = 30;
/** Fuzzy matching: edit distance 1 for words of 4+ letters, 2 from 8; the first letter must match. */
const fuzzyDistance = (length: number) => (length >= 8 ? 2 : length >= 4 ? 1 : 0);

/** One key of a scored term: its index per segment (-1 where absent), its field, its count's weight. */
interface TermPart {
  field: number;
  terms: Int32Array;
  countWeight: number;
}

/**
 * What a clause scores as: a term of BM25F, one idf over its keys in every field, their counts
 * (each times its field's weight, over its field's length norm) added before saturating once.
 */
interface Expansion {
  parts: TermPart[];
  weight: number;
  /** How many documents have it, for its idf: at most the sum of its parts' (see {@link documentFrequency}). */
  frequency: number;
  /** A frequency whose idf is taken off this term's own (the exact word beside its forms' group). */
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
  /** Words the index has that matched in the typed word's place: its prefix completions, or its close spellings. */
  expanded?: string[];
  /** Set when the word is in no document in any form and close spellings were searched instead (most frequent first). */
  replaced?: Replacement;
}

/** A query word the archive does not have, and the close spellings searched instead. */
export interface Replacement {
  word: string;
  by: string[];
}

/** The keys a fuzzy lookup of `word` scans: every key with its first letter, as `[from, to)`. */
export const fuzzyRange = (word: string): [string, string] => [word.slice(0, 1), `${word.slice(0, 1)}\uffff`];

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

/** A word's key located in the segments, with the field it is in and how much its count weighs. */
interface PlannedPart extends TermPart {
  word: string;
  frequency: number;
}

/**
 * How many documents have any of a term's keys. Only the keys' own frequencies are known before
 * postings are read, so a word counts once, in its most frequent field (a title's word is mostly
 * in the text too), and different forms add up — at most the union, never below any one key's.
 */
function documentFrequency(parts: PlannedPart[]): number {
  const byWord = new Map<string, number>();
  for (const { word, frequency } of parts) byWord.set(word, Math.max(byWord.get(word) ?? 0, frequency));
  let sum = 0;
  for (const frequency of byWord.values()) sum += frequency;
  return sum;
}

/** One term over the given parts, or null when no segment has any of them. */
function termOf(parts: PlannedPart[], weight: number): Expansion | null {
  return parts.length === 0 ? null : { parts, weight, frequency: documentFrequency(parts) };
}

/** Keys by word, across fields: a word matched in the title and the text is one term. */
function byWord(keys: Iterable<[string, LocatedKey]>, countWeight: number): Map<string, PlannedPart[]> {
  const words = new Map<string, PlannedPart[]>();
  for (const [key, { terms, frequency }] of keys) {
    const word = wordOf(key);
    const part = { field: fieldOf(key), terms, countWeight, word, frequency };
    const parts = words.get(word);
    if (parts) parts.push(part);
    else words.set(word, [part]);
  }
  return words;
}

/** The `MAX_EXPANSIONS` words found most often, over all their fields. */
function mostFrequentWords(words: Map<string, PlannedPart[]>): PlannedPart[][] {
  const total = (parts: PlannedPart[]) => parts.reduce((sum, part) => sum + part.frequency, 0);
  return [...words.values()].sort((a, b) => total(b) - total(a)).slice(0, MAX_EXPANSIONS);
}

/**
 * The `MAX_EXPANSIONS` most frequent words of keys known only by their total frequency (prefix
 * completions, close spellings), located in each segment: only the chosen ones are looked up.
 */
function locateMostFrequent(segments: Segment[], keys: Map<string, number>): PlannedPart[][] {
  const totals = new Map<string, number>();
  for (const [key, frequency] of keys) totals.set(wordOf(key), (totals.get(wordOf(key)) ?? 0) + frequency);
  const chosen = new Set(
    [...totals]
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_EXPANSIONS)
      .map(([word]) => word),
  );
  const located: Array<[string, LocatedKey]> = [];
  for (const [key, frequency] of keys) {
    if (!chosen.has(wordOf(key))) continue;
    located.push([key, { terms: Int32Array.from(segments, (segment) => segment.find(key)), frequency }]);
  }
  return mostFrequentWords(byWord(located, 1));
}

/** `words` is how many words with forms the query scores: the exact-form term is for one alone. */
function planClause(segments: Segment[], clause: TermClause, words: number): PlannedClause {
  const term = foldTerm(clause.term);
  const forms = clause.forms ? formsOf(term) : null;
  const fields = (clause.fields ?? FIELDS).map((name) => FIELDS.indexOf(name));
  // One search and one scan per segment for all fields, not one per field (see word-form-keys.ts).
  const exacts = exactKeys(segments, term);
  const formsByField = forms ? formKeys(segments, forms) : null;
  const exactParts: PlannedPart[] = [];
  const formParts: PlannedPart[] = [];
  for (const field of fields) {
    const exact = exacts[field];
    if (exact) exactParts.push({ field, terms: exact.terms, countWeight: 1, word: term, frequency: exact.frequency });
    if (formsByField) formParts.push(...mostFrequentWords(byWord(formsByField[field], FORM_WEIGHT)).flat());
  }
  // Irregular forms weigh less in the idf (IRREGULAR_DF_SHARE): a Porter index would not join them at all.
  for (const part of formParts) if (forms!.irregular.includes(part.word)) part.frequency *= IRREGULAR_DF_SHARE;
  const expansions: Expansion[] = [];
  const expanded: string[] = [];
  const exact = termOf(exactParts, 1);
  // The word and its forms as one term (as a stemming index has it); beside it, the word as typed
  // is a term of its own, worth what it says beyond its forms.
  const group = formParts.length > 0 ? termOf([...exactParts, ...formParts], 1) : null;
  if (group) expansions.push(group);
  if (exact && group && words === 1) expansions.push({ ...exact, weight: EXACT_FORM_WEIGHT, idfLess: group.frequency });
  else if (exact && !group) expansions.push(exact);
  if (clause.prefix) {
    // Typing ahead from the stem too, as a stemming index would: "snuffed" (stem "snuf") → snuff.
    const starts = forms && forms.stem.length >= 4 && forms.stem !== term ? [term, forms.stem] : [term];
    const known = new Set([term, ...formParts.map((part) => part.word)]);
    const completions = new Map<string, number>();
    for (const prefix of starts) {
      keysWithPrefix(segments, prefix).forEach((keys, field) => {
        if (!fields.includes(field)) return;
        for (const [key, frequency] of keys) if (!known.has(wordOf(key))) completions.set(key, frequency);
      });
    }
    for (const parts of locateMostFrequent(segments, completions)) {
      const word = parts[0].word;
      expanded.push(word);
      const typed = word.startsWith(term) ? term : forms!.stem;
      expansions.push(termOf(parts, (PREFIX_WEIGHT * typed.length) / word.length)!);
    }
  }
  if (expansions.length === 0 && clause.fuzzy && fuzzyDistance(term.length) > 0) {
    const [from, to] = fuzzyRange(term);
    if (segments.some((segment) => segment.missingTermBlocks(from, to).length > 0))
      return { expansions, frequency: 0, fuzzyWord: term };
    const near = new Map<string, number>();
    for (const field of fields)
      for (const [key, frequency] of keysNear(segments, term, field)) near.set(key, frequency);
    const located = locateMostFrequent(segments, near);
    for (const parts of located) expansions.push(termOf(parts, FUZZY_WEIGHT)!);
    const by = located.map((parts) => parts[0].word);
    const frequency = expansions.reduce((sum, e) => sum + e.frequency, 0);
    return by.length > 0
      ? { expansions, frequency, expanded: by, replaced: { word: term, by } }
      : { expansions, frequency };
  }
  const frequency = expansions.reduce((sum, e) => sum + e.frequency, 0);
  return expanded.length > 0 ? { expansions, frequency, expanded } : { expansions, frequency };
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
  private constructor(
    private readonly segments: Segment[],
    private readonly segmentOf: Uint32Array,
    private readonly documentOf: Uint32Array,
    private readonly scores: Float64Array,
    /** The query words the archive lacked, and the close spellings searched instead. */
    readonly replaced: readonly Replacement[],
    /** Every word the index matched in a typed word's place (prefix completions, close spellings), folded. */
    readonly expanded: readonly string[],
  ) {}

  /**
   * The hits of every segment in one set of typed arrays: a common word at a million articles has
   * hundreds of thousands, which pushed one by one onto arrays cost more than scoring them.
   */
  static of(
    segments: Segment[],
    found: readonly SegmentHits[],
    replaced: readonly Replacement[],
    expanded: readonly string[],
  ): Hits {
    const total = found.reduce((n, hits) => n + hits.count, 0);
    const segmentOf = new Uint32Array(total);
    const documentOf = new Uint32Array(total);
    const scores = new Float64Array(total);
    let at = 0;
    for (const { s, documents, scores: scored, count } of found) {
      segmentOf.fill(s, at, at + count);
      documentOf.set(documents.subarray(0, count), at);
      scores.set(scored.subarray(0, count), at);
      at += count;
    }
    return new Hits(segments, segmentOf, documentOf, scores, replaced, expanded);
  }

  get total(): number {
    return this.scores.length;
  }

  document(hit: number): StoredDocument {
    return this.segments[this.segmentOf[hit]].documents[this.documentOf[hit]];
  }

  score(hit: number): number {
    return this.scores[hit];
  }

  /**
   * The stored texts of `hits`, in order: every segment's missing blocks are fetched at once,
   * so a result page waits on one round of storage requests, and reads no document.
   */
  async storedTexts(hits: number[]): Promise<StoredText[]> {
    const bySegment = new Map<number, number[]>();
    for (const hit of hits) {
      const list = bySegment.get(this.segmentOf[hit]) ?? [];
      list.push(hit);
      bySegment.set(this.segmentOf[hit], list);
    }
    const out: StoredText[] = new Array(hits.length);
    const where = new Map(hits.map((hit, i) => [hit, i]));
    await Promise.all(
      [...bySegment].map(async ([s, list]) => {
        const texts = await this.segments[s].stored.texts(list.map((hit) => this.documentOf[hit]));
        list.forEach((hit, i) => (out[where.get(hit)!] = texts[i]));
      }),
    );
    return out;
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
    // The worst kept score: a hit scoring below it (most of a common word's) is passed over unread.
    let floor = -Infinity;
    for (let hit = 0; hit < n; hit++) {
      if (heap.length < k) {
        heap.push(hit);
        for (let i = heap.length - 1; i > 0 && better(heap[(i - 1) >> 1], heap[i]); i = (i - 1) >> 1) {
          [heap[i], heap[(i - 1) >> 1]] = [heap[(i - 1) >> 1], heap[i]];
        }
        if (heap.length === k) floor = scores[heap[0]];
      } else if (k > 0 && scores[hit] >= floor && better(hit, heap[0])) {
        heap[0] = hit;
        down(0);
        floor = scores[heap[0]];
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
  const words = [...(query.all ?? []), ...(query.any ?? [])].filter((clause) => clause.forms).length;
  return {
    segments,
    stats: statistics(segments),
    // Rarest first: the first required word picks the candidates, the others only narrow them.
    required: (query.all ?? [])
      .map((c) => planClause(segments, c, words))
      .sort((a, b) => a.frequency - b.frequency)
      .slice(0, MAX_REQUIRED),
    optional: (query.any ?? []).map((c) => planClause(segments, c, words)),
    excluded: (query.none ?? []).map((c) => planClause(segments, c, words)),
    phrases: (query.phrases ?? []).map((phrase) =>
      phrase.map((word) => {
        const key = termKey('text', foldTerm(word));
        return Int32Array.from(segments, (segment) => segment.find(key));
      }),
    ),
    filter: query.filter,
  };
}

/** What a plan needs of one segment's postings and the segment has not loaded. */
export interface MissingPostings {
  /** Keys whose occurrences (documents and counts) are missing. */
  terms: number[];
  /** Phrase words whose positions are missing. */
  positioned: number[];
}

/** Per segment, the keys whose postings a plan needs and the segment has not loaded. */
export function missingPostings(plan: QueryPlan): Map<Segment, MissingPostings> {
  const missing = new Map<Segment, MissingPostings>();
  plan.segments.forEach((segment, s) => {
    if (segment.complete) return;
    const terms = new Set<number>();
    for (const clause of [...plan.required, ...plan.optional, ...plan.excluded]) {
      for (const expansion of clause.expansions) {
        for (const { terms: keys } of expansion.parts) if (keys[s] >= 0) terms.add(keys[s]);
      }
    }
    const phraseWords = plan.phrases.flat().flatMap((word) => (word[s] >= 0 ? [word[s]] : []));
    const wanted = {
      terms: segment.missing([...terms, ...phraseWords]),
      positioned: segment.missingPositions(phraseWords),
    };
    if (wanted.terms.length > 0 || wanted.positioned.length > 0) missing.set(segment, wanted);
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

const unloaded = (): never => {
  throw new Error('A query ran before the postings it needs were loaded.');
};

/**
 * A word's postings are searched from each candidate rather than walked when they outnumber the
 * candidates this many times: "makes offer news" at a million articles walked 2.5 million
 * postings of its common words for the few thousand documents its rarest word picked.
 */
const SEEK_RATIO = 8;

/** The first index from `from` on whose document is at least `document` (`documents` ascending): galloping, then binary search. */
function seek(documents: Uint16Array, from: number, document: number): number {
  if (from >= documents.length || documents[from] >= document) return from;
  let below = from;
  let step = 1;
  while (below + step < documents.length && documents[below + step] < document) {
    below += step;
    step *= 2;
  }
  let low = below + 1;
  let high = Math.min(below + step, documents.length);
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (documents[middle] < document) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Adds one term's BM25F score to the documents of segment `s` whose mask has every bit of `need`
 * (0: every document), sets `bit` in their masks, and returns the new count of touched documents.
 * A function of its own over plain arrays, with the mask test a number rather than a callback: it
 * runs once per posting, which for a common word at a million articles is most of a query.
 */
function scoreTerm(
  segment: Segment,
  s: number,
  expansion: Expansion,
  stats: Statistics,
  need: number,
  bit: number,
  scratch: QueryScratch,
  touchedCount: number,
  candidates: Uint32Array | null,
): number {
  const { scores, masks, touched, formCounts, formDocuments } = scratch;
  const { fieldLengths } = segment;
  // Forms together can outnumber the documents (one document, several forms): idf stays ≥ 0.
  const frequency = Math.min(expansion.frequency, stats.documents);
  const less = expansion.idfLess === undefined ? 0 : idf(stats.documents, Math.min(expansion.idfLess, stats.documents));
  const weight = expansion.weight * (idf(stats.documents, frequency) - less);
  // BM25F: each key's count, times its field's weight and over its field's length norm, adds up
  // per document in a scratch array before BM25 saturates the sum once — no merge of lists.
  let found = 0;
  for (const { field, terms, countWeight } of expansion.parts) {
    if (terms[s] < 0) continue;
    const { documents, counts } = segment.occurrences(terms[s]) ?? unloaded();
    const fieldWeight = BOOST[FIELDS[field]] * countWeight;
    const perLength = B / stats.averageLength[field];
    const norm = 1 - B;
    if (candidates && candidates.length * SEEK_RATIO < documents.length) {
      for (let i = 0, p = 0; i < candidates.length && p < documents.length; i++) {
        const document = candidates[i];
        p = seek(documents, p, document);
        if (documents[p] !== document) continue;
        if (formCounts[document] === 0) formDocuments[found++] = document;
        formCounts[document] +=
          (fieldWeight * counts[p]) / (norm + perLength * fieldLengths[document * FIELD_COUNT + field]);
      }
      continue;
    }
    for (let p = 0; p < documents.length; p++) {
      const document = documents[p];
      if ((masks[document] & need) !== need) continue;
      if (formCounts[document] === 0) formDocuments[found++] = document;
      formCounts[document] +=
        (fieldWeight * counts[p]) / (norm + perLength * fieldLengths[document * FIELD_COUNT + field]);
    }
  }
  for (let i = 0; i < found; i++) {
    const document = formDocuments[i];
    const count = formCounts[document];
    formCounts[document] = 0;
    const mask = masks[document];
    if (mask === 0) touched[touchedCount++] = document;
    masks[document] = (mask | bit) >>> 0;
    scores[document] += weight * ((count * (K1 + 1)) / (count + K1) + DELTA);
  }
  return touchedCount;
}

/** The touched documents whose mask has every bit of `need`, ascending: what a later word may only add to. */
function candidatesWith(scratch: QueryScratch, touchedCount: number, need: number): Uint32Array {
  const { masks, touched } = scratch;
  let count = 0;
  for (let i = 0; i < touchedCount; i++) if ((masks[touched[i]] & need) === need) count++;
  const out = new Uint32Array(count);
  for (let i = 0, at = 0; i < touchedCount; i++) if ((masks[touched[i]] & need) === need) out[at++] = touched[i];
  return out.sort();
}

/** The documents of segment `s` that an excluded clause bans, or null when there is none. */
function bannedDocuments(excluded: PlannedClause[], segment: Segment, s: number): Set<number> | null {
  if (excluded.length === 0) return null;
  const banned = new Set<number>();
  for (const clause of excluded)
    for (const expansion of clause.expansions)
      for (const { terms: keys } of expansion.parts)
        if (keys[s] >= 0)
          for (const document of (segment.occurrences(keys[s]) ?? unloaded()).documents) banned.add(document);
  return banned;
}

/** One segment's hits: its number, and its documents' numbers and scores, `count` of each. */
interface SegmentHits {
  s: number;
  documents: Uint32Array;
  scores: Float64Array;
  count: number;
}

/** Runs a plan whose postings are all in memory (see {@link missingPostings}). */
export function evaluate(plan: QueryPlan): Hits {
  const { segments, stats, required, optional, excluded, phrases, filter } = plan;
  const matching = [...required, ...optional];
  const replaced = matching.flatMap((c) => (c.replaced ? [c.replaced] : []));
  const expanded = [...new Set(matching.flatMap((c) => c.expanded ?? []))];
  if (required.some((c) => c.frequency === 0)) return Hits.of(segments, [], replaced, expanded);
  const everything = required.length === 0 && optional.length === 0;
  const allBits = required.length === 0 ? 0 : 2 ** required.length - 1;
  const ANY_BIT = 2 ** 31;
  const found: SegmentHits[] = [];

  segments.forEach((segment, s) => {
    const scratch = segment.queryScratch();
    const { scores, masks, touched } = scratch;
    let touchedCount = 0;
    // The scratch is reused by the next query: it must be clean again however this one ends.
    try {
      // The first required word picks the candidates; each next one only updates those with all before it.
      required.forEach((clause, c) => {
        const need = 2 ** c - 1;
        const candidates = c === 0 ? null : candidatesWith(scratch, touchedCount, need);
        for (const expansion of clause.expansions)
          touchedCount = scoreTerm(segment, s, expansion, stats, need, 2 ** c, scratch, touchedCount, candidates);
      });
      // With required words, optional ones only add to the score of documents that have them all.
      const withAll = allBits === 0 || optional.length === 0 ? null : candidatesWith(scratch, touchedCount, allBits);
      for (const clause of optional)
        for (const expansion of clause.expansions)
          touchedCount = scoreTerm(
            segment,
            s,
            expansion,
            stats,
            allBits,
            allBits === 0 ? ANY_BIT : 0,
            scratch,
            touchedCount,
            withAll,
          );
      const inPhrases = phraseFilter(phrases, s, (term) => segment.postings(term) ?? unloaded());
      const banned = bannedDocuments(excluded, segment, s);
      const keep = (document: number) =>
        !segment.isDead(document) &&
        (!banned || !banned.has(document)) &&
        (!inPhrases || inPhrases.has(document)) &&
        (!filter || filter(segment.documents[document]));
      if (everything) {
        const all = segment.documents.length;
        const hits: SegmentHits = { s, documents: new Uint32Array(all), scores: new Float64Array(all), count: 0 };
        for (let document = 0; document < all; document++) if (keep(document)) hits.documents[hits.count++] = document;
        found.push(hits);
        return;
      }
      const hits: SegmentHits = {
        s,
        documents: new Uint32Array(touchedCount),
        scores: new Float64Array(touchedCount),
        count: 0,
      };
      // Most queries have no exclusion, phrase or filter: their hits then only skip the dead.
      const plain = !banned && !inPhrases && !filter;
      for (let i = 0; i < touchedCount; i++) {
        const document = touched[i];
        const mask = masks[document];
        if (allBits !== 0 ? (mask & allBits) !== allBits : mask === 0) continue;
        if (plain ? segment.isDead(document) : !keep(document)) continue;
        hits.documents[hits.count] = document;
        hits.scores[hits.count++] = scores[document];
      }
      if (hits.count > 0) found.push(hits);
    } finally {
      for (let i = 0; i < touchedCount; i++) {
        masks[touched[i]] = 0;
        scores[touched[i]] = 0;
      }
    }
  });
  return Hits.of(segments, found, replaced, expanded);
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
