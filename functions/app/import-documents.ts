/**
 * Bulk import: runs many ingests with bounded concurrency and sums up what happened. The ingest
 * itself is passed in, so the same loop drives the use case directly or the HTTP API.
 */
import { VerbatimError } from '../core/errors.ts';
import type { IngestRequest, IngestResult } from './ingest-document.ts';

/** What an import did. `rejected` lists each refused item with the reason a user can act on. */
export interface ImportSummary {
  added: number;
  duplicates: number;
  rejected: Array<{ label: string; reason: string }>;
  /** Files in a folder that were not tried (not an article format, hidden), with why. */
  skipped: Array<{ label: string; reason: string }>;
  seconds: number;
}

/** An item as {@link importDocuments} consumes it. */
export type ImportInput =
  { label: string; request: IngestRequest } | { label: string; error: string } | { label: string; skipped: string };

/**
 * @example
 * ```ts
 * const summary = await importDocuments(items, (request) => ingestDocument(archive, request), { concurrency: 8 });
 * ```
 */
export async function importDocuments(
  items: AsyncIterable<ImportInput>,
  ingest: (request: IngestRequest) => Promise<Pick<IngestResult, 'duplicate'>>,
  options: { concurrency: number; onItem?: () => void },
): Promise<ImportSummary> {
  const started = performance.now();
  const summary: ImportSummary = { added: 0, duplicates: 0, rejected: [], skipped: [], seconds: 0 };
  const iterator = items[Symbol.asyncIterator]();
  // Workers pull from one shared iterator, so a slow item never holds up the others.
  const worker = async () => {
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      const item = next.value;
      if ('skipped' in item) {
        summary.skipped.push({ label: item.label, reason: item.skipped });
      } else if ('error' in item) {
        summary.rejected.push({ label: item.label, reason: item.error });
      } else {
        try {
          const result = await ingest(item.request);
          if (result.duplicate) summary.duplicates++;
          else summary.added++;
        } catch (error) {
          if (!(error instanceof VerbatimError)) throw error;
          summary.rejected.push({ label: item.label, reason: error.message });
        }
      }
      options.onItem?.();
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
