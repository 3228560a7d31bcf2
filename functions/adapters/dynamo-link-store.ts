/**
 * {@link LinkStore} in the archive's DynamoDB table. Items:
 *
 * | pk                    | sk          | what                                        |
 * |-----------------------|-------------|---------------------------------------------|
 * | `BAND#<band>:<hash>`  | `B`         | one LSH band key: its latest ids (`ids`)    |
 * | `LINK#<kind>#<id>`    | `<other id>`| a copy or same-story link, with similarity  |
 * | `FP#<id>`             | `F`         | a document's encoded fingerprints (`fp`)    |
 * | `LINKS#<kind>`        | `version`   | a counter every change to such links raises |
 *
 * Every read is by key, so its cost does not grow with the archive: what finds a new document's
 * copies is one BatchGetItem of its 10 band keys, and filing it one BatchWriteItem of 11 puts (its
 * keys and its fingerprints, about 4 KB for a news article, 120 KB at the measures' caps). A bulk
 * batch reads its keys once and writes each once, whatever the number of its documents under it.
 *
 * A band key's item is rewritten whole (BatchWriteItem carries no condition nor update), from what
 * the writer read of it: two writers that read it before either wrote keep only the later's ids.
 * Within a process (an import with two batches in flight) nothing is lost that way: what this
 * store wrote under a key is remembered ({@link MAX_REMEMBERED_BANDS}) and merged into the next
 * write. Across processes the later write wins, as a taken band slot did before: a copy still
 * finds the group through the copy links of any member it does find (`findCopies`).
 *
 * Archives filed before this layout hold `LSH#<band>:<hash>` / `S<slot>` items instead, one per
 * document and key, which nothing reads any more: `reindex` files every document under its keys
 * again (`app/reindex-archive.ts`).
 */
import {
  GetItemCommand,
  QueryCommand,
  UpdateItemCommand,
  type AttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import {
  LINK_KINDS,
  mergeBandIds,
  type BandIds,
  type DocumentLink,
  type FiledDocument,
  type LinkKind,
  type LinkStore,
} from '../core/copies/link-store.ts';
import { batchGetItems } from './batch-get-items.ts';
import { batchWriteItems } from './batch-write-items.ts';
import { toItem } from './dynamo-item.ts';
import { rememberRecent } from '../core/remember-recent.ts';

/** Links of one kind removed with a document: more than any document gathers (see link-copies). */
const MAX_LINKS_REMOVED = 1000;

/**
 * Band keys whose last write this process remembers, to merge into its next write of them (see
 * the module comment): a batch's thousand keys, many times over, at about 200 bytes each.
 */
export const MAX_REMEMBERED_BANDS = 50_000;

const versionKey = (kind: LinkKind) => toItem({ pk: `LINKS#${kind}`, sk: 'version' });

/** The item holding a document's fingerprints. */
const fingerprintKey = (id: string) => ({ pk: `FP#${id}`, sk: 'F' });
/** The item holding a band key's ids. */
const bandKey = (key: string) => ({ pk: `BAND#${key}`, sk: 'B' });

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

  /** What this process last wrote under each band key (oldest first: a Map keeps insertion order). */
  private readonly written = new Map<string, string[]>();

  async candidates(keys: string[]): Promise<string[]> {
    const bands = await this.bandsOf(keys);
    return [...new Set(keys.flatMap((key) => bands.get(key) ?? []))];
  }

  async bandsOf(keys: string[]): Promise<BandIds> {
    const bands: BandIds = new Map();
    for (const item of await this.readItems([...new Set(keys)].map((key) => toItem(bandKey(key))))) {
      const { pk, ids } = unmarshall(item) as { pk: string; ids?: unknown };
      if (Array.isArray(ids))
        bands.set(
          pk.slice('BAND#'.length),
          ids.filter((id) => typeof id === 'string'),
        );
    }
    return bands;
  }

  /** Reads items by key ({@link batchGetItems}: requests of 100 keys, a few at once). */
  private readItems(keys: Array<Record<string, AttributeValue>>): Promise<Array<Record<string, AttributeValue>>> {
    return batchGetItems(this.dynamo, this.table, keys, 'items');
  }

  async file(id: string, keys: string[], fingerprint?: Uint8Array): Promise<void> {
    await this.fileMany([{ id, keys, fingerprint }]);
  }

  async fileMany(entries: FiledDocument[], read?: BandIds): Promise<void> {
    const added = new Map<string, string[]>();
    for (const { id, keys } of entries) for (const key of keys) added.set(key, [...(added.get(key) ?? []), id]);
    const held = read ?? (await this.bandsOf([...added.keys()]));
    const items: Array<Record<string, AttributeValue>> = [];
    for (const [key, ids] of added) {
      // What this process wrote since (or while) the caller read is newer than what it read.
      const before = mergeBandIds(held.get(key) ?? [], [...(this.written.get(key) ?? [])].reverse());
      const merged = mergeBandIds(before, ids);
      this.remember(key, merged);
      items.push(toItem({ ...bandKey(key), ids: merged }));
    }
    for (const { id, fingerprint } of entries)
      if (fingerprint) items.push(toItem({ ...fingerprintKey(id), fp: fingerprint }));
    await this.write(items);
  }

  private remember(key: string, ids: string[]): void {
    rememberRecent(this.written, key, ids, MAX_REMEMBERED_BANDS);
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
    // Only the keys that still hold it are rewritten: a key whose latest ids pushed it out is left alone.
    const bands = await this.bandsOf(keys);
    const gone = new Set([id]);
    const puts: Array<Record<string, AttributeValue>> = [];
    const deletes = [toItem(fingerprintKey(id))];
    for (const [key, ids] of bands) {
      if (!ids.includes(id)) continue;
      const kept = mergeBandIds(ids, [], gone);
      // Remembered too, so this process's next write of the key does not bring it back.
      this.remember(key, kept);
      if (kept.length > 0) puts.push(toItem({ ...bandKey(key), ids: kept }));
      else deletes.push(toItem(bandKey(key)));
    }
    await Promise.all([this.write(puts), this.write(deletes, 'delete')]);
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
