import type { QuoteKind } from '../document.ts';

/** Longest quoted span, in words, that can be a mere term (scare quote, title, nickname). */
const MAX_TERM_WORDS = 4;

/**
 * Decides whether quoted words are speech or just a quoted term. A term is short, has no
 * attribution, and sits inside a sentence; a short quote that is a whole sentence on its own
 * (“Thank you.”) is still speech.
 *
 * @example
 * ```ts
 * classifyQuoteKind('Tea Party', { attributed: false, standalone: false }); // 'term'
 * classifyQuoteKind('We will win.', { attributed: true, standalone: true }); // 'speech'
 * ```
 */
export function classifyQuoteKind(words: string, context: { attributed: boolean; standalone: boolean }): QuoteKind {
  if (context.attributed || context.standalone) return 'speech';
  return countWords(words) <= MAX_TERM_WORDS ? 'term' : 'speech';
}

/**
 * Counts whitespace-separated words.
 *
 * @example
 * ```ts
 * countWords(' two  words '); // 2
 * ```
 */
export function countWords(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const space = s.charCodeAt(i) <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}
