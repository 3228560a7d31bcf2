import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldTerm, tokenize, tokenizeWords, WORD } from '../../../functions/core/text/tokenize.ts';
import * as oldIndex from '../../../functions/core/text-tokens.ts';
import * as oldQuote from '../../../functions/core/quotes/tokenize-words.ts';

/** Pieces chosen to hit every branch of both variants: joiners, marks, quote marks, surrogates, odd spaces. */
const PIECES = [
  'a', 'Z', '7', ' ', '\n', '\t', '\u00a0', '\u2009', '’', "'", '-', '.', ',', '“', '”', '"', '£', '—',
  'é', 'e\u0301', '\u0301', 'ß', 'İ', 'Ω', '北京', 'ไทย', 'क्षि', '𝐀', '😀', '\ud83d', '\ude00', 'O’Malley', 'al-Assad', 'U.S.',
];
const texts = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((p) => p.join('')),
);
const RUNS = { numRuns: 3000 };

describe('the one tokenizer reproduces the ones it replaced', () => {
  it('index words: tokenize, WORD and foldTerm as core/text-tokens.ts had them', () => {
    fc.assert(fc.property(texts, fc.nat(1000), (text, offset) => {
      expect(tokenize(text, offset)).toEqual(oldIndex.tokenize(text, offset));
      expect([...text.matchAll(WORD)].map((m) => [m.index, m[0]])).toEqual([...text.matchAll(oldIndex.WORD)].map((m) => [m.index, m[0]]));
      expect(foldTerm(text)).toBe(oldIndex.foldTerm(text));
    }), RUNS);
  });

  it('quote words: tokenizeWords as core/quotes/tokenize-words.ts had it, on any window', () => {
    fc.assert(fc.property(texts, fc.nat(), fc.nat(), (text, a, b) => {
      const start = text.length === 0 ? 0 : a % (text.length + 1);
      const end = start + (text.length === 0 ? 0 : b % (text.length - start + 1));
      expect(tokenizeWords(text, start, end)).toEqual(oldQuote.tokenizeWords(text, start, end));
    }), RUNS);
  });
});
