import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../functions/core/text/normalize-text.ts';
import { splitParagraphs } from '../../../functions/core/text/split-paragraphs.ts';

describe('splitParagraphs', () => {
  it('gives the offsets of blank-line separated blocks', () => {
    const text = 'First one.\n\nSecond one.\n\nThird.';
    expect(splitParagraphs(text)).toEqual([
      { start: 0, end: 10 },
      { start: 12, end: 23 },
      { start: 25, end: 31 },
    ]);
  });

  it('returns nothing for empty or blank text', () => {
    expect(splitParagraphs('')).toEqual([]);
    expect(splitParagraphs(' \n\n \n')).toEqual([]);
  });

  it('keeps single line breaks inside a block and trims its edges', () => {
    const text = '  a\n b \n \n\n c\n';
    expect(splitParagraphs(text).map((p) => text.slice(p.start, p.end))).toEqual(['a\n b', 'c']);
  });

  it('counts offsets in UTF-16 code units', () => {
    const text = '\u{1f600} smile\n\nnext';
    expect(splitParagraphs(text)).toEqual([
      { start: 0, end: 8 },
      { start: 10, end: 14 },
    ]);
  });

  it('slices non-empty, trimmed, ordered paragraphs of normalised text, covering all of it', () => {
    const texts = fc
      .array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom('\n', '\n\n', ' ', 'Share')), {
        maxLength: 30,
      })
      .map((parts) => normalizeText(parts.join('')));
    fc.assert(
      fc.property(texts, (text) => {
        const paragraphs = splitParagraphs(text);
        let previousEnd = 0;
        for (const { start, end } of paragraphs) {
          const slice = text.slice(start, end);
          expect(slice.length).toBeGreaterThan(0);
          expect(slice).toBe(slice.trim());
          expect(slice).not.toContain('\n');
          expect(start).toBeGreaterThanOrEqual(previousEnd);
          previousEnd = end;
        }
        expect(paragraphs.map(({ start, end }) => text.slice(start, end)).join('\n\n')).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('slices non-empty trimmed paragraphs of any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        for (const { start, end } of splitParagraphs(text)) {
          const slice = text.slice(start, end);
          expect(slice.length).toBeGreaterThan(0);
          expect(slice).toBe(slice.trim());
        }
      }),
    );
  });
});
