import { describe, expect, it } from 'vitest';
import { BatchWriteItemCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { ensureTable } from '../../functions/local/ensure-table.ts';
import { useScratchArchive } from '../helpers/scratch-archive.ts';

const scratch = useScratchArchive();

describe('ensureTable on dynalite', () => {
  it('returns only once the new table is ACTIVE, so a write right after it lands', async () => {
    const dynamo = scratch.local.clients.dynamo;
    for (const table of ['fresh-a', 'fresh-b', 'fresh-c']) {
      await ensureTable(dynamo, table);
      const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: table }));
      expect(Table?.TableStatus).toBe('ACTIVE');
      const answer = await dynamo.send(
        new BatchWriteItemCommand({
          RequestItems: { [table]: [{ PutRequest: { Item: { pk: { S: 'a' }, sk: { S: 'b' } } } }] },
        }),
      );
      expect(answer.UnprocessedItems?.[table] ?? []).toEqual([]);
      // A second call finds the table and leaves it as it is.
      await ensureTable(dynamo, table);
    }
  });
});
