/**
 * {@link LinkStore} in the archive's DynamoDB table. Items:
 *
 * | pk                    | sk          | what                                        |
 * |-----------------------|-------------|---------------------------------------------|
 * | `LSH#<band>:<hash>`   | `<doc id>`  | a document filed under one LSH band key     |
 * | `LINK#<kind>#<id>`    | `<other id>`| a copy or same-story link, with similarity  |
 *
 * Every read is a Query on one partition key with a `Limit`, so its cost does not grow with the
 * archive: what finds a new document's copies is 20 small queries, whatever the archive's size.
 */
import { BatchWriteItemCommand, type BatchWriteItemCommandOutput, QueryCommand, type AttributeValue, type DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';
import type { DocumentLink, LinkKind, LinkStore } from '../core/copies/link-store.ts';
import { VerbatimError } from '../core/errors.ts';

/** DynamoDB's limit on items per BatchWriteItem. */
const BATCH_WRITE_LIMIT = 25;
/** Retries of unprocessed batch items (throttling) before giving up. */
const MAX_BATCH_RETRIES = 5;

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

  async candidates(keys: string[], limitPerKey: number): Promise<string[]> {
    const found = await Promise.all(keys.map((key) => this.query(`LSH#${key}`, limitPerKey)));
    return [...new Set(found.flat().map((item) => item.sk.S!))];
  }

  async file(id: string, keys: string[]): Promise<void> {
    await this.write(keys.map((key) => ({ pk: { S: `LSH#${key}` }, sk: { S: id } })));
  }

  async link(kind: LinkKind, pairs: Array<{ a: string; b: string; similarity: number }>): Promise<void> {
    const item = (from: string, to: string, similarity: number) => ({ pk: { S: `LINK#${kind}#${from}` }, sk: { S: to }, similarity: { N: String(similarity) } });
    await this.write(pairs.flatMap(({ a, b, similarity }) => [item(a, b, similarity), item(b, a, similarity)]));
  }

  async links(kind: LinkKind, id: string, limit: number): Promise<DocumentLink[]> {
    const items = await this.query(`LINK#${kind}#${id}`, limit);
    return items.map((item) => ({ id: item.sk.S!, similarity: Number(item.similarity?.N ?? 0) }));
  }

  private async query(pk: string, limit: number): Promise<Array<Record<string, AttributeValue>>> {
    const out = await this.dynamo.send(
      new QueryCommand({ TableName: this.table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': { S: pk } }, Limit: limit }),
    );
    return out.Items ?? [];
  }

  private async write(items: Array<Record<string, AttributeValue>>): Promise<void> {
    for (let i = 0; i < items.length; i += BATCH_WRITE_LIMIT) {
      let requests: WriteRequest[] | undefined = items.slice(i, i + BATCH_WRITE_LIMIT).map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; requests && requests.length > 0; attempt++) {
        if (attempt > MAX_BATCH_RETRIES) throw new VerbatimError('internal', `DynamoDB left ${requests.length} link items unwritten after ${MAX_BATCH_RETRIES} retries.`);
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
        const out: BatchWriteItemCommandOutput = await this.dynamo.send(new BatchWriteItemCommand({ RequestItems: { [this.table]: requests } }));
        requests = out.UnprocessedItems?.[this.table];
      }
    }
  }
}
