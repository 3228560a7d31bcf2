import type { QuoteKind } from '../document.ts';
import { countWords } from '../text/count-words.ts';

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
