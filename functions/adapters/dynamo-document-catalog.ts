/**
 * {@link DocumentCatalog} in the archive's DynamoDB table (`pk`, `sk`). Items:
 *
 * | pk          | sk         | what                                           |
 * |-------------|------------|------------------------------------------------|
 * | `DOC#<id>`  | `META`     | document metadata, `status` pending or ready   |
 *
 * Everything atomic is a single-item conditional write: dynalite (the local server) has no
 * transactions, and single-item conditions are all these operations need.
 */
import {
  BatchWriteItemCommand,
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  ScanCommand,
  UpdateItemCommand,
  type AttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { Listeners } from '../core/listeners.ts';
import { forEachAtMost } from '../core/for-each-at-most.ts';
import type {
  CatalogedMetadata,
  Claim,
  ClaimResult,
  DocumentCatalog,
  DocumentStatus,
  PendingClaim,
  ReadyClaim,
  Unsubscribe,
} from '../core/ports.ts';
import { batchGetItems, type BatchGetOptions } from './batch-get-items.ts';
import { BATCH_WRITE_LIMIT, chunk } from './batch-write-items.ts';
import { conditionMet, toItem } from './dynamo-item.ts';

const docKey = (id: string) => toItem({ pk: `DOC#${id}`, sk: 'META' });
/** Ready batches (and fenced marks) in flight at once. */
const PARALLEL_MARKS = 8;

type StoredMetadata = CatalogedMetadata & {
  status: DocumentStatus;
  claimToken: string | null;
  claimedAt: number | null;
};

function toStored(item: Record<string, AttributeValue>): StoredMetadata {
  const { pk: _pk, sk: _sk, claimedAt = null, claimToken = null, ...rest } = unmarshall(item);
  return { ...rest, claimToken, claimedAt } as StoredMetadata;
}

/** The metadata alone: no status, no claim. */
function metadataOf(stored: StoredMetadata): CatalogedMetadata {
  const { status: _status, claimToken: _token, claimedAt: _at, ...metadata } = stored;
  return metadata;
}

function toClaim(stored: StoredMetadata): PendingClaim {
  return { metadata: metadataOf(stored), token: stored.claimToken ?? '', claimedAt: stored.claimedAt ?? 0 };
}

/** Whether a ready record is the one this ingest's metadata makes (same upload, same moment). */
const sameIngest = (stored: StoredMetadata, metadata: CatalogedMetadata) =>
  stored.status === 'ready' &&
  stored.ingestedAt === metadata.ingestedAt &&
  stored.originalSha256 === metadata.originalSha256 &&
  stored.uploader === metadata.uploader;

/** The condition every fenced write of an ingest carries: the claim is still pending and ours. */
const held = (token: string, values: Record<string, unknown> = {}) => ({
  ConditionExpression: '#status = :pending AND claimToken = :token',
  ExpressionAttributeNames: { '#status': 'status' },
  ExpressionAttributeValues: toItem({ ':pending': 'pending', ':token': token, ...values }),
});

/**
 * @example
 * ```ts
 * const catalog = new DynamoDocumentCatalog(dynamo, 'verbatim');
 * const claim = await catalog.claim(meta, { token: randomUUID(), leaseMs: 10_000 });
 * ```
 */
export class DynamoDocumentCatalog implements DocumentCatalog {
  private readonly readied = new Listeners<string>();

  constructor(
    private readonly dynamo: DynamoDBClient,
    private readonly table: string,
  ) {}

  async claim(meta: CatalogedMetadata, claim: Claim): Promise<ClaimResult> {
    const now = Date.now();
    const written = await conditionMet(
      this.dynamo.send(
        new PutItemCommand({
          TableName: this.table,
          Item: {
            ...toItem({ ...meta, status: 'pending', claimedAt: now, claimToken: claim.token }),
            ...docKey(meta.id),
          },
          ConditionExpression: 'attribute_not_exists(pk) OR (#status = :pending AND claimedAt < :staleBefore)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: toItem({ ':pending': 'pending', ':staleBefore': now - claim.leaseMs }),
        }),
      ),
    );
    if (written) return { claimed: true };
    const existing = await this.getStored(meta.id);
    // The other claim vanished between our write and read (its ingest rolled back): try again.
    if (!existing) return this.claim(meta, claim);
    return { claimed: false, existing: metadataOf(existing), status: existing.status, claimedAt: existing.claimedAt };
  }

  renewClaim(id: string, token: string): Promise<boolean> {
    return conditionMet(
      this.dynamo.send(
        new UpdateItemCommand({
          TableName: this.table,
          Key: docKey(id),
          UpdateExpression: 'SET claimedAt = :now',
          ...held(token, { ':now': Date.now() }),
        }),
      ),
    );
  }

  async markReady(id: string, token: string): Promise<boolean> {
    const ready = await conditionMet(
      this.dynamo.send(
        new UpdateItemCommand({
          TableName: this.table,
          Key: docKey(id),
          UpdateExpression: 'SET #status = :ready REMOVE claimedAt, claimToken',
          ...held(token, { ':ready': 'ready' }),
        }),
      ),
    );
    if (ready) this.readied.notify(id);
    return ready;
  }

  async markReadyMany(claims: ReadyClaim[], leaseMs: number): Promise<Set<string>> {
    const put: string[] = [];
    const fenced: ReadyClaim[] = [];
    await forEachAtMost(chunk(claims, BATCH_WRITE_LIMIT), PARALLEL_MARKS, async (slice) => {
      // Checked as each request is sent. Not aborted when the margin runs out: the server would
      // still apply a request it has received, later (measured: an aborted write landed after the read-back).
      const sentAt = Date.now();
      const margin = Math.min(...slice.map((c) => c.claimedAt + leaseMs / 2 - sentAt));
      if (margin <= 0) return void fenced.push(...slice);
      try {
        const out = await this.dynamo.send(
          new BatchWriteItemCommand({
            RequestItems: {
              [this.table]: slice.map((c) => ({
                // Exactly the record markReady leaves: the claimed metadata, ready, no claim fields.
                PutRequest: { Item: { ...toItem({ ...c.metadata, status: 'ready' }), ...docKey(c.metadata.id) } },
              })),
            },
          }),
        );
        const left = new Set(
          (out.UnprocessedItems?.[this.table] ?? []).map((r) => unmarshall(r.PutRequest!.Item!).pk as string),
        );
        for (const c of slice) {
          if (left.has(`DOC#${c.metadata.id}`)) fenced.push(c);
          else put.push(c.metadata.id);
        }
      } catch {
        // Failed after the SDK's retries: written or not is unknown, so read the records back.
        // Ready with this ingest's metadata is this write having landed; the rest take the fence.
        const stored = new Map((await this.batchGet(slice.map((c) => c.metadata.id))).map((item) => [item.pk.S, item]));
        for (const c of slice) {
          const item = stored.get(`DOC#${c.metadata.id}`);
          if (item && sameIngest(toStored(item), c.metadata)) put.push(c.metadata.id);
          else fenced.push(c);
        }
      }
    });
    for (const id of put) this.readied.notify(id);
    const ready = new Set(put);
    // markReady tells the listeners itself.
    await forEachAtMost(fenced, PARALLEL_MARKS, async (c) => {
      if (await this.markReady(c.metadata.id, c.token)) ready.add(c.metadata.id);
    });
    return ready;
  }

  onReady(listener: (id: string) => void): Unsubscribe {
    return this.readied.add(listener);
  }

  release(id: string, token: string): Promise<boolean> {
    return conditionMet(
      this.dynamo.send(new DeleteItemCommand({ TableName: this.table, Key: docKey(id), ...held(token) })),
    );
  }

  async *listPending(): AsyncIterable<PendingClaim> {
    for await (const stored of this.scanDocuments('pending')) yield toClaim(stored);
  }

  async getClaim(id: string): Promise<PendingClaim | null> {
    const stored = await this.getStored(id);
    return stored?.status === 'pending' ? toClaim(stored) : null;
  }

  async remove(id: string): Promise<void> {
    await this.dynamo.send(new DeleteItemCommand({ TableName: this.table, Key: docKey(id) }));
  }

  async get(id: string): Promise<CatalogedMetadata | null> {
    const stored = await this.getStored(id);
    return stored?.status === 'ready' ? metadataOf(stored) : null;
  }

  async getMany(ids: string[]): Promise<CatalogedMetadata[]> {
    return (await this.batchGet(ids))
      .map(toStored)
      .filter((stored) => stored.status === 'ready')
      .map(metadataOf);
  }

  async statusOf(ids: string[]): Promise<Map<string, DocumentStatus>> {
    const items = await this.batchGet(ids, {
      ProjectionExpression: 'pk, #status',
      ExpressionAttributeNames: { '#status': 'status' },
    });
    return new Map(
      items.map((item) => {
        const { pk, status } = unmarshall(item) as { pk: string; status: DocumentStatus };
        return [pk.slice('DOC#'.length), status];
      }),
    );
  }

  async *list(): AsyncIterable<CatalogedMetadata> {
    for await (const stored of this.scanDocuments('ready')) yield metadataOf(stored);
  }

  /** Consistent reads: a reader deciding whether a logged document is ready must see markReady. */
  private async batchGet(ids: string[], projection: Omit<BatchGetOptions, 'ConsistentRead'> = {}) {
    return batchGetItems(this.dynamo, this.table, [...new Set(ids)].map(docKey), 'documents', {
      ...projection,
      ConsistentRead: true,
    });
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
          ExpressionAttributeValues: toItem({ ':doc': 'DOC#', ':status': status }),
        }),
      );
      for (const item of out.Items ?? []) yield toStored(item);
      start = out.LastEvaluatedKey;
    } while (start);
  }

  private async getStored(id: string): Promise<StoredMetadata | null> {
    const out = await this.dynamo.send(
      new GetItemCommand({ TableName: this.table, Key: docKey(id), ConsistentRead: true }),
    );
    return out.Item ? toStored(out.Item) : null;
  }
}
