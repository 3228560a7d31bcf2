import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extractQuotes } from '../../../functions/core/quotes/extract-quotes.ts';
import { splitParagraphs } from '../../../functions/core/text/split-paragraphs.ts';

// Text built from pieces that exercise the tricky parts: every kind of mark, pseudo-tags,
// newlines, attributions, pronouns, possessives, signature lines.
const piece = fc.constantFrom(
  '“',
  '”',
  '"',
  '‘',
  '’',
  "'",
  '<tweet a="x">',
  '\n',
  '\n\n',
  ' ',
  ',',
  '.',
  ':',
  '—',
  '(',
  ')',
  'Potter',
  'Alex Potter',
  'said',
  'he',
  'she',
  'told',
  'the ministry',
  'according to',
  'Mr.',
  'We will win',
  'a',
  'term',
  '— Ana Ruiz (@ana) May 1, 2024',
  'pic.twitter.com/x',
  '😀',
  'é',
  'Ruiz’s',
  'WALLACE: ',
);
const textArb = fc
  .array(fc.oneof(piece, fc.string({ maxLength: 6 })), { maxLength: 60 })
  .map((parts) => parts.join(''));

describe('extractQuotes properties', () => {
  it('returns sorted, non-overlapping, trimmed spans that match the text', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const quotes = extractQuotes(text, splitParagraphs(text));
        let lastEnd = 0;
        for (const q of quotes) {
          expect(q.start).toBeGreaterThanOrEqual(lastEnd);
          expect(q.end).toBeGreaterThan(q.start);
          expect(q.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(q.start, q.end)).toBe(q.text);
          expect(q.text).toBe(q.text.trim());
          expect(['speech', 'term']).toContain(q.kind);
          lastEnd = q.end;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the same answer twice (no state leaks between calls)', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        expect(extractQuotes(text, splitParagraphs(text))).toEqual(extractQuotes(text, splitParagraphs(text)));
      }),
      { numRuns: 300 },
    );
  });
});
