/**
 * `BatchGetItem` over any number of keys: DynamoDB takes 100 a request and may hand some back
 * unprocessed (throttling or its 16 MB response limit), so the keys go in requests of 100, a few
 * at once, and what comes back is asked again with a back-off (`sendUntilProcessed`, the loop
 * `batchWriteItems` uses for writes).
 */
import {
  BatchGetItemCommand,
  type AttributeValue,
  type BatchGetItemCommandOutput,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { forEachAtMost } from '../core/for-each-at-most.ts';
import { chunk, sendUntilProcessed } from './batch-write-items.ts';

/** DynamoDB's limit on keys per BatchGetItem. */
export const BATCH_GET_LIMIT = 100;

/**
 * Requests in flight at once for one call: a bulk batch's band keys take 10 reads, which one
 * after the other would cost 10 round trips of latency.
 */
export const PARALLEL_BATCH_GETS = 8;

/** What a read may add to its request: consistent reads, and the attributes to return. */
export interface BatchGetOptions {
  ConsistentRead?: boolean;
  ProjectionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
}

/**
 * The items found under `keys` (in no particular order; a key with no item gives nothing); `what`
 * names them in the error.
 *
 * @throws VerbatimError `internal` when keys are still unprocessed after `MAX_BATCH_RETRIES` retries.
 * @example
 * ```ts
 * const items = await batchGetItems(dynamo, 'verbatim', [toItem({ pk: 'DOC#3f2a', sk: 'META' })], 'documents');
 * ```
 */
export async function batchGetItems(
  dynamo: DynamoDBClient,
  table: string,
  keys: Array<Record<string, AttributeValue>>,
  what: string,
  options: BatchGetOptions = {},
): Promise<Array<Record<string, AttributeValue>>> {
  const items: Array<Record<string, AttributeValue>> = [];
  await forEachAtMost(chunk(keys, BATCH_GET_LIMIT), PARALLEL_BATCH_GETS, (slice) =>
    sendUntilProcessed(
      slice,
      async (pending) => {
        const out: BatchGetItemCommandOutput = await dynamo.send(
          new BatchGetItemCommand({ RequestItems: { [table]: { Keys: pending, ...options } } }),
        );
        items.push(...(out.Responses?.[table] ?? []));
        return out.UnprocessedKeys?.[table]?.Keys;
      },
      (n) => `${n} ${what} unread`,
    ),
  );
  return items;
}
