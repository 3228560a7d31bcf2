/**
 * {@link MetadataStore} over one DynamoDB table (`pk`, `sk`). Items:
 *
 * | pk          | sk         | what                                           |
 * |-------------|------------|------------------------------------------------|
 * | `DOC#<id>`  | `META`     | document metadata, `status` pending or ready   |
 * | `LOG`       | `<seq>`    | ingest log item: one or more entries (`ops`)   |
 * | `INDEX`     | `MANIFEST` | where the index snapshot is                    |
 *
 * Everything atomic is a single-item conditional write: dynalite (the local server) has no
 * transactions, and single-item conditions are all these operations need.
 */
import {
  BatchGetItemCommand,
  type BatchGetItemCommandOutput,
  ConditionalCheckFailedException,
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  UpdateItemCommand,
  type AttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import type { DocumentMetadata } from '../core/document.ts';
import type { Claim, ClaimResult, DocumentStatus, IndexManifest, LogEntry, MetadataStore, PendingClaim } from '../core/ports.ts';
import { fromItem, toItem } from './dynamo-attributes.ts';

const docKey = (id: string) => ({ pk: { S: `DOC#${id}` }, sk: { S: 'META' } });
const seqKey = (seq: number) => String(seq).padStart(12, '0');
const MANIFEST_KEY = { pk: { S: 'INDEX' }, sk: { S: 'MANIFEST' } };
const BATCH_GET_LIMIT = 100;
/** Log entries per item: ~25 bytes each, far below DynamoDB's 400 KB item limit. */
const LOG_BATCH_LIMIT = 500;

function isConditionFailure(error: unknown): boolean {
  return error instanceof ConditionalCheckFailedException || (error as { name?: string }).name === 'ConditionalCheckFailedException';
}

type StoredMetadata = DocumentMetadata & { status: DocumentStatus; claimToken: string | null; claimedAt: number | null };

function toStored(item: Record<string, AttributeValue>): StoredMetadata {
  const { pk: _pk, sk: _sk, claimedAt = null, claimToken = null, ...rest } = fromItem(item);
  return { ...(rest as unknown as DocumentMetadata & { status: DocumentStatus }), claimToken: claimToken as string | null, claimedAt: claimedAt as number | null };
}

function toMetadata(item: Record<string, AttributeValue>): DocumentMetadata & { status: DocumentStatus } {
  const { claimToken: _token, claimedAt: _at, ...rest } = toStored(item);
  return rest;
}

function toClaim(stored: StoredMetadata): PendingClaim {
  const { status: _status, claimToken, claimedAt, ...metadata } = stored;
  return { metadata, token: claimToken ?? '', claimedAt: claimedAt ?? 0 };
}

/** The condition every fenced write of an ingest carries: the claim is still pending and ours. */
const HELD = { ConditionExpression: '#status = :pending AND claimToken = :token', ExpressionAttributeNames: { '#status': 'status' } };
const held = (token: string, values: Record<string, AttributeValue> = {}) => ({
  ...HELD,
  ExpressionAttributeValues: { ':pending': { S: 'pending' }, ':token': { S: token }, ...values },
});

/**
 * @example
 * ```ts
 * const metadata = new DynamoMetadataStore(dynamo, 'verbatim');
 * const claim = await metadata.claim(meta, { token: randomUUID(), leaseMs: 10_000 });
 * ```
 */
export class DynamoMetadataStore implements MetadataStore {
  /** The highest log seq this process has seen: the first guess for the next append. */
  private lastSeqHint = 0;
  private readonly appendQueue: Array<{ entry: Omit<LogEntry, 'seq'>; resolve: (e: LogEntry) => void; reject: (e: unknown) => void }> = [];
  private appending = false;

  constructor(
    private readonly dynamo: DynamoDBClient,
    private readonly table: string,
  ) {}

  async claim(meta: DocumentMetadata, claim: Claim): Promise<ClaimResult> {
    const now = Date.now();
    try {
      await this.dynamo.send(
        new PutItemCommand({
          TableName: this.table,
          Item: { ...toItem({ ...meta, status: 'pending', claimedAt: now, claimToken: claim.token }), ...docKey(meta.id) },
          ConditionExpression: 'attribute_not_exists(pk) OR (#status = :pending AND claimedAt < :staleBefore)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':pending': { S: 'pending' }, ':staleBefore': { N: String(now - claim.leaseMs) } },
        }),
      );
      return { claimed: true };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const existing = await this.getStored(meta.id);
      // The other claim vanished between our write and read (its ingest rolled back): try again.
      if (!existing) return this.claim(meta, claim);
      const { status, claimToken: _token, claimedAt, ...metadata } = existing;
      return { claimed: false, existing: metadata, status, claimedAt };
    }
  }

  renewClaim(id: string, token: string): Promise<boolean> {
    return this.fenced(new UpdateItemCommand({ TableName: this.table, Key: docKey(id), UpdateExpression: 'SET claimedAt = :now', ...held(token, { ':now': { N: String(Date.now()) } }) }));
  }

  markReady(id: string, token: string): Promise<boolean> {
    return this.fenced(
      new UpdateItemCommand({ TableName: this.table, Key: docKey(id), UpdateExpression: 'SET #status = :ready REMOVE claimedAt, claimToken', ...held(token, { ':ready': { S: 'ready' } }) }),
    );
  }

  release(id: string, token: string): Promise<boolean> {
    return this.fenced(new DeleteItemCommand({ TableName: this.table, Key: docKey(id), ...held(token) }));
  }

  async *listPending(): AsyncIterable<PendingClaim> {
    for await (const stored of this.scanDocuments('pending')) yield toClaim(stored);
  }

  async getClaim(id: string): Promise<PendingClaim | null> {
    const stored = await this.getStored(id);
    return stored?.status === 'pending' ? toClaim(stored) : null;
  }

  /** Sends a conditional write; false when its condition (the claim is held) failed. */
  private async fenced(command: UpdateItemCommand | DeleteItemCommand): Promise<boolean> {
    try {
      await this.dynamo.send(command as UpdateItemCommand);
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async remove(id: string): Promise<void> {
    await this.dynamo.send(new DeleteItemCommand({ TableName: this.table, Key: docKey(id) }));
  }

  async get(id: string): Promise<DocumentMetadata | null> {
    const found = await this.getWithStatus(id);
    if (!found || found.status !== 'ready') return null;
    const { status: _status, ...metadata } = found;
    return metadata;
  }

  async getMany(ids: string[]): Promise<DocumentMetadata[]> {
    const found: DocumentMetadata[] = [];
    for (const item of await this.batchGet(ids)) {
      const { status, ...metadata } = toMetadata(item);
      if (status === 'ready') found.push(metadata);
    }
    return found;
  }

  async statusOf(ids: string[]): Promise<Map<string, DocumentStatus>> {
    const items = await this.batchGet(ids, { ProjectionExpression: 'pk, #status', ExpressionAttributeNames: { '#status': 'status' } });
    return new Map(items.map((item) => [item.pk.S!.slice('DOC#'.length), item.status.S as DocumentStatus]));
  }

  /** Consistent reads: a reader deciding whether a logged document is ready must see markReady. */
  private async batchGet(ids: string[], projection: { ProjectionExpression?: string; ExpressionAttributeNames?: Record<string, string> } = {}) {
    const items: Array<Record<string, AttributeValue>> = [];
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += BATCH_GET_LIMIT) {
      let keys: Record<string, AttributeValue>[] | undefined = unique.slice(i, i + BATCH_GET_LIMIT).map(docKey);
      while (keys && keys.length > 0) {
        const out: BatchGetItemCommandOutput = await this.dynamo.send(
          new BatchGetItemCommand({ RequestItems: { [this.table]: { Keys: keys, ConsistentRead: true, ...projection } } }),
        );
        items.push(...(out.Responses?.[this.table] ?? []));
        keys = out.UnprocessedKeys?.[this.table]?.Keys;
      }
    }
    return items;
  }

  async *list(): AsyncIterable<DocumentMetadata> {
    for await (const stored of this.scanDocuments('ready')) {
      const { status: _status, claimToken: _token, claimedAt: _at, ...metadata } = stored;
      yield metadata;
    }
  }

  private async *scanDocuments(status: DocumentStatus): AsyncIterable<StoredMetadata> {
    let start: Record<string, AttributeValue> | undefined;
    do {
      const out = await this.dynamo.send(
        new ScanCommand({
          TableName: this.table,
          ExclusiveStartKey: start,
          ConsistentRead: true,
          FilterExpression: 'begins_with(pk, :doc) AND #status = :status',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':doc': { S: 'DOC#' }, ':status': { S: status } },
        }),
      );
      for (const item of out.Items ?? []) yield toStored(item);
      start = out.LastEvaluatedKey;
    } while (start);
  }

  appendLog(entry: Omit<LogEntry, 'seq'>): Promise<LogEntry> {
    return new Promise((resolve, reject) => {
      this.appendQueue.push({ entry, resolve, reject });
      if (this.appendQueue.length === 1 && !this.appending) void this.drainAppendQueue();
    });
  }

  /**
   * Writes queued entries, one log item at a time. Appends within a process are serialised (a new
   * item is written only once the previous one is) and everything that queued up meanwhile goes
   * into the next item together: one round trip for many ingests under load.
   */
  private async drainAppendQueue(): Promise<void> {
    this.appending = true;
    while (this.appendQueue.length > 0) {
      const batch = this.appendQueue.splice(0, LOG_BATCH_LIMIT);
      try {
        const seq = await this.putLogItem(batch.map((b) => b.entry));
        for (const { entry, resolve } of batch) resolve({ seq, ...entry });
      } catch (error) {
        for (const { reject } of batch) reject(error);
      }
    }
    this.appending = false;
  }

  /**
   * Optimistic append: write the item at the number after the last one known, only if nobody has.
   * A writer only ever succeeds at (last written + 1), so item numbers are gapless and an item is
   * never committed before the one below it — a reader that has seen seq N has seen all below N.
   */
  private async putLogItem(entries: Array<Omit<LogEntry, 'seq'>>): Promise<number> {
    const ops = JSON.stringify(entries.map((e) => [e.op, e.id]));
    let seq = (this.lastSeqHint || (await this.lastSeq())) + 1;
    for (;;) {
      try {
        await this.dynamo.send(
          new PutItemCommand({
            TableName: this.table,
            Item: toItem({ pk: 'LOG', sk: seqKey(seq), seq, ops }),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        this.lastSeqHint = seq;
        return seq;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        seq = Math.max(seq, await this.lastSeq()) + 1;
      }
    }
  }

  async readLog(after: number): Promise<LogEntry[]> {
    const entries: LogEntry[] = [];
    let start: Record<string, AttributeValue> | undefined;
    do {
      const out = await this.dynamo.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'pk = :log AND sk > :after',
          ExpressionAttributeValues: { ':log': { S: 'LOG' }, ':after': { S: seqKey(after) } },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      for (const item of out.Items ?? []) {
        const { seq, ops } = fromItem(item);
        for (const [op, id] of JSON.parse(ops as string) as Array<[LogEntry['op'], string]>) entries.push({ seq: seq as number, op, id });
      }
      start = out.LastEvaluatedKey;
    } while (start);
    if (entries.length > 0) this.lastSeqHint = Math.max(this.lastSeqHint, entries[entries.length - 1].seq);
    return entries;
  }

  async getManifest(): Promise<IndexManifest | null> {
    const out = await this.dynamo.send(new GetItemCommand({ TableName: this.table, Key: MANIFEST_KEY, ConsistentRead: true }));
    if (!out.Item) return null;
    const { pk: _pk, sk: _sk, shards, retired, ...manifest } = fromItem(out.Item);
    // Lists are stored as JSON strings: the item stays flat, and a shard list is read whole anyway.
    const list = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : undefined);
    return { ...manifest, shards: list(shards), retired: list(retired) ?? [] } as unknown as IndexManifest;
  }

  async swapManifest(next: IndexManifest, expectedVersion: number): Promise<boolean> {
    try {
      await this.dynamo.send(
        new PutItemCommand({
          TableName: this.table,
          Item: { ...toItem({ ...next, shards: JSON.stringify(next.shards), retired: JSON.stringify(next.retired) }), ...MANIFEST_KEY },
          ...(expectedVersion === 0
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : {
                ConditionExpression: 'version = :expected',
                ExpressionAttributeValues: { ':expected': { N: String(expectedVersion) } },
              }),
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  private async lastSeq(): Promise<number> {
    const out = await this.dynamo.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :log',
        ExpressionAttributeValues: { ':log': { S: 'LOG' } },
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    const item = out.Items?.[0];
    return item ? Number(item.seq.N) : 0;
  }

  private async getWithStatus(id: string): Promise<(DocumentMetadata & { status: DocumentStatus }) | null> {
    const stored = await this.getStored(id);
    if (!stored) return null;
    const { claimToken: _token, claimedAt: _at, ...rest } = stored;
    return rest;
  }

  private async getStored(id: string): Promise<StoredMetadata | null> {
    const out = await this.dynamo.send(new GetItemCommand({ TableName: this.table, Key: docKey(id), ConsistentRead: true }));
    return out.Item ? toStored(out.Item) : null;
  }

  /**
   * Queues every entry before the queue drains, so that they go out in one log item (or, past
   * {@link LOG_BATCH_LIMIT}, consecutive ones) rather than one item for the first and one for the rest.
   */
  appendLogBatch(entries: Array<Omit<LogEntry, 'seq'>>): Promise<LogEntry[]> {
    const written = entries.map((entry) => new Promise<LogEntry>((resolve, reject) => this.appendQueue.push({ entry, resolve, reject })));
    if (entries.length > 0 && !this.appending) void this.drainAppendQueue();
    return Promise.all(written);
  }
}
