/**
 * The request thread's side of parsing: `prepareDocument` and `readSourceText`, run in the
 * process's shared {@link PrepareWorkerPool}, so a slow upload costs its own request time, never
 * other requests'. `POST /api/documents` (through ingest) and `POST /api/extract` both use these.
 */
import type { ParsedSource, SourceFile } from '../core/formats/parse-source.ts';
import type { IngestRequest } from './ingest-document.ts';
import type { PreparedDocument } from './prepare-task.ts';
import { PrepareWorkerPool } from './prepare-worker-pool.ts';

let shared: PrepareWorkerPool | null = null;

/** The process's pool, started on first use (a search-only process never starts a worker). */
export function preparePool(): PrepareWorkerPool {
  shared ??= new PrepareWorkerPool();
  return shared;
}

/**
 * {@link prepareDocument} in a worker: the document's metadata, and the document as JSON bytes.
 *
 * @throws VerbatimError `too_complex` over the time or memory limit, and whatever parsing throws.
 * @example
 * ```ts
 * const { metadata, json } = await prepareOffThread({ file: { bytes, contentType: 'text/html' } }, new Date());
 * ```
 */
export function prepareOffThread(request: IngestRequest, now: Date, pool = preparePool()): Promise<PreparedDocument> {
  return pool.run<PreparedDocument>({ kind: 'prepare', request, now: now.toISOString() });
}

/**
 * {@link readSourceText} in a worker.
 *
 * @example
 * ```ts
 * const { parsed, text } = await readSourceTextOffThread({ bytes, contentType: 'text/html' });
 * ```
 */
export function readSourceTextOffThread(file: SourceFile, pool = preparePool()): Promise<{ parsed: ParsedSource; text: string }> {
  return pool.run({ kind: 'read', file });
}
