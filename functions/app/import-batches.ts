/**
 * The bulk import's driver: cuts the items into batches and keeps a few batches in flight, so one
 * batch's storage round trips overlap the next one's parsing. The batch ingest is passed in, so the
 * same loop drives {@link ingestBatch} on the local archive or `POST /api/documents:batch`.
 */
import type { VerbatimError } from '../core/errors.ts';
import type { ImportInput, ImportSummary } from './import-documents.ts';
import type { BatchOutcome } from './ingest-batch.ts';
import type { IngestRequest } from './ingest-document.ts';

/** One item's answer as a batch ingest reports it. */
export type BatchItemAnswer = { ok: true; duplicate: boolean } | { ok: false; error: Pick<VerbatimError, 'message'> };

/**
 * A local batch outcome as the driver counts it.
 *
 * @example
 * ```ts
 * (await ingestBatch(archive, requests)).map(answerOf);
 * ```
 */
export const answerOf = (outcome: BatchOutcome): BatchItemAnswer =>
  outcome.ok ? { ok: true, duplicate: outcome.result.duplicate } : outcome;

/** Options for {@link importBatches}. */
export interface ImportBatchesOptions {
  /** Documents per batch (at most the batch ingest's own limit). */
  batchSize: number;
  /** Batches sent at once. */
  inFlight: number;
  /** Called once per item done (added, duplicate, rejected or skipped). */
  onItem?: () => void;
}

/**
 * @example
 * ```ts
 * const summary = await importBatches(items, async (requests) => (await ingestBatch(archive, requests)).map(answerOf), { batchSize: 100, inFlight: 2 });
 * ```
 */
export async function importBatches(
  items: AsyncIterable<ImportInput>,
  ingest: (requests: IngestRequest[]) => Promise<BatchItemAnswer[]>,
  options: ImportBatchesOptions,
): Promise<ImportSummary> {
  const started = performance.now();
  const summary: ImportSummary = { added: 0, duplicates: 0, rejected: [], skipped: [], seconds: 0 };
  const iterator = items[Symbol.asyncIterator]();
  // Senders pull the next batch from one shared reader: a slow batch never holds up the others.
  let reading: Promise<unknown> = Promise.resolve();
  const nextBatch = () => {
    const batch = (reading = reading.then(async () => {
      const labels: string[] = [];
      const requests: IngestRequest[] = [];
      let done = false;
      while (requests.length < options.batchSize) {
        const next = await iterator.next();
        if (next.done) {
          done = true;
          break;
        }
        const item = next.value;
        if ('skipped' in item) summary.skipped.push({ label: item.label, reason: item.skipped });
        else if ('error' in item) summary.rejected.push({ label: item.label, reason: item.error });
        else {
          labels.push(item.label);
          requests.push(item.request);
          continue;
        }
        options.onItem?.();
      }
      return { labels, requests, done };
    }));
    return batch as Promise<{ labels: string[]; requests: IngestRequest[]; done: boolean }>;
  };
  const sender = async () => {
    for (;;) {
      const { labels, requests, done } = await nextBatch();
      if (requests.length > 0) {
        const answers = await ingest(requests);
        answers.forEach((answer, i) => {
          if (!answer.ok) summary.rejected.push({ label: labels[i], reason: answer.error.message });
          else if (answer.duplicate) summary.duplicates++;
          else summary.added++;
          options.onItem?.();
        });
      }
      if (done) return;
    }
  };
  await Promise.all(Array.from({ length: options.inFlight }, sender));
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
