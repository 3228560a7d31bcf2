/**
 * What a band key holds after a batch is filed under it: the newest first, each once, at most
 * BAND_IDS, never a removed one, and always the batch's latest documents when there are enough.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BAND_IDS, mergeBandIds } from '../../../functions/core/copies/link-store.ts';

const ids = fc.uniqueArray(fc.constantFrom(...'abcdefghij'), { maxLength: 10 });

describe('mergeBandIds', () => {
  it('keeps the newest ids first, each once, at most BAND_IDS, none removed', () => {
    fc.assert(
      fc.property(ids, ids, fc.uniqueArray(fc.constantFrom(...'abcdefghij')), (held, added, removed) => {
        const gone = new Set(removed);
        const merged = mergeBandIds(held.slice(0, BAND_IDS), added, gone);
        expect(merged.length).toBeLessThanOrEqual(BAND_IDS);
        expect(new Set(merged).size).toBe(merged.length);
        expect(merged.some((id) => gone.has(id))).toBe(false);
        // The batch's own (the last filed first) lead, then what the key held, in its order.
        const expected = [...[...added].reverse(), ...held.slice(0, BAND_IDS)].filter(
          (id, i, all) => all.indexOf(id) === i && !gone.has(id),
        );
        expect(merged).toEqual(expected.slice(0, BAND_IDS));
      }),
    );
  });
});
