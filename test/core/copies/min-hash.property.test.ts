import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bandKeys,
  containment,
  estimateSimilarity,
  jaccard,
  minHashSignature,
  shingleSet,
  SIGNATURE_SIZE,
} from '../../../functions/core/copies/min-hash.ts';

const word = fc.constantFrom(
  'pier',
  'council',
  'storm',
  'vote',
  'ferry',
  'wall',
  'boats',
  'homes',
  'steel',
  'timber',
  'april',
  'winter',
  'crew',
  'harbour',
  'said',
  'the',
);
const words = fc.array(word, { minLength: 30, maxLength: 200 });
const intSet = fc
  .uniqueArray(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 400 })
  .map((a) => new Set(a));

describe('MinHash (properties)', () => {
  it('jaccard and containment are symmetric, in [0, 1], 1 on identical sets; containment ≥ jaccard', () => {
    fc.assert(
      fc.property(intSet, intSet, (a, b) => {
        const j = jaccard(a, b);
        expect(j).toBe(jaccard(b, a));
        expect(j).toBeGreaterThanOrEqual(0);
        expect(j).toBeLessThanOrEqual(1);
        expect(jaccard(a, new Set(a))).toBe(1);
        expect(containment(a, b)).toBeGreaterThanOrEqual(j);
      }),
    );
  });

  it('the signature estimate stays close to the exact Jaccard similarity (reference: the sets themselves)', () => {
    fc.assert(
      fc.property(intSet, intSet, (a, b) => {
        // Overlap the two sets so the interesting middle range of similarity is covered.
        const merged = new Set([...a, ...[...b].slice(0, b.size >> 1)]);
        const exact = jaccard(merged, b);
        const estimate = estimateSimilarity(minHashSignature(merged), minHashSignature(b));
        // 30 hash functions: standard error ≤ 0.09, so 0.4 is > 4 sigma (and the seed is fixed).
        expect(Math.abs(estimate - exact)).toBeLessThan(0.4);
      }),
      { numRuns: 200, seed: 20261201 },
    );
  });

  it('shingles ignore case, accents and punctuation; identical texts share every band key', () => {
    fc.assert(
      fc.property(words, (list) => {
        const plain = list.join(' ');
        const noisy = list.map((w, i) => (i % 3 === 0 ? w.toUpperCase() : i % 5 === 0 ? `${w},` : w)).join('  ');
        expect(jaccard(shingleSet(plain), shingleSet(noisy))).toBe(1);
        expect(bandKeys(minHashSignature(shingleSet(plain)))).toEqual(bandKeys(minHashSignature(shingleSet(noisy))));
      }),
    );
  });

  it('signatures have a fixed size and a text shorter than one shingle still has one', () => {
    expect(minHashSignature(shingleSet('Short text')).length).toBe(SIGNATURE_SIZE);
    expect(shingleSet('Short text').size).toBe(1);
    expect(shingleSet('Éclair café au lait').size).toBe(1);
  });
});
