/**
 * Lambda entry point of the bulk import job: an SQS event source hands it up to 100 messages, each
 * an S3 event notification for files put under `incoming/`. They are imported as one batch
 * (`app/import-incoming.ts`); the messages whose files failed for a reason that may pass are
 * reported back (`ReportBatchItemFailures`), so only those return to the queue, and after three
 * tries go to its dead-letter queue.
 */
import { keysOfS3Notification } from '../adapters/s3-notification-keys.ts';
import { importIncoming } from '../app/import-incoming.ts';
import { archiveFromConfig } from '../compose/archive-from-config.ts';
import { loadConfig } from '../config.ts';

const archive = archiveFromConfig(loadConfig(process.env));

/** The part of Lambda's SQS event the job reads. */
interface QueueEvent {
  Records: { messageId: string; body: string }[];
}

export const handler = async (event: QueueEvent) => {
  const failed = new Set<string>();
  const keysOf = new Map<string, string[]>();
  for (const record of event.Records) {
    try {
      keysOf.set(record.messageId, keysOfS3Notification(record.body));
    } catch (error) {
      // Not a notification: retrying cannot help, so let it reach the dead-letter queue's reader.
      console.error(JSON.stringify({ message: 'import: unreadable queue message', error: String(error) }));
      failed.add(record.messageId);
    }
  }
  const outcomes = await importIncoming(archive, [...keysOf.values()].flat());
  const retry = new Set(outcomes.filter((o) => o.retry).map((o) => o.key));
  for (const [messageId, keys] of keysOf) if (keys.some((key) => retry.has(key))) failed.add(messageId);
  const count = (status: number) => outcomes.filter((o) => o.status === status).length;
  console.log(
    JSON.stringify({
      message: 'import',
      files: outcomes.length,
      added: count(201),
      duplicates: count(200),
      retried: retry.size,
      refused: outcomes
        .filter((o) => o.status >= 400 && !o.retry && o.status !== 404)
        .map((o) => ({ key: o.key, ...o.error })),
    }),
  );
  return { batchItemFailures: [...failed].map((itemIdentifier) => ({ itemIdentifier })) };
};
