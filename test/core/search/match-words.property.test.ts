/**
 * Passages skip text that holds no query word's {@link matchedCore}: that is only safe while every
 * text word {@link wordMatches} accepts contains it. Property: it does, for any pair of words.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchedCore, wordMatches } from '../../../functions/core/search/match-words.ts';

/** Short words over a few letters, so that prefixes, plurals and near misses are common. */
const word = fc
  .array(fc.constantFrom('m', 'i', 'n', 's', 't', 'r', 'y', 'e'), { minLength: 1, maxLength: 9 })
  .map((l) => l.join(''));

describe('matchedCore', () => {
  it('is contained in every text word that matches the query word', () => {
    fc.assert(
      fc.property(word, word, (textWord, queryWord) => {
        if (wordMatches(textWord, queryWord)) expect(textWord).toContain(matchedCore(queryWord));
      }),
      { numRuns: 5000 },
    );
    expect(wordMatches('ministri', 'ministries')).toBe(true);
    expect(matchedCore('ministries')).toBe('ministri');
  });
});
