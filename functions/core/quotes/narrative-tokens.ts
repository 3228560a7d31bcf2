import type { QuoteSpan } from './quote-span.ts';
import { QUOTE_PLACEHOLDER } from './read-speaker-phrase.ts';
import { tokenizeWords, type WordToken as Token } from '../text/tokenize.ts';

/**
 * What attribution needs to know about the quote's surroundings: the other quotes in the same
 * line (their words must not be read as narrative), and the text.
 */
export interface AttributionContext {
  text: string;
  /** All quote spans of the line the quote is in, in order. */
  lineSpans: QuoteSpan[];
}

/**
 * Tokenises `[start, end)` with every other quotation in the line replaced by one placeholder
 * token, so a reporting verb inside someone else's quote is never mistaken for narrative.
 *
 * @example
 * ```ts
 * // text: 'Potter said “we won” today'
 * narrativeTokens({ text, lineSpans }, 0, text.length).map((t) => t.text); // ['Potter', 'said', QUOTE_PLACEHOLDER, 'today']
 * ```
 */
export function narrativeTokens(ctx: AttributionContext, start: number, end: number): Token[] {
  const out: Token[] = [];
  let pos = start;
  const spans = ctx.lineSpans;
  // Spans are sorted and disjoint: start one before the first span opening at or after `start`
  // and stop at the first opening at or after `end`. Scanning every span of the line for every
  // quote was quadratic — minutes for a hostile one-line upload with thousands of quotes.
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].open < start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = Math.max(0, lo - 1); i < spans.length; i++) {
    const q = spans[i];
    const qs = q.open;
    if (qs >= end) break;
    const qe = q.close === null ? q.lineEnd : q.close + 1;
    if (qe <= pos) continue;
    if (qs > pos) tokenizeWords(ctx.text, pos, qs, out);
    out.push({ text: QUOTE_PLACEHOLDER, start: qs, end: qe, word: false });
    pos = Math.max(pos, qe);
  }
  if (pos < end) tokenizeWords(ctx.text, pos, end, out);
  return out;
}

/** The mention text and offsets of the inclusive token range `r`. */
export function phrase(text: string, tokens: Token[], r: [number, number]) {
  return {
    mention: text.slice(tokens[r[0]].start, tokens[r[1]].end),
    mentionStart: tokens[r[0]].start,
    mentionEnd: tokens[r[1]].end,
  };
}
