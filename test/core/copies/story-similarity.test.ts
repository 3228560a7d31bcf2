import { describe, expect, it } from 'vitest';
import {
  ENTITY_WEIGHT,
  IDF_WEIGHT,
  idfRarity,
  MAX_STORY_WORDS,
  MIN_IDF_DOCUMENTS,
  storySimilarity,
  storyVector,
} from '../../../functions/core/copies/story-similarity.ts';

describe('story vectors', () => {
  it('marks words capitalised mid-sentence as names, not a capital that only opens a sentence', () => {
    const vector = storyVector(
      'Rescuers reached Magnitogorsk late. Rescuers said the Ural cold slowed them; rescuers rested.',
    );
    expect(vector.entities.has('magnitogorsk')).toBe(true);
    expect(vector.entities.has('ural')).toBe(true);
    expect(vector.entities.has('rescuers')).toBe(false);
    expect(vector.counts.get('rescuers')).toBe(3);
  });

  it(`keeps at most ${MAX_STORY_WORDS} distinct words, the most frequent`, () => {
    // Letters only (a word with a digit is left out): 'wordaab', 'wordaac', …
    const letters = (n: number) =>
      [2, 1, 0].map((p) => String.fromCharCode(97 + (Math.floor(n / 26 ** p) % 26))).join('');
    const words = Array.from({ length: MAX_STORY_WORDS + 200 }, (_, i) => `word${letters(i)}`);
    const vector = storyVector(`${words.join(' ')} ${words[5]} ${words[5]}`);
    expect(vector.counts.size).toBe(MAX_STORY_WORDS);
    expect(vector.counts.get(words[5].toLowerCase())).toBe(3);
  });
});

describe('story similarity with idf and names', () => {
  it('gives every word weight 1 in an archive too small for idf', () => {
    const rarity = idfRarity(MIN_IDF_DOCUMENTS - 1, () => 1);
    expect(rarity('embassy')).toBe(1);
  });

  it('weighs a rare word up to 1 + IDF_WEIGHT and a word every document has at 1', () => {
    const documents = 10_000;
    const rarity = idfRarity(documents, (word) => (word === 'rare' ? 1 : documents));
    expect(rarity('rare')).toBeCloseTo(1 + IDF_WEIGHT, 5);
    expect(rarity('everywhere')).toBe(1);
  });

  it('scores two reports sharing a rare name above two sharing only a beat word', () => {
    const a = storyVector(
      'Officials in Harwick closed the harbour. The economy of Harwick depends on the harbour economy.',
    );
    const b = storyVector('The harbour at Harwick stays closed, and the economy suffers, traders in Harwick said.');
    const c = storyVector('The national economy grew, and the harbour trade economy grew with it.');
    const frequency = (word: string) => ({ harwick: 2, economy: 4_000, harbour: 300 })[word] ?? 50;
    const rarity = idfRarity(20_000, frequency);
    expect(storySimilarity(a, b, rarity)).toBeGreaterThan(storySimilarity(a, c, rarity));
    expect(storySimilarity(a, b, rarity)).toBe(storySimilarity(b, a, rarity));
    expect(ENTITY_WEIGHT).toBeGreaterThan(1);
  });
});
