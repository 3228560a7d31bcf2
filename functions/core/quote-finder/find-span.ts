/**
 * Where in a document a claim best fits: the word range that holds most of the claim's words,
 * densely. Order is ignored here (reordered clauses still fit); the diff looks at order later.
 */
import type { Claim } from './claim.ts';
import { diffWords } from './diff-words.ts';
import type { QuoteText } from './quote-text.ts';
import type { Vocabulary } from './vocabulary.ts';

/** What an unmatched word inside a span costs, against a matched content word's 1. */
const GAP_COST = 0.7;
/** How far beyond the covered content words an edge word may be taken in, at least. */
const EDGE = 3;
/** Words the claim dropped between two edge words that are still taken in. */
const MAX_EDGE_GAP = 2;

/** A word range `[from, to)` of a prepared document. */
export interface Span {
  from: number;
  to: number;
}

/** The densest run of claim words, and its score: cheap, so it can rank many candidates first. */
export interface Run extends Span {
  score: number;
}

/**
 * The best span, or null when no word of the claim occurs. First the maximum-sum run (each claim
 * word scores its weight, any other word costs {@link GAP_COST}), then the shortest range of that
 * run holding the same claim words, so a stray repeat of a claim word just outside the quote does
 * not stretch the span.
 *
 * @example
 * ```ts
 * const span = findSpan(claim, prepared, vocabulary); // { from: 112, to: 130 }
 * ```
 */
export function findSpan(
  claim: Claim,
  text: QuoteText,
  vocabulary: Vocabulary,
  run = bestRun(claim, text, vocabulary),
): Span | null {
  if (!run) return null;
  return shortestCover(claim, text.keys, vocabulary, run.from, run.to);
}

/**
 * The maximum-sum run of words: each claim word scores its weight, any other word costs
 * {@link GAP_COST}. Null when no word of the claim occurs.
 *
 * @example
 * ```ts
 * bestRun(claim, prepared, vocabulary); // { from: 112, to: 131, score: 14.2 }
 * ```
 */
export function bestRun(claim: Claim, text: QuoteText, vocabulary: Vocabulary): Run | null {
  const { keys } = text;
  let best = 0;
  let bestFrom = -1;
  let bestTo = -1;
  let sum = 0;
  let from = 0;
  for (let i = 0; i < keys.length; i++) {
    const w = claim.counts.has(keys[i]) ? vocabulary.weight(keys[i]) : -GAP_COST;
    if (sum <= 0) {
      sum = 0;
      from = i;
    }
    sum += w;
    if (sum > best + 1e-9) {
      best = sum;
      bestFrom = from;
      bestTo = i + 1;
    }
  }
  return bestFrom < 0 ? null : { from: bestFrom, to: bestTo, score: best };
}

/** Claim keys that count as content for covering: all of them when the claim has no content words. */
const isContent = (claim: Claim, vocabulary: Vocabulary, key: number) =>
  !claim.hasContent || vocabulary.weight(key) === 1;

/** The shortest range within `[from, to)` covering as many content keys (capped by the claim's counts) as the whole. */
function shortestCover(claim: Claim, keys: Int32Array, vocabulary: Vocabulary, from: number, to: number): Span {
  const need = new Map<number, number>();
  for (let i = from; i < to; i++) {
    const key = keys[i];
    const cap = claim.counts.get(key);
    if (cap === undefined || !isContent(claim, vocabulary, key)) continue;
    need.set(key, Math.min(cap, (need.get(key) ?? 0) + 1));
  }
  let missing = 0;
  for (const n of need.values()) missing += n;
  if (missing === 0) return extendAtEdges(claim, keys, { from, to }, 0, keys.length);

  const have = new Map<number, number>();
  let bestFrom = from;
  let bestTo = to;
  let left = from;
  for (let right = from; right < to; right++) {
    const key = keys[right];
    const want = need.get(key);
    if (want !== undefined) {
      const n = (have.get(key) ?? 0) + 1;
      have.set(key, n);
      if (n <= want) missing--;
    }
    while (missing === 0) {
      if (right + 1 - left < bestTo - bestFrom) {
        bestFrom = left;
        bestTo = right + 1;
      }
      const drop = keys[left];
      const dropWant = need.get(drop);
      if (dropWant !== undefined) {
        const n = have.get(drop)! - 1;
        have.set(drop, n);
        if (n < dropWant) missing++;
      }
      left++;
    }
  }
  return extendAtEdges(claim, keys, { from: bestFrom, to: bestTo }, 0, keys.length);
}

/**
 * Takes in claim words right at the edges that the cover left out ("the", "we"): looks beyond each
 * edge, aligns, and keeps the edge words the alignment uses while they come close together, so a
 * lone function word further out does not pull the edge to itself.
 */
function extendAtEdges(claim: Claim, keys: Int32Array, span: Span, min: number, max: number): Span {
  // The claim can add at most its words not yet covered; twice that, for words it dropped between them.
  const edge = 2 * Math.max(EDGE, claim.words.length - (span.to - span.from));
  const from = Math.max(min, span.from - edge);
  const to = Math.min(max, span.to + edge);
  let start = span.from;
  if (from < span.from) {
    // Aligned back to front, so that of two equal alignments the one nearer the span wins.
    const left = aligned(claim.keys.slice().reverse(), keys.slice(from, span.to).reverse()).map((i) => span.to - 1 - i);
    for (const i of left) {
      if (i >= span.from) continue;
      if (start - i > MAX_EDGE_GAP + 1) break;
      start = i;
    }
  }
  let end = span.to;
  if (to > span.to) {
    for (const i of aligned(claim.keys, keys.subarray(span.from, to)).map((i) => span.from + i)) {
      if (i < span.to) continue;
      if (i - (end - 1) > MAX_EDGE_GAP + 1) break;
      end = i + 1;
    }
  }
  return { from: start, to: end };
}

/** Indices of `original` words the alignment keeps, in order. */
function aligned(claim: Int32Array, original: Int32Array): number[] {
  return diffWords({ forms: claim, keys: claim }, { forms: original, keys: original }).flatMap((e) =>
    e.op === 'kept' ? [e.original] : [],
  );
}
