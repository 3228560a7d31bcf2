/**
 * Creates the DynamoDB table on the embedded server if it is not there yet. On AWS the stack
 * creates it; this mirrors the stack's key schema (`pk`, `sk`).
 */
import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';

/** How long a new table may take to become ACTIVE before the start gives up. */
export const TABLE_ACTIVE_TIMEOUT_MS = 10_000;
/** How often a new table's status is read while waiting for it. */
const TABLE_POLL_MS = 20;

/**
 * @example
 * ```ts
 * await ensureTable(dynamo, 'verbatim-local');
 * ```
 */
export async function ensureTable(dynamo: DynamoDBClient, table: string): Promise<void> {
  try {
    await dynamo.send(new DescribeTableCommand({ TableName: table }));
    return;
  } catch (error) {
    if (
      !(error instanceof ResourceNotFoundException) &&
      (error as { name?: string }).name !== 'ResourceNotFoundException'
    )
      throw error;
  }
  const created = await dynamo.send(
    new CreateTableCommand({
      TableName: table,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
    }),
  );
  // dynalite answers CreateTable while the table is still CREATING (even with createTableMs 0:
  // the switch to ACTIVE is a timer), and a write then gets ResourceNotFoundException. A caller
  // that writes at once (the import floors bench's first BatchWriteItem did) must not see that.
  let status = created.TableDescription?.TableStatus;
  for (const started = Date.now(); status !== 'ACTIVE';) {
    if (Date.now() - started > TABLE_ACTIVE_TIMEOUT_MS)
      throw new Error(`The table ${table} was not ACTIVE within ${TABLE_ACTIVE_TIMEOUT_MS} ms (it is ${status}).`);
    await new Promise((resolve) => setTimeout(resolve, TABLE_POLL_MS));
    status = (await dynamo.send(new DescribeTableCommand({ TableName: table }))).Table?.TableStatus;
  }
}
