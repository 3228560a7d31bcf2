/**
 * {@link AuditLog} in the same DynamoDB table as the metadata, as items `pk = AUDIT`,
 * `sk = <ISO time>#<random>`: one partition read newest first with `ScanIndexForward: false`.
 * Writes are a handful per second at most, far below one partition's 1,000 writes/s.
 */
import { randomBytes } from 'node:crypto';
import { PutItemCommand, QueryCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { AuditEntry, AuditLog, AuditPage } from '../core/audit-log.ts';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { batchWriteItems } from './batch-write-items.ts';
import { toItem } from './dynamo-item.ts';

const AUDIT_PK = 'AUDIT';
/** Six hex digits of a per-process counter keep this process's entries in order within one millisecond. */
const COUNTER_SPAN = 0x1000000;
let counter = 0;

/** The entry with its id: its time, then a counter and random part (see {@link COUNTER_SPAN}). */
function withId(entry: Omit<AuditEntry, 'id'>): AuditEntry {
  // Counter then random: entries of one millisecond stay in order here and apart across processes.
  counter = (counter + 1) % COUNTER_SPAN;
  const suffix = counter.toString(16).padStart(6, '0') + randomBytes(3).toString('hex');
  return { id: `${entry.at}#${suffix}`, ...entry };
}

/**
 * @example
 * ```ts
 * const audit = new DynamoAuditLog(dynamo, 'verbatim');
 * await audit.record({ at: new Date().toISOString(), actor: 'newsdesk', action: 'delete', documentId, outcome: 'deleted', status: 204, errorCode: null });
 * const { entries, next } = await audit.list({ limit: 20 });
 * ```
 */
export class DynamoAuditLog implements AuditLog {
  constructor(
    private readonly dynamo: DynamoDBClient,
    private readonly table: string,
  ) {}

  async record(entry: Omit<AuditEntry, 'id'>): Promise<AuditEntry> {
    const full = withId(entry);
    await this.dynamo.send(
      new PutItemCommand({
        TableName: this.table,
        Item: toItem({ pk: AUDIT_PK, sk: full.id, ...full }),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return full;
  }

  /**
   * BatchWriteItem, 25 entries a request (a batch of 100 uploads: 4 requests instead of 100). It
   * cannot carry {@link record}'s condition; none is needed here, since this process's counter
   * keeps its ids apart and the random part keeps them apart from other processes'.
   */
  async recordMany(entries: Array<Omit<AuditEntry, 'id'>>): Promise<AuditEntry[]> {
    const full = entries.map(withId);
    await batchWriteItems(
      this.dynamo,
      this.table,
      full.map((e) => toItem({ pk: AUDIT_PK, sk: e.id, ...e })),
      'audit entries',
    );
    return full;
  }

  async list(options: { limit: number; before?: string }): Promise<AuditPage> {
    const result = await this.dynamo.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: options.before ? 'pk = :pk AND sk < :before' : 'pk = :pk',
        ExpressionAttributeValues: toItem({ ':pk': AUDIT_PK, ':before': options.before }),
        ScanIndexForward: false,
        Limit: options.limit,
      }),
    );
    const entries = (result.Items ?? []).map((item) => {
      const { pk: _pk, sk: _sk, ...entry } = unmarshall(item);
      return entry as AuditEntry;
    });
    // DynamoDB stops at Limit and says so; a page that exactly reaches the end costs one empty read.
    return { entries, next: result.LastEvaluatedKey ? (entries.at(-1)?.id ?? null) : null };
  }
}
