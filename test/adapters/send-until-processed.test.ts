import { describe, expect, it } from 'vitest';
import { MAX_BATCH_RETRIES, sendUntilProcessed } from '../../functions/adapters/batch-write-items.ts';
import { VerbatimError } from '../../functions/core/errors.ts';

// DynamoDB hands requests back unprocessed under throttling, which the embedded server never does:
// the loop is driven here by a `send` that hands back what a throttled table would.
describe('sendUntilProcessed', () => {
  it('sends again what comes back unprocessed until nothing is left', async () => {
    const sent: number[][] = [];
    await sendUntilProcessed(
      [1, 2, 3, 4],
      async (pending) => {
        sent.push(pending);
        return pending.slice(Math.ceil(pending.length / 2));
      },
      (n) => `${n} numbers unwritten`,
    );
    expect(sent).toEqual([[1, 2, 3, 4], [3, 4], [4]]);
  });

  it('gives up with an internal error naming what is left after MAX_BATCH_RETRIES retries', async () => {
    let sends = 0;
    const never = sendUntilProcessed(
      ['a', 'b'],
      async (pending) => {
        sends++;
        return pending;
      },
      (n) => `${n} items unread`,
    );
    await expect(never).rejects.toThrow(VerbatimError);
    await expect(never).rejects.toThrow(`DynamoDB left 2 items unread after ${MAX_BATCH_RETRIES} retries.`);
    expect(sends).toBe(MAX_BATCH_RETRIES + 1);
  }, 10_000);
});
