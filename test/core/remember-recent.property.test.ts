import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rememberRecent } from '../../functions/core/remember-recent.ts';

describe('rememberRecent', () => {
  it('keeps the most recently remembered keys, at most capacity, oldest first, with their latest values (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(9), fc.nat())), fc.integer({ min: 1, max: 6 }), (uses, capacity) => {
        const map = new Map<number, number>();
        for (const [key, value] of uses) rememberRecent(map, key, value, capacity);
        // The reference: each key's last use, most recent last, then the last `capacity` of them.
        const last = new Map<number, [at: number, value: number]>();
        uses.forEach(([key, value], at) => last.set(key, [at, value]));
        const expected = [...last]
          .sort((a, b) => a[1][0] - b[1][0])
          .slice(-capacity)
          .map(([key, [, value]]) => [key, value]);
        expect([...map]).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });
});
