/**
 * The band keys of copy detection in DynamoDB: one item per key holding its latest ids, written
 * once per batch, with nothing lost between two batches of one process in flight at once, a
 * delete that takes a document out of every key, and a batch whose writes failed partway that a
 * rerun (or `reindex`) completes. Against the real DynamoDB-compatible server.
 */
import { ScanCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { DynamoLinkStore } from '../../functions/adapters/dynamo-link-store.ts';
import { BAND_IDS } from '../../functions/core/copies/link-store.ts';
import { useScratchArchive } from '../helpers/scratch-archive.ts';

const scratch = useScratchArchive();
const store = () => new DynamoLinkStore(scratch.local.clients.dynamo, scratch.config.table);
const id = (n: number) => n.toString(16).padStart(16, '0');

/** Every band item in the table: key → ids. */
async function bandItems(): Promise<Map<string, string[]>> {
  const out = await scratch.local.clients.dynamo.send(new ScanCommand({ TableName: scratch.config.table }));
  const items = (out.Items ?? []).map((item) => unmarshall(item) as { pk: string; ids?: string[] });
  return new Map(items.filter((item) => item.pk.startsWith('BAND#')).map((item) => [item.pk.slice(5), item.ids!]));
}

/** The real client, failing every BatchWriteItem after the first `allowed`. */
function failingAfter(allowed: number): DynamoDBClient {
  const client = scratch.local.clients.dynamo;
  let writes = 0;
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property !== 'send') return Reflect.get(target, property, receiver);
      return (command: { constructor: { name: string } }) => {
        if (command.constructor.name === 'BatchWriteItemCommand' && ++writes > allowed)
          return Promise.reject(new Error('killed'));
        return (target.send as (c: unknown) => Promise<unknown>)(command);
      };
    },
  });
}

describe('DynamoLinkStore band keys', () => {
  it('keeps each key in one item with its latest ids, newest first, written once per batch', async () => {
    const links = store();
    const entries = Array.from({ length: 6 }, (_, n) => ({ id: id(0x100 + n), keys: ['0:aa000001', `1:aa00010${n}`] }));
    await links.fileMany(entries);
    const items = await bandItems();
    expect(items.get('0:aa000001')).toEqual([id(0x105), id(0x104), id(0x103), id(0x102)].slice(0, BAND_IDS));
    for (let n = 0; n < 6; n++) expect(items.get(`1:aa00010${n}`)).toEqual([id(0x100 + n)]);
    expect(await links.candidates(['0:aa000001', '1:aa000100'])).toEqual([
      id(0x105),
      id(0x104),
      id(0x103),
      id(0x102),
      id(0x100),
    ]);
  });

  it('loses no id when two batches of one process read a key before either wrote it', async () => {
    const links = store();
    const key = '2:bb000001';
    await links.fileMany([{ id: id(0x200), keys: [key] }]);
    const [first, second] = await Promise.all([links.bandsOf([key]), links.bandsOf([key])]);
    await links.fileMany([{ id: id(0x201), keys: [key] }], first);
    await links.fileMany([{ id: id(0x202), keys: [key] }], second);
    expect((await links.bandsOf([key])).get(key)).toEqual([id(0x202), id(0x201), id(0x200)]);
  });

  it('takes a deleted document out of every key that holds it, and leaves the others', async () => {
    const links = store();
    await links.fileMany([
      { id: id(0x300), keys: ['3:cc000001', '4:cc000002'], fingerprint: new Uint8Array([1, 2, 3]) },
      { id: id(0x301), keys: ['4:cc000002'] },
    ]);
    await links.unfile(id(0x300), ['3:cc000001', '4:cc000002']);
    const items = await bandItems();
    expect(items.has('3:cc000001')).toBe(false);
    expect(items.get('4:cc000002')).toEqual([id(0x301)]);
    expect((await links.fingerprints([id(0x300)])).size).toBe(0);
    // A later batch of the same process does not bring it back from what it remembers writing.
    await links.fileMany([{ id: id(0x302), keys: ['4:cc000002'] }]);
    expect((await bandItems()).get('4:cc000002')).toEqual([id(0x302), id(0x301)]);
  });

  it('completes a batch whose writes failed partway when it is filed again, each id once', async () => {
    const entries = Array.from({ length: 30 }, (_, n) => ({
      id: id(0x400 + n),
      keys: [`5:dd${String(n).padStart(6, '0')}`, '6:dd000000'],
    }));
    const killed = new DynamoLinkStore(failingAfter(1), scratch.config.table);
    await expect(killed.fileMany(entries)).rejects.toThrow('killed');
    const partial = await bandItems();
    // Nothing half-written names a document twice, and every key written names only filed ones.
    for (const [key, ids] of partial)
      if (key.startsWith('5:dd') || key === '6:dd000000') expect(new Set(ids).size).toBe(ids.length);
    // The rerun (a new process: nothing remembered) reads what is there and completes it.
    await store().fileMany(entries);
    const items = await bandItems();
    for (const { id: filed, keys } of entries) expect(items.get(keys[0])).toEqual([filed]);
    expect(items.get('6:dd000000')).toEqual(
      entries
        .slice(-BAND_IDS)
        .map((entry) => entry.id)
        .reverse(),
    );
  });
});
