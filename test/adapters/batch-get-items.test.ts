import { describe, expect, it } from 'vitest';
import { batchGetItems, BATCH_GET_LIMIT } from '../../functions/adapters/batch-get-items.ts';
import { batchWriteItems } from '../../functions/adapters/batch-write-items.ts';
import { toItem } from '../../functions/adapters/dynamo-item.ts';
import { useScratchArchive } from '../helpers/scratch-archive.ts';

const scratch = useScratchArchive();

describe('batchGetItems on dynalite', () => {
  it('finds every stored item among more keys than one request holds, and nothing for absent keys', async () => {
    const { dynamo } = scratch.local.clients;
    const table = scratch.config.table;
    const stored = Array.from({ length: 2 * BATCH_GET_LIMIT + 30 }, (_, n) => toItem({ pk: `TEST#${n}`, sk: 'T', n }));
    await batchWriteItems(dynamo, table, stored, 'test items');
    const keys = [...stored, ...Array.from({ length: 40 }, (_, n) => toItem({ pk: `ABSENT#${n}`, sk: 'T' }))].map(
      ({ pk, sk }) => ({ pk, sk }),
    );
    const found = await batchGetItems(dynamo, table, keys, 'test items', {
      ConsistentRead: true,
      ProjectionExpression: 'pk, #n',
      ExpressionAttributeNames: { '#n': 'n' },
    });
    expect(found.map((item) => Number(item.n.N)).sort((a, b) => a - b)).toEqual(stored.map((_, n) => n));
    // The projection is applied: only the attributes asked for come back.
    expect(Object.keys(found[0]).sort()).toEqual(['n', 'pk']);
  });
});
