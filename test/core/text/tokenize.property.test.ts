/**
 * `tokenize` is a hand-written scan for speed; its definition is the regex {@link WORD} with a
 * fold per match. Property: for any text, the scan and the definition give the same tokens.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  asciiWordAround,
  foldKeepsOffsets,
  foldTerm,
  tokenize,
  WORD,
  type Token,
} from '../../../functions/core/text/tokenize.ts';

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

  it('folds text that needs only lowercasing as the full fold does, offsets kept, words where tokenize finds them', () => {
    const plain = fc
      .array(fc.constantFrom('a', 'Z', '7', ' ', '.', '’', '“', '”', '—', '…', '\u2010', '\u205f', '\n'), {
        maxLength: 40,
      })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(plain, mixedText), (text) => {
        const full = text
          .normalize('NFD')
          .replace(/\p{M}+/gu, '')
          .toLowerCase();
        expect(foldTerm(text)).toBe(full);
        if (!foldKeepsOffsets(text)) return;
        expect(full.length).toBe(text.length);
        for (const token of tokenize(text))
          for (let at = token.start; at < token.end; at++)
            expect(asciiWordAround(text, at)).toEqual([token.start, token.end]);
      }),
      { numRuns: 1000 },
    );
  });
});
