import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  packDirectory,
  unpackDirectory,
  type PackedDirectory,
} from '../../../functions/core/search/shard-directory.ts';

const ascending = (sizes: number[], start: number) => {
  const out = new Uint32Array(sizes.length + 1);
  out[0] = start;
  sizes.forEach((size, b) => (out[b + 1] = out[b] + size));
  return out;
};

/** A directory as a shard has one: sorted first keys (any text, astral letters too) and block sizes. */
const directories = fc
  .record({
    keys: fc.uniqueArray(fc.string({ unit: 'grapheme', maxLength: 12 }), { minLength: 1, maxLength: 60 }),
    termSizes: fc.array(fc.integer({ min: 1, max: 70_000 }), { minLength: 60, maxLength: 60 }),
    charSizes: fc.array(fc.integer({ min: 1, max: 5_000 }), { minLength: 60, maxLength: 60 }),
    documentSizes: fc.array(fc.integer({ min: 1, max: 70_000 }), { maxLength: 40 }),
    storedSizes: fc.array(fc.integer({ min: 1, max: 70_000 }), { maxLength: 40 }),
    directoryEnd: fc.integer({ min: 16, max: 2 ** 20 }),
    storedAt: fc.integer({ min: 0, max: 2 ** 30 }),
  })
  .map(({ keys, termSizes, charSizes, documentSizes, storedSizes, directoryEnd, storedAt }) => {
    const firstKeys = [...keys].sort();
    const termOffsets = ascending(termSizes.slice(0, firstKeys.length), directoryEnd);
    const directory: PackedDirectory = {
      firstKeys,
      termOffsets,
      blockChars: ascending(charSizes.slice(0, firstKeys.length), 0),
      blockPostings: ascending(termSizes.slice(0, firstKeys.length).reverse(), 0),
      documentOffsets: ascending(documentSizes, termOffsets[firstKeys.length]),
      storedOffsets: ascending(storedSizes, storedAt),
    };
    const shape = {
      termBlocks: firstKeys.length,
      documentBlocks: documentSizes.length,
      storedBlocks: storedSizes.length,
      directoryEnd,
      storedAt,
    };
    return { directory, shape };
  });

describe('a packed shard directory', () => {
  it('unpacks to what was packed, for any keys and block sizes', () => {
    fc.assert(
      fc.property(directories, ({ directory, shape }) => {
        expect(unpackDirectory(packDirectory(directory), shape)).toEqual(directory);
      }),
    );
  });

  it('is refused as corrupt when cut short, never read wrong', () => {
    fc.assert(
      fc.property(directories, fc.integer({ min: 1, max: 50 }), ({ directory, shape }, cut) => {
        const bytes = packDirectory(directory);
        const short = bytes.subarray(0, Math.max(0, bytes.byteLength - cut));
        expect(() => unpackDirectory(short, shape)).toThrow(/corrupt/);
        // One block more than it holds: the sizes run out.
        expect(() => unpackDirectory(bytes, { ...shape, storedBlocks: shape.storedBlocks + 1 })).toThrow(/corrupt/);
      }),
    );
  });

  it('takes under half the bytes of VSG9’s JSON keys and u32 offsets for keys that share prefixes', () => {
    const firstKeys = Array.from({ length: 300 }, (_, b) => `word${String(b).padStart(4, '0')}\u00011`);
    const size = (n: number) => ascending(new Array(n).fill(3000), 0);
    const directory = {
      firstKeys,
      termOffsets: size(300),
      blockChars: size(300),
      blockPostings: size(300),
      documentOffsets: size(313),
      storedOffsets: size(1250),
    };
    // VSG9 had no block postings: VS10 holds them too, and still takes less than half.
    const vsg9 = JSON.stringify(firstKeys).length + 4 * (2 * 301 + 314 + 1251);
    expect(packDirectory(directory).byteLength).toBeLessThan(vsg9 / 2);
  });
});
