/**
 * {@link ManifestStore} in the archive's DynamoDB table: one item, swapped by compare-and-swap on
 * its `version`.
 *
 * | pk       | sk         | what                             |
 * |----------|------------|----------------------------------|
 * | `INDEX`  | `MANIFEST` | where the index snapshot is      |
 */
import { GetItemCommand, PutItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { IndexManifest, ManifestStore } from '../core/ports.ts';
import { conditionMet, toItem } from './dynamo-item.ts';

const MANIFEST_KEY = toItem({ pk: 'INDEX', sk: 'MANIFEST' });

/** A stored list: a JSON string (see {@link DynamoManifestStore.swap}), absent in older items. */
const parseList = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : undefined);

/**
 * @example
 * ```ts
 * const manifests = new DynamoManifestStore(dynamo, 'verbatim');
 * const current = await manifests.get();
 * if (!(await manifests.swap(next, current?.version ?? 0))) console.log('another indexer won');
 * ```
 */
export class DynamoManifestStore implements ManifestStore {
  constructor(
    private readonly dynamo: DynamoDBClient,
    private readonly table: string,
  ) {}

  async get(): Promise<IndexManifest | null> {
    const out = await this.dynamo.send(
      new GetItemCommand({ TableName: this.table, Key: MANIFEST_KEY, ConsistentRead: true }),
    );
    if (!out.Item) return null;
    const { pk: _pk, sk: _sk, shards, retired, ...manifest } = unmarshall(out.Item);
    return { ...manifest, shards: parseList(shards), retired: parseList(retired) ?? [] } as IndexManifest;
  }

  swap(next: IndexManifest, expectedVersion: number): Promise<boolean> {
    // Lists are stored as JSON strings, as they always have been: the item stays flat, a shard
    // list is read whole anyway, and manifests written by earlier versions read the same.
    const item = {
      ...toItem({ ...next, shards: JSON.stringify(next.shards), retired: JSON.stringify(next.retired) }),
      ...MANIFEST_KEY,
    };
    const condition =
      expectedVersion === 0
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : {
            ConditionExpression: 'version = :expected',
            ExpressionAttributeValues: toItem({ ':expected': expectedVersion }),
          };
    return conditionMet(this.dynamo.send(new PutItemCommand({ TableName: this.table, Item: item, ...condition })));
  }
}
