import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeFingerprint,
  encodeFingerprint,
  FINGERPRINT_VERSION,
} from '../../../functions/core/copies/fingerprint-codec.ts';
import { judgeCopy } from '../../../functions/core/copies/judge-copy.ts';
import { linkFeatures, type LinkSubject } from '../../../functions/core/copies/link-features.ts';
import { idfRarity, storySimilarity } from '../../../functions/core/copies/story-similarity.ts';

// Capitalised and accented words, so names and non-ASCII words are in the vectors too.
const word = fc.constantFrom(
  'Pier',
  'council',
  'storm',
  'Kyiv',
  'ferry',
  'Zürich',
  'boats',
  'homes',
  'steel',
  'timber',
  'Ana',
  'Ruiz',
  'harbour',
  'said',
  'the',
  'café',
  'wall',
);
const sentence = fc.array(word, { minLength: 3, maxLength: 15 }).map((w) => `${w.join(' ')}.`);
const text = fc.array(sentence, { minLength: 1, maxLength: 40 }).map((s) => s.join(' '));
const subjectOf = (id: string, title: string, body: string, publishedAt: string | null): LinkSubject => ({
  id,
  title,
  publishedAt,
  features: linkFeatures({ title, text: body }),
});
const rarity = idfRarity(5_000, (w) => (w.length * 37) % 900);

describe('fingerprint codec (properties)', () => {
  it('decodes what it encodes: keys, shingles, counts, and the names among counted words', () => {
    fc.assert(
      fc.property(text, sentence, fc.option(fc.constant('2025-11-14T00:00:00.000Z')), (body, title, date) => {
        const subject = subjectOf('a1', title, body, date);
        const decoded = decodeFingerprint('a1', encodeFingerprint(subject))!;
        expect(decoded.id).toBe('a1');
        expect(decoded.title).toBe(title);
        expect(decoded.publishedAt).toBe(date);
        expect(decoded.features.keys).toEqual(subject.features.keys);
        expect([...decoded.features.shingles].sort()).toEqual([...subject.features.shingles].sort());
        expect(decoded.features.story.counts).toEqual(subject.features.story.counts);
        const counted = [...subject.features.story.entities].filter((w) => subject.features.story.counts.has(w));
        expect([...decoded.features.story.entities].sort()).toEqual(counted.sort());
      }),
      { numRuns: 60 },
    );
  });

  it('judges and scores a decoded candidate exactly as the one it was encoded from', () => {
    fc.assert(
      fc.property(text, text, sentence, (a, b, title) => {
        const one = subjectOf('a', title, a, null);
        const other = subjectOf('b', title, b, null);
        const decoded = decodeFingerprint('b', encodeFingerprint(other))!;
        expect(judgeCopy(one.features.shingles, decoded.features.shingles)).toEqual(
          judgeCopy(one.features.shingles, other.features.shingles),
        );
        expect(storySimilarity(one.features.story, decoded.features.story, rarity)).toBe(
          storySimilarity(one.features.story, other.features.story, rarity),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('answers null for another version, a truncated item or trailing bytes, never throws', () => {
    const bytes = encodeFingerprint(subjectOf('a', 'Storm hits pier', 'The storm hit the pier at Kyiv harbour.', null));
    expect(bytes[0]).toBe(FINGERPRINT_VERSION);
    expect(decodeFingerprint('a', Uint8Array.from([FINGERPRINT_VERSION + 1, ...bytes.subarray(1)]))).toBeNull();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: bytes.length - 1 }), (cut) => {
        expect(decodeFingerprint('a', bytes.subarray(0, cut))).toBeNull();
      }),
    );
    expect(decodeFingerprint('a', Uint8Array.from([...bytes, 0]))).toBeNull();
  });
});
