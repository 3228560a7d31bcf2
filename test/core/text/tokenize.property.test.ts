/**
 * `tokenize` is a hand-written scan for speed; its definition is the regex {@link WORD} with a
 * fold per match. Property: for any text, the scan and the definition give the same tokens.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldTerm, tokenize, WORD, type Token } from '../../../functions/core/text/tokenize.ts';

/** The definition the scan must match. */
function byRegex(text: string, offset: number): Token[] {
  return [...text.matchAll(WORD)].map((match) => ({
    start: offset + match.index,
    end: offset + match.index + match[0].length,
    folded: foldTerm(match[0]),
  }));
}

/** Pieces that meet at word edges: ASCII, accents precomposed and combining, other scripts, emoji, lone surrogates. */
const PIECES = [
  'a',
  'Z',
  'q',
  '7',
  ' ',
  '.',
  '’',
  "'",
  '-',
  '“',
  '\n',
  'é',
  'É',
  'e\u0301',
  '\u0301',
  'ß',
  'İ',
  'Ω',
  'д',
  'Ж',
  '中',
  '文',
  '٣',
  '½',
  'ǅ',
  '😀',
  '𝐀',
  '\ud800',
  '\udc00',
  '\u00a0',
  '\u200b',
  'ﬁ',
  'Ⅻ',
];
const mixedText = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''));

describe('tokenize', () => {
  it('finds the same words as the WORD regex, folded the same, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(mixedText, fc.string({ unit: 'binary', maxLength: 60 })), fc.nat(1000), (text, offset) => {
        expect(tokenize(text, offset)).toEqual(byRegex(text, offset));
      }),
      { numRuns: 2000 },
    );
  });

  it('folds case and accents', () => {
    expect(tokenize('Café ZELENSKYY, said').map((t) => t.folded)).toEqual(['cafe', 'zelenskyy', 'said']);
  });
});
