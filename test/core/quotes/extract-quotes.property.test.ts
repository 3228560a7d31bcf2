import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extractQuotes } from '../../../functions/core/quotes/extract-quotes.ts';
import type { Paragraph } from '../../../functions/core/document.ts';

// Text built from pieces that exercise the tricky parts: every kind of mark, pseudo-tags,
// newlines, attributions, pronouns, possessives, signature lines.
const piece = fc.constantFrom(
  '“', '”', '"', '‘', '’', "'", '<tweet a="x">', '\n', '\n\n', ' ', ',', '.', ':', '—', '(', ')',
  'Potter', 'Alex Potter', 'said', 'he', 'she', 'told', 'the ministry', 'according to', 'Mr.', 'We will win',
  'a', 'term', '— Ana Ruiz (@ana) May 1, 2024', 'pic.twitter.com/x', '😀', 'é', 'Ruiz’s', 'WALLACE: ',
);
const textArb = fc.array(fc.oneof(piece, fc.string({ maxLength: 6 })), { maxLength: 60 }).map((parts) => parts.join(''));

function paragraphsOf(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /\n\n+/g;
  let s = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m.index > s) out.push({ start: s, end: m.index });
    s = m.index + m[0].length;
  }
  if (s < text.length) out.push({ start: s, end: text.length });
  return out;
}

describe('extractQuotes properties', () => {
  it('returns sorted, non-overlapping, trimmed spans that match the text', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const quotes = extractQuotes(text, paragraphsOf(text));
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
        expect(extractQuotes(text, paragraphsOf(text))).toEqual(extractQuotes(text, paragraphsOf(text)));
      }),
      { numRuns: 300 },
    );
  });
});
