/**
 * `BatchWriteItem` over any number of items: DynamoDB takes 25 a request and may hand some back
 * unprocessed (throttling), so the items go in requests of 25, a few at once, and what comes back
 * is sent again with a back-off. Unconditional, as BatchWriteItem always is: callers use it only
 * for items whose keys nobody else writes.
 */
import {
  BatchWriteItemCommand,
  type AttributeValue,
  type BatchWriteItemCommandOutput,
  type DynamoDBClient,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { VerbatimError } from '../core/errors.ts';
import { forEachAtMost } from '../core/for-each-at-most.ts';

/** DynamoDB's limit on items per BatchWriteItem. */
export const BATCH_WRITE_LIMIT = 25;
/** Retries of unprocessed items (throttling) before giving up. */
export const MAX_BATCH_RETRIES = 5;
/** Requests in flight at once for one call (a bulk batch's band slots take 40 writes). */
export const PARALLEL_BATCH_WRITES = 8;

/** `items` in slices of `size` (the last one shorter). */
export const chunk = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** Waits before retry `attempt`: 100 ms, 200 ms, 400 ms … */
export const backOff = (attempt: number) => new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));

/**
 * Sends one batch request, then what DynamoDB handed back unprocessed (`send` returns it), after a
 * back-off, until nothing is left: the retry loop of every batch read and write.
 *
 * @throws VerbatimError `internal`, with `left(n)` naming the `n` requests, after {@link MAX_BATCH_RETRIES} retries.
 */
export async function sendUntilProcessed<T>(
  requests: T[],
  send: (pending: T[]) => Promise<T[] | undefined>,
  left: (n: number) => string,
): Promise<void> {
  let pending: T[] | undefined = requests;
  for (let attempt = 0; pending && pending.length > 0; attempt++) {
    if (attempt > MAX_BATCH_RETRIES)
      throw new VerbatimError('internal', `DynamoDB left ${left(pending.length)} after ${MAX_BATCH_RETRIES} retries.`);
    if (attempt > 0) await backOff(attempt);
    pending = await send(pending);
  }
}

/**
 * Puts `items` (or deletes the keys in it, with `op: 'delete'`); `what` names them in the error.
 *
 * @throws VerbatimError `internal` when items are still unprocessed after {@link MAX_BATCH_RETRIES} retries.
 * @example
 * ```ts
 * await batchWriteItems(dynamo, 'verbatim', [toItem({ pk: 'AUDIT', sk: id, ...entry })], 'audit entries');
 * ```
 */
export async function batchWriteItems(
  dynamo: DynamoDBClient,
  table: string,
  items: Array<Record<string, AttributeValue>>,
  what: string,
  op: 'put' | 'delete' = 'put',
): Promise<void> {
  await forEachAtMost(chunk(items, BATCH_WRITE_LIMIT), PARALLEL_BATCH_WRITES, (slice) =>
    sendUntilProcessed<WriteRequest>(
      slice.map((Item) => (op === 'put' ? { PutRequest: { Item } } : { DeleteRequest: { Key: Item } })),
      async (requests) => {
        const out: BatchWriteItemCommandOutput = await dynamo.send(
          new BatchWriteItemCommand({ RequestItems: { [table]: requests } }),
        );
        return out.UnprocessedItems?.[table];
      },
      (n) => `${n} ${what} unwritten`,
    ),
  );
}
