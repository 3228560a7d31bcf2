/**
 * {@link LinkStore} in the archive's DynamoDB table. Items:
 *
 * | pk                    | sk          | what                                        |
 * |-----------------------|-------------|---------------------------------------------|
 * | `LSH#<band>:<hash>`   | `S<slot>`   | a document filed under one LSH band key     |
 * | `LINK#<kind>#<id>`    | `<other id>`| a copy or same-story link, with similarity  |
 * | `FP#<id>`             | `F`         | a document's encoded fingerprints (`fp`)    |
 * | `LINKS#<kind>`        | `version`   | a counter every change to such links raises |
 *
 * Every read is by key, so its cost does not grow with the archive: what finds a new document's
 * copies is one BatchGetItem of 10 bands × 4 slots, and filing it one BatchWriteItem of 11 puts
 * (its slots and its fingerprints, about 4 KB for a news article, 120 KB at the measures' caps).
 */
import {
  BatchGetItemCommand,
  type BatchGetItemCommandOutput,
  GetItemCommand,
  QueryCommand,
  UpdateItemCommand,
  type AttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import {
  BAND_SLOTS,
  bandSlot,
  LINK_KINDS,
  type DocumentLink,
  type FiledDocument,
  type LinkKind,
  type LinkStore,
} from '../core/copies/link-store.ts';
import { VerbatimError } from '../core/errors.ts';
import { forEachAtMost } from '../core/for-each-at-most.ts';
import { backOff, batchWriteItems, chunk, MAX_BATCH_RETRIES } from './batch-write-items.ts';
import { toItem } from './dynamo-item.ts';

/** DynamoDB's limit on keys per BatchGetItem. */
const BATCH_GET_LIMIT = 100;
/** Links of one kind removed with a document: more than any document gathers (see link-copies). */
const MAX_LINKS_REMOVED = 1000;

/**
 * Batch requests in flight at once for one call: a bulk batch's band slots take 40 reads and 40
 * writes, which one after the other would cost 40 round trips of latency each.
 */
const PARALLEL_BATCHES = 8;

const versionKey = (kind: LinkKind) => toItem({ pk: `LINKS#${kind}`, sk: 'version' });

/** The item holding a document's fingerprints. */
const fingerprintKey = (id: string) => ({ pk: `FP#${id}`, sk: 'F' });

/**
 * @example
 * ```ts
 * const links = new DynamoLinkStore(dynamo, 'verbatim');
 * await links.file('3f2a9c0d4b1e8a77', ['0:1f3a9c02']);
 * ```
 */
export class DynamoLinkStore implements LinkStore {
  constructor(
    private readonly dynamo: DynamoDBClient,
    private readonly table: string,
  ) {}

  async candidates(keys: string[]): Promise<string[]> {
    const all = keys.flatMap((key) =>
      Array.from({ length: BAND_SLOTS }, (_, slot) => toItem({ pk: `LSH#${key}`, sk: `S${slot}` })),
    );
    const ids = new Set<string>();
    for (const item of await this.readItems(all)) {
      const { id } = unmarshall(item);
      if (typeof id === 'string' && id) ids.add(id);
    }
    return [...ids];
  }

  async slotsOf(keys: string[]): Promise<Map<string, Array<string | null>>> {
    const unique = [...new Set(keys)];
    const slots = new Map(unique.map((key) => [key, Array.from({ length: BAND_SLOTS }, (): string | null => null)]));
    const all = unique.flatMap((key) =>
      Array.from({ length: BAND_SLOTS }, (_, slot) => toItem({ pk: `LSH#${key}`, sk: `S${slot}` })),
    );
    for (const item of await this.readItems(all)) {
      const { pk, sk, id } = unmarshall(item) as { pk: string; sk: string; id?: string };
      const held = slots.get(pk.slice('LSH#'.length));
      if (held && typeof id === 'string' && id) held[Number(sk.slice(1))] = id;
    }
    return slots;
  }

  /** Reads items by key, {@link PARALLEL_BATCHES} requests of {@link BATCH_GET_LIMIT} keys at a time. */
  private async readItems(all: Array<Record<string, AttributeValue>>): Promise<Array<Record<string, AttributeValue>>> {
    const items: Array<Record<string, AttributeValue>> = [];
    const chunks = chunk(all, BATCH_GET_LIMIT);
    await forEachAtMost(chunks, PARALLEL_BATCHES, async (keys) => {
      let pending: Array<Record<string, AttributeValue>> | undefined = keys;
      for (let attempt = 0; pending && pending.length > 0; attempt++) {
        if (attempt > MAX_BATCH_RETRIES)
          throw new VerbatimError(
            'internal',
            `DynamoDB left ${pending.length} items unread after ${MAX_BATCH_RETRIES} retries.`,
          );
        if (attempt > 0) await backOff(attempt);
        const out: BatchGetItemCommandOutput = await this.dynamo.send(
          new BatchGetItemCommand({ RequestItems: { [this.table]: { Keys: pending } } }),
        );
        items.push(...(out.Responses?.[this.table] ?? []));
        pending = out.UnprocessedKeys?.[this.table]?.Keys;
      }
    });
    return items;
  }

  async file(id: string, keys: string[], fingerprint?: Uint8Array): Promise<void> {
    await this.fileMany([{ id, keys, fingerprint }]);
  }

  async fileMany(entries: FiledDocument[]): Promise<void> {
    // One request may not name an item twice: a slot taken twice keeps the later document's put.
    const items = new Map<string, Record<string, AttributeValue>>();
    for (const { id, keys, fingerprint } of entries) {
      for (const key of keys) {
        const sk = `S${bandSlot(id, key)}`;
        items.set(`${key}|${sk}`, toItem({ pk: `LSH#${key}`, sk, id }));
      }
      if (fingerprint) items.set(`FP#${id}`, toItem({ ...fingerprintKey(id), fp: fingerprint }));
    }
    await this.write([...items.values()]);
  }

  async fingerprints(ids: string[]): Promise<Map<string, Uint8Array>> {
    const found = new Map<string, Uint8Array>();
    for (const item of await this.readItems([...new Set(ids)].map((id) => toItem(fingerprintKey(id))))) {
      const { pk, fp } = unmarshall(item) as { pk: string; fp?: Uint8Array };
      if (fp instanceof Uint8Array) found.set(pk.slice('FP#'.length), fp);
    }
    return found;
  }

  async link(kind: LinkKind, pairs: Array<{ a: string; b: string; similarity: number }>): Promise<void> {
    const item = (from: string, to: string, similarity: number) =>
      toItem({ pk: `LINK#${kind}#${from}`, sk: to, similarity });
    // A pair named twice (both sides of a batch found each other) is one item each way.
    const items = new Map<string, Record<string, AttributeValue>>();
    for (const { a, b, similarity } of pairs) {
      items.set(`${a}|${b}`, item(a, b, similarity));
      items.set(`${b}|${a}`, item(b, a, similarity));
    }
    try {
      await this.write([...items.values()]);
    } finally {
      // Raised even when the write failed partway: some links may have changed.
      if (items.size > 0) await this.raiseVersion(kind);
    }
  }

  async unfile(id: string, keys: string[]): Promise<void> {
    const slots = keys.map((key) => ({ pk: `LSH#${key}`, sk: `S${bandSlot(id, key)}` }));
    // A slot another document took since holds that one now: read first, delete only ours.
    const held = await this.readItems(slots.map((slot) => toItem(slot)));
    const ours = held.filter((item) => unmarshall(item).id === id);
    await this.write(
      [...ours.map((item) => toItem({ pk: unmarshall(item).pk, sk: unmarshall(item).sk })), toItem(fingerprintKey(id))],
      'delete',
    );
  }

  async unlink(id: string): Promise<void> {
    for (const kind of LINK_KINDS) {
      // A document links to at most a bounded number of others (the candidates of each ingest it
      // took part in), so one page of its links is all of them.
      const others = (await this.query(`LINK#${kind}#${id}`, MAX_LINKS_REMOVED)).map(
        (item) => unmarshall(item).sk as string,
      );
      const keys = others.flatMap((other) => [
        toItem({ pk: `LINK#${kind}#${id}`, sk: other }),
        toItem({ pk: `LINK#${kind}#${other}`, sk: id }),
      ]);
      try {
        await this.write(keys, 'delete');
      } finally {
        if (keys.length > 0) await this.raiseVersion(kind);
      }
    }
  }

  async linksVersion(kind: LinkKind): Promise<number> {
    const out = await this.dynamo.send(
      new GetItemCommand({ TableName: this.table, Key: versionKey(kind), ConsistentRead: true }),
    );
    return out.Item ? Number(unmarshall(out.Item).version ?? 0) : 0;
  }

  /** After the links are written, so a reader that sees the new version reads the new links. */
  private async raiseVersion(kind: LinkKind): Promise<void> {
    await this.dynamo.send(
      new UpdateItemCommand({
        TableName: this.table,
        Key: versionKey(kind),
        UpdateExpression: 'ADD #version :one',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: toItem({ ':one': 1 }),
      }),
    );
  }

  async links(kind: LinkKind, id: string, limit: number): Promise<DocumentLink[]> {
    const items = await this.query(`LINK#${kind}#${id}`, limit);
    return items.map((item) => {
      const { sk, similarity } = unmarshall(item) as { sk: string; similarity?: number };
      return { id: sk, similarity: similarity ?? 0 };
    });
  }

  private async query(pk: string, limit: number): Promise<Array<Record<string, AttributeValue>>> {
    const out = await this.dynamo.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: toItem({ ':pk': pk }),
        Limit: limit,
        // A reader that saw the links' version change must not read the links from before it.
        ConsistentRead: true,
      }),
    );
    return out.Items ?? [];
  }

  /** Writes items: {@link batchWriteItems}, 25 a request, a few requests at once. */
  private write(items: Array<Record<string, AttributeValue>>, op: 'put' | 'delete' = 'put'): Promise<void> {
    return batchWriteItems(this.dynamo, this.table, items, 'link items', op);
  }
}
