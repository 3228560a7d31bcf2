import { describe, expect, it } from 'vitest';
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoManifestStore } from '../../functions/adapters/dynamo-manifest-store.ts';
import { ensureTable } from '../../functions/local/ensure-table.ts';
import { useScratchArchive } from '../helpers/scratch-archive.ts';

const scratch = useScratchArchive();

describe('DynamoManifestStore on dynalite', () => {
  it('swaps the manifest only from the expected version', async () => {
    const store = scratch.archive.manifest;
    const manifest = {
      version: 1,
      through: 3,
      shards: [{ key: 'index/a', documentCount: 3, bytes: 10 }],
      retired: [{ key: 'index/z', retiredAt: '2026-01-01T00:00:00.000Z' }],
      documentCount: 3,
      bytes: 10,
      writtenAt: 'now',
    };
    expect(await store.swap(manifest, 0)).toBe(true);
    expect(await store.swap({ ...manifest, version: 2 }, 0)).toBe(false);
    expect(await store.swap({ ...manifest, version: 2 }, 1)).toBe(true);
    expect(await store.swap({ ...manifest, version: 3 }, 1)).toBe(false);
    expect(await store.get()).toEqual({ ...manifest, version: 2 });
  });

  it('reads a manifest that DynamoDB holds as written, shard lists as JSON strings', async () => {
    const store = new DynamoManifestStore(scratch.local.clients.dynamo, 'manifest-format');
    await ensureTable(scratch.local.clients.dynamo, 'manifest-format');
    const manifest = {
      version: 1,
      through: 0,
      shards: [{ key: 'index/b', documentCount: 1, bytes: 5, headBytes: 2 }],
      retired: [],
      documentCount: 1,
      bytes: 5,
      writtenAt: '',
    };
    expect(await store.swap(manifest, 0)).toBe(true);
    const raw = await scratch.local.clients.dynamo.send(
      new GetItemCommand({ TableName: 'manifest-format', Key: { pk: { S: 'INDEX' }, sk: { S: 'MANIFEST' } } }),
    );
    // The stored form earlier versions wrote and read: flat, numbers as N, lists as JSON.
    expect(raw.Item).toMatchObject({
      version: { N: '1' },
      through: { N: '0' },
      shards: { S: JSON.stringify(manifest.shards) },
      retired: { S: '[]' },
      writtenAt: { S: '' },
    });
    expect(await store.get()).toEqual(manifest);
  });
});
