/**
 * {@link IngestLog} in the archive's DynamoDB table. Items:
 *
 * | pk     | sk       | what                                          |
 * |--------|----------|-----------------------------------------------|
 * | `LOG`  | `<seq>`  | one log item: one or more entries (`ops`)     |
 *
 * Sequence numbers are gapless: each item is a conditional put at the number after the last one.
 */
import { PutItemCommand, QueryCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { Listeners } from '../core/listeners.ts';
import type { IngestLog, LogEntry, Unsubscribe } from '../core/ports.ts';
import { conditionMet, toItem } from './dynamo-item.ts';

const seqKey = (seq: number) => String(seq).padStart(12, '0');
/** Log entries per item: ~25 bytes each, far below DynamoDB's 400 KB item limit. */
const LOG_BATCH_LIMIT = 500;

/**
 * @example
 * ```ts
 * const log = new DynamoIngestLog(dynamo, 'verbatim');
 * log.onAppend(() => reader.noteWrite());
 * const { seq } = await log.append({ op: 'add', id: '3f2a9c0d4b1e8a77' });
 * ```
 */
export class DynamoIngestLog implements IngestLog {
  /** The highest log seq this process has seen: the first guess for the next append. */
  private lastSeqHint = 0;
  private readonly appendQueue: Array<{
    entry: Omit<LogEntry, 'seq'>;
    resolve: (e: LogEntry) => void;
    reject: (e: unknown) => void;
  }> = [];
  private appending = false;
  private readonly appended = new Listeners<LogEntry>();

  constructor(
    private readonly dynamo: DynamoDBClient,
    private readonly table: string,
  ) {}

  append(entry: Omit<LogEntry, 'seq'>): Promise<LogEntry> {
    return new Promise((resolve, reject) => {
      this.appendQueue.push({ entry, resolve, reject });
      if (this.appendQueue.length === 1 && !this.appending) void this.drainAppendQueue();
    });
  }

  /**
   * Queues every entry before the queue drains, so that they go out in one log item (or, past
   * {@link LOG_BATCH_LIMIT}, consecutive ones) rather than one item for the first and one for the rest.
   */
  appendBatch(entries: Array<Omit<LogEntry, 'seq'>>): Promise<LogEntry[]> {
    const written = entries.map(
      (entry) => new Promise<LogEntry>((resolve, reject) => this.appendQueue.push({ entry, resolve, reject })),
    );
    if (entries.length > 0 && !this.appending) void this.drainAppendQueue();
    return Promise.all(written);
  }

  onAppend(listener: (entry: LogEntry) => void): Unsubscribe {
    return this.appended.add(listener);
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
        // Listeners first: by the time an appender resumes, its reader knows to read the log.
        for (const { entry, resolve } of batch) {
          const written = { seq, ...entry };
          this.appended.notify(written);
          resolve(written);
        }
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
      const put = new PutItemCommand({
        TableName: this.table,
        Item: toItem({ pk: 'LOG', sk: seqKey(seq), seq, ops }),
        ConditionExpression: 'attribute_not_exists(pk)',
      });
      if (await conditionMet(this.dynamo.send(put))) {
        this.lastSeqHint = seq;
        return seq;
      }
      seq = Math.max(seq, await this.lastSeq()) + 1;
    }
  }

  async read(after: number): Promise<LogEntry[]> {
    const entries: LogEntry[] = [];
    let start: Record<string, AttributeValue> | undefined;
    do {
      const out = await this.dynamo.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'pk = :log AND sk > :after',
          ExpressionAttributeValues: toItem({ ':log': 'LOG', ':after': seqKey(after) }),
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      for (const item of out.Items ?? []) {
        const { seq, ops } = unmarshall(item) as { seq: number; ops: string };
        for (const [op, id] of JSON.parse(ops) as Array<[LogEntry['op'], string]>) entries.push({ seq, op, id });
      }
      start = out.LastEvaluatedKey;
    } while (start);
    if (entries.length > 0) this.lastSeqHint = Math.max(this.lastSeqHint, entries[entries.length - 1].seq);
    return entries;
  }

  private async lastSeq(): Promise<number> {
    const out = await this.dynamo.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :log',
        ExpressionAttributeValues: toItem({ ':log': 'LOG' }),
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    const item = out.Items?.[0];
    return item ? (unmarshall(item) as { seq: number }).seq : 0;
  }
}
