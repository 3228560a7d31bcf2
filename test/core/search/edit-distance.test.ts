import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { boundedEditDistance } from '../../../functions/core/search/edit-distance.ts';

/** Plain Levenshtein over UTF-16 code units (as the index compares words), the full table. */
function levenshtein(a: string, b: string): number {
  const table = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      table[i][j] = Math.min(
        table[i - 1][j] + 1,
        table[i][j - 1] + 1,
        table[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
  }
  return table[a.length][b.length];
}

// Few letters, so that random words are often close to each other.
const nearWord = fc.array(fc.constantFrom('a', 'b', 'c', 'é'), { maxLength: 10 }).map((cs) => cs.join(''));
const anyWord = fc.string({ maxLength: 12, unit: 'binary' });

describe('boundedEditDistance', () => {
  it('is the Levenshtein distance when within the ceiling, and max + 1 beyond it', () => {
    fc.assert(
      fc.property(
        fc.oneof(nearWord, anyWord),
        fc.oneof(nearWord, anyWord),
        fc.integer({ min: 0, max: 5 }),
        (a, b, max) => {
          const d = levenshtein(a, b);
          expect(boundedEditDistance(a, b, max)).toBe(d <= max ? d : max + 1);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('agrees with the reference on edits of a word', () => {
    // A word and a few random edits of it: distances 0–3 are common here, unlike for random pairs.
    const edited = fc
      .tuple(
        nearWord,
        fc.array(fc.tuple(fc.constantFrom('insert', 'delete', 'replace'), fc.nat(), fc.constantFrom('a', 'b', 'd')), {
          maxLength: 3,
        }),
      )
      .map(([word, edits]) => {
        let out = word;
        for (const [kind, at, c] of edits) {
          const i = out.length === 0 ? 0 : at % (out.length + (kind === 'insert' ? 1 : 0));
          if (kind === 'insert') out = out.slice(0, i) + c + out.slice(i);
          else if (out.length > 0 && kind === 'delete') out = out.slice(0, i) + out.slice(i + 1);
          else if (out.length > 0) out = out.slice(0, i) + c + out.slice(i + 1);
        }
        return [word, out] as const;
      });
    fc.assert(
      fc.property(edited, fc.integer({ min: 0, max: 3 }), ([a, b], max) => {
        const d = levenshtein(a, b);
        expect(boundedEditDistance(a, b, max)).toBe(Math.min(d, max + 1));
        expect(boundedEditDistance(b, a, max)).toBe(Math.min(d, max + 1));
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the documented examples', () => {
    expect(boundedEditDistance('goverment', 'government', 2)).toBe(1);
    expect(boundedEditDistance('budget', 'gadget', 1)).toBe(2);
    expect(boundedEditDistance('budget', 'gadget', 2)).toBe(2);
    expect(boundedEditDistance('budget', 'gadget', 3)).toBe(2);
  });

  it('stops at the ceiling', () => {
    // Identical, empty, and max 0.
    expect(boundedEditDistance('', '', 0)).toBe(0);
    expect(boundedEditDistance('ferry', 'ferry', 0)).toBe(0);
    expect(boundedEditDistance('ferry', 'berry', 0)).toBe(1);
    expect(boundedEditDistance('', 'ab', 1)).toBe(2);
    expect(boundedEditDistance('', 'ab', 2)).toBe(2);
    expect(boundedEditDistance('ab', '', 5)).toBe(2);
    // Lengths too far apart: max + 1 without looking at letters.
    expect(boundedEditDistance('port', 'portrait', 2)).toBe(3);
    expect(boundedEditDistance('port', 'portrait', 4)).toBe(4);
    // Every row over the ceiling: max + 1, never the true (larger) distance.
    expect(boundedEditDistance('abcdefgh', 'stuvwxyz', 1)).toBe(2);
    expect(boundedEditDistance('abcdefgh', 'stuvwxyz', 2)).toBe(3);
    expect(boundedEditDistance('abcdefgh', 'stuvwxyz', 8)).toBe(8);
    // A transposition is two edits.
    expect(boundedEditDistance('bugdet', 'budget', 1)).toBe(2);
    expect(boundedEditDistance('bugdet', 'budget', 2)).toBe(2);
  });
});
