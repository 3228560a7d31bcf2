/**
 * How close a claim is to an original span: a similarity score in [0, 1], a verdict, and the
 * word-level diff a fact-checker reads.
 */
import type { Claim } from './claim.ts';
import { diffWords, lcsLength, type WordEdit } from './diff-words.ts';
import type { Span } from './find-span.ts';
import type { QuoteText } from './quote-text.ts';
import type { Vocabulary } from './vocabulary.ts';

/**
 * - `exact`: the same words and punctuation (whitespace, and punctuation before the first or after
 *   the last word, aside);
 * - `punctuation_or_case`: the same words in the same order, but other punctuation, quote marks,
 *   capitals or accents;
 * - `words_differ`: recognisably the same quote with words dropped, added, changed or moved;
 * - `weak_match`: some words in common; maybe not the same quote at all.
 */
export type Verdict = 'exact' | 'punctuation_or_case' | 'words_differ' | 'weak_match';

/** Below this similarity a match is only a weak one. */
export const WEAK_BELOW = 0.6;

/** One step of the diff, in words: `original` words carry their offsets in the document text. */
export interface DiffOp {
  op: 'kept' | 'added' | 'missing' | 'changed';
  /** The claim's word (kept, added, changed). */
  claim?: string;
  /** The original's word (kept, missing, changed). */
  original?: string;
  start?: number;
  end?: number;
}

/** The comparison of a claim with one span. */
export interface Comparison {
  score: number;
  verdict: Verdict;
  diff: DiffOp[];
}

const collapse = (text: string) => text.replace(/\s+/g, ' ');

/**
 * Similarity mixes two views: the weighted overlap of word keys (order-free, so reordered clauses
 * keep most of their score) and the common subsequence of exact forms (order and form matter).
 * Both are Dice coefficients, so words the claim lacks and words it adds cost alike.
 *
 * @example
 * ```ts
 * compareClaim(claim, prepared, span, vocabulary); // { score: 0.93, verdict: 'words_differ', diff: [...] }
 * ```
 */
export function compareClaim(claim: Claim, text: QuoteText, span: Span, vocabulary: Vocabulary): Comparison {
  const original = { forms: text.forms.subarray(span.from, span.to), keys: text.keys.subarray(span.from, span.to) };
  const claimSide = { forms: claim.forms, keys: claim.keys };

  const spanCounts = new Map<number, number>();
  let spanWeight = 0;
  for (const key of original.keys) {
    spanCounts.set(key, (spanCounts.get(key) ?? 0) + 1);
    spanWeight += vocabulary.weight(key);
  }
  let overlap = 0;
  for (const [key, n] of claim.counts) overlap += Math.min(n, spanCounts.get(key) ?? 0) * vocabulary.weight(key);
  const bag = (2 * overlap) / (claim.weight + spanWeight || 1);
  const ordered =
    (2 * lcsLength(claimSide.forms, original.forms)) / (claimSide.forms.length + original.forms.length || 1);
  const score = Math.round((0.6 * bag + 0.4 * ordered) * 1000) / 1000;

  const edits = diffWords(claimSide, original);
  return {
    score,
    verdict: verdictOf(claim, text, span, edits, score),
    diff: edits.map((e) => toOp(e, claim, text, span.from)),
  };
}

function verdictOf(claim: Claim, text: QuoteText, span: Span, edits: WordEdit[], score: number): Verdict {
  if (edits.every((e) => e.op === 'kept')) {
    const first = claim.words[0];
    const last = claim.words[claim.words.length - 1];
    const said = collapse(claim.text.slice(first.start, last.end));
    const written = collapse(text.document.text.slice(text.starts[span.from], text.ends[span.to - 1]));
    return said === written ? 'exact' : 'punctuation_or_case';
  }
  return score >= WEAK_BELOW ? 'words_differ' : 'weak_match';
}

function toOp(edit: WordEdit, claim: Claim, text: QuoteText, offset: number): DiffOp {
  const op: DiffOp = { op: edit.op };
  if (edit.op !== 'missing') op.claim = claim.words[edit.claim].surface;
  if (edit.op !== 'added') {
    const i = offset + edit.original;
    op.original = text.document.text.slice(text.starts[i], text.ends[i]);
    op.start = text.starts[i];
    op.end = text.ends[i];
  }
  return op;
}
