import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  foldTerm,
  tokenize,
  tokenizeWords,
  WORD,
  type Token,
  type WordToken,
} from '../../../functions/core/text/tokenize.ts';

// The tokenizer replaced core/text-tokens.ts and core/quotes/tokenize-words.ts; the commit that
// added it checked it against both on the same random texts. These reference models say the same
// thing another way, so the two variants cannot drift.

/** Pieces chosen to hit every branch of both variants: joiners, marks, quote marks, surrogates, odd spaces. */
const PIECES = [
  'a',
  'Z',
  '7',
  ' ',
  '\n',
  '\t',
  '\u00a0',
  '\u2009',
  '’',
  "'",
  '-',
  '.',
  ',',
  '“',
  '”',
  '"',
  '£',
  '—',
  'é',
  'e\u0301',
  '\u0301',
  'ß',
  'İ',
  'Ω',
  '北京',
  'ไทย',
  'क्षि',
  '𝐀',
  '😀',
  '\ud83d',
  '\ude00',
  'O’Malley',
  'al-Assad',
  'U.S.',
];
const texts = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((p) => p.join('')),
);
const RUNS = { numRuns: 3000 };

/** Index words by code point: maximal runs of letters and digits. */
function indexWordsModel(text: string, offset: number): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  let start = -1;
  for (const point of [...text, '']) {
    const letter = /^[\p{L}\p{N}]$/u.test(point);
    if (letter && start < 0) start = at;
    if (!letter && start >= 0) {
      const word = text.slice(start, at);
      tokens.push({
        start: offset + start,
        end: offset + at,
        folded: word
          .normalize('NFD')
          .replace(/\p{M}+/gu, '')
          .toLowerCase(),
      });
      start = -1;
    }
    at += point.length;
  }
  return tokens;
}

/** Quote words by a regex over each code unit's class: w word, j joiner, h high surrogate, space. */
function quoteWordsModel(text: string, start: number, end: number): WordToken[] {
  const classes = text
    .slice(start, end)
    .split('')
    .map((unit) => {
      if (/\s/.test(unit)) return ' ';
      if (/[\p{L}\p{N}\p{M}]/u.test(unit)) return 'w';
      if ("’'-.".includes(unit)) return 'j';
      const c = unit.charCodeAt(0);
      return c >= 0xd800 && c <= 0xdbff ? 'h' : 'p';
    })
    .join('');
  const tokens: WordToken[] = [];
  for (const m of classes.matchAll(/( )|(w+(?:jw+)*)|(h[\s\S])|([\s\S])/g)) {
    if (m[1]) continue;
    const s = start + m.index;
    const piece = text.slice(s, s + m[0].length);
    tokens.push({ text: piece, start: s, end: s + m[0].length, word: Boolean(m[2]) && !/\p{M}/u.test(piece[0]) });
  }
  return tokens;
}

describe('tokenize (index words)', () => {
  it('is the maximal runs of letters and digits, folded', () => {
    fc.assert(
      fc.property(texts, fc.nat(1000), (text, offset) => {
        expect(tokenize(text, offset)).toEqual(indexWordsModel(text, offset));
        expect([...text.matchAll(WORD)].map((m) => m.index)).toEqual(indexWordsModel(text, 0).map((t) => t.start));
      }),
      RUNS,
    );
  });

  it('folds ASCII by its fast path exactly as by the full decomposition', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(foldTerm(text)).toBe(
          text
            .normalize('NFD')
            .replace(/\p{M}+/gu, '')
            .toLowerCase(),
        );
      }),
      RUNS,
    );
  });

  it('splits at apostrophes and currency signs', () => {
    expect(tokenize('Baku’s £10bn').map((t) => t.folded)).toEqual(['baku', 's', '10bn']);
  });
});

describe('tokenizeWords (quote words)', () => {
  it('agrees with the class-regex model on any window', () => {
    fc.assert(
      fc.property(texts, fc.nat(), fc.nat(), (text, a, b) => {
        const start = text.length === 0 ? 0 : a % (text.length + 1);
        const end = start + (text.length === 0 ? 0 : b % (text.length - start + 1));
        expect(tokenizeWords(text, start, end)).toEqual(quoteWordsModel(text, start, end));
      }),
      RUNS,
    );
  });

  it('keeps names whole and leaves a final dot as punctuation', () => {
    expect(tokenizeWords('O’Malley and al-Assad said.', 0, 27).map((t) => t.text)).toEqual([
      'O’Malley',
      'and',
      'al-Assad',
      'said',
      '.',
    ]);
  });

  it('appends to the tokens it is given', () => {
    const tokens = tokenizeWords('one', 0, 3);
    expect(tokenizeWords(' two', 0, 4, tokens)).toBe(tokens);
    expect(tokens.map((t) => t.text)).toEqual(['one', 'two']);
  });
});
