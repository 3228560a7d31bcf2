import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { conditionMet, toItem } from '../../functions/adapters/dynamo-item.ts';
import { useScratchArchive } from '../helpers/scratch-archive.ts';

const scratch = useScratchArchive();

describe('util-dynamodb items on dynalite', () => {
  it('stores and reads back numbers, empty strings, nulls, booleans and nested maps and lists; drops undefined', async () => {
    const { dynamo } = scratch.local.clients;
    const record = {
      pk: 'TEST#marshall',
      sk: 'ONE',
      zero: 0,
      negative: -3,
      fraction: 0.8125,
      timestamp: 1_764_633_600_123,
      empty: '',
      none: null,
      yes: true,
      nested: { title: '', counts: [0, 1, 2], deeper: { at: null, words: ['a', ''] } },
      absent: undefined,
    };
    await dynamo.send(new PutItemCommand({ TableName: scratch.config.table, Item: toItem(record) }));
    const out = await dynamo.send(
      new GetItemCommand({
        TableName: scratch.config.table,
        Key: toItem({ pk: 'TEST#marshall', sk: 'ONE' }),
        ConsistentRead: true,
      }),
    );
    const { absent: _absent, ...kept } = record;
    expect(unmarshall(out.Item!)).toEqual(kept);
    expect(out.Item).not.toHaveProperty('absent');
  });

  it('tells a failed condition apart from a write', async () => {
    const put = () =>
      scratch.local.clients.dynamo.send(
        new PutItemCommand({
          TableName: scratch.config.table,
          Item: toItem({ pk: 'TEST#once', sk: 'ONE' }),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    expect(await conditionMet(put())).toBe(true);
    expect(await conditionMet(put())).toBe(false);
    await expect(
      conditionMet(
        scratch.local.clients.dynamo.send(
          new PutItemCommand({ TableName: 'no-such-table', Item: toItem({ pk: 'x', sk: 'y' }) }),
        ),
      ),
    ).rejects.toThrow();
  });
});
