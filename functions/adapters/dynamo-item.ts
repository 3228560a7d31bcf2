/**
 * What the DynamoDB stores share besides their table: how a record becomes an item
 * (`@aws-sdk/util-dynamodb`; its `unmarshall` reads items back), and how a conditional write
 * whose condition failed is told apart from a real failure.
 */
import { ConditionalCheckFailedException, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';

/**
 * A record as a DynamoDB item. A field that is `undefined` is left out, as `JSON.stringify` would
 * (util-dynamodb throws on one otherwise); `null` is stored as NULL.
 *
 * @example
 * ```ts
 * toItem({ pk: 'DOC#1', size: 3, url: null }); // { pk: { S: 'DOC#1' }, size: { N: '3' }, url: { NULL: true } }
 * ```
 */
export function toItem(record: object): Record<string, AttributeValue> {
  return marshall(record, { removeUndefinedValues: true });
}

/**
 * Waits for a conditional write: true when it was written, false when its condition failed
 * (another writer got there first). Any other error is thrown.
 *
 * @example
 * ```ts
 * if (!(await conditionMet(dynamo.send(new PutItemCommand({ …, ConditionExpression: 'attribute_not_exists(pk)' }))))) return false;
 * ```
 */
export async function conditionMet(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (error) {
    if (
      error instanceof ConditionalCheckFailedException ||
      (error as { name?: string }).name === 'ConditionalCheckFailedException'
    )
      return false;
    throw error;
  }
}
