/** The quote with exactly these words that extraction finds in `text`; the test fails if there is none. */
import { expect } from 'vitest';
import type { Quote } from '../../../functions/core/document.ts';
import { extractQuotes } from '../../../functions/core/quotes/extract-quotes.ts';
import { splitParagraphs } from '../../../functions/core/text/split-paragraphs.ts';

export function quoteOf(text: string, words: string): Quote {
  const q = extractQuotes(text, splitParagraphs(text)).find((x) => x.text === words);
  expect(q, `no quote "${words}"`).toBeDefined();
  return q!;
}
