/**
 * Converts Verbatim's flat records (strings, numbers, null) to DynamoDB attribute values and back.
 * Our items never nest, so this small mapping replaces a marshalling library.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';

/** A flat record as Verbatim stores it. */
export type FlatRecord = Record<string, string | number | boolean | null | undefined>;

/**
 * @example
 * ```ts
 * toItem({ pk: 'DOC#1', size: 3, url: null }); // { pk: { S: 'DOC#1' }, size: { N: '3' }, url: { NULL: true } }
 * ```
 */
export function toItem(record: FlatRecord): Record<string, AttributeValue> {
  const item: Record<string, AttributeValue> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined) continue;
    if (value === null) item[key] = { NULL: true };
    else if (typeof value === 'number') item[key] = { N: String(value) };
    else if (typeof value === 'boolean') item[key] = { BOOL: value };
    else item[key] = { S: value };
  }
  return item;
}

/** The inverse of {@link toItem}. */
export function fromItem(item: Record<string, AttributeValue>): Record<string, string | number | boolean | null> {
  const record: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of Object.entries(item)) {
    if ('S' in value && value.S !== undefined) record[key] = value.S;
    else if ('N' in value && value.N !== undefined) record[key] = Number(value.N);
    else if ('BOOL' in value && value.BOOL !== undefined) record[key] = value.BOOL;
    else record[key] = null;
  }
  return record;
}
