/**
 * The request thread's side of parsing: `prepareDocument` and `readSourceText`, run in the
 * process's shared {@link PrepareWorkerPool}, so a slow upload costs its own request time, never
 * other requests'. `POST /api/documents` (through ingest) and `POST /api/extract` both use these.
 */
import { VerbatimError, type ErrorCode } from '../core/errors.ts';
import type { LinkSubject } from '../core/copies/link-features.ts';
import type { ParsedSource, SourceFile } from '../core/formats/parse-source.ts';
import type { IngestRequest } from './prepare-document.ts';
import { runPrepareTask, type PrepareTask, type PreparedDocument } from './prepare-task.ts';
import { preparePool, type PrepareWorkerPool } from './prepare-worker-pool.ts';

/**
 * Plain text or Markdown up to this size is read on the request thread: its cost is bounded
 * (measured here: dense quotes at 4 KB take 7–60 ms, at 16 KB up to 480 ms), and on a busy
 * machine handing a task to another thread and back can cost more than that (each wake-up waits
 * for a core). HTML, PDF and DOCX always go to a worker: their parsers are the ones that run away.
 */
export const IN_THREAD_MAX_BYTES = 4 * 1024;

const IN_THREAD_TYPES = /^(text\/plain|text\/markdown|text\/x-markdown)\b/i;

/**
 * Where a task runs: `auto` in the pool, or here when its file is small plain text (see above);
 * `pool` always in the pool. A bulk batch asks for `pool`: it hands a hundred files over at once,
 * so no single one waits for a wake-up, and on the import's thread their parsing was the largest
 * share of our own code in its CPU profile, while the workers were four-fifths idle (README,
 * "Bulk import" figures).
 */
export type PrepareWhere = 'auto' | 'pool';

/** Runs a task in the pool, or here when `where` allows and its file is small plain text. */
async function run<T>(
  task: Exclude<PrepareTask, { kind: 'digest' }>,
  pool: PrepareWorkerPool,
  where: PrepareWhere = 'auto',
): Promise<T> {
  if (task.kind === 'features' || where === 'pool') return pool.run<T>(task);
  const file = task.kind === 'prepare' ? task.request.file : task.file;
  if (file.bytes.byteLength > IN_THREAD_MAX_BYTES || !IN_THREAD_TYPES.test(file.contentType)) return pool.run<T>(task);
  const { reply } = await runPrepareTask(task);
  if (reply.ok) return reply.value as T;
  throw reply.code ? new VerbatimError(reply.code as ErrorCode, reply.message) : new Error(reply.message);
}

/**
 * {@link prepareDocument} in a worker (small plain text: here): the document's metadata, and the
 * document as JSON bytes.
 *
 * @throws VerbatimError `too_complex` over the time or memory limit, and whatever parsing throws.
 * @example
 * ```ts
 * const { metadata, json } = await prepareOffThread({ file: { bytes, contentType: 'text/html' } }, new Date());
 * ```
 */
export function prepareOffThread(
  request: IngestRequest,
  now: Date,
  pool = preparePool(),
  where: PrepareWhere = 'auto',
): Promise<PreparedDocument> {
  return run<PreparedDocument>({ kind: 'prepare', request, now: now.toISOString() }, pool, where);
}

/**
 * {@link readSourceText} in a worker.
 *
 * @example
 * ```ts
 * const { parsed, text } = await readSourceTextOffThread({ bytes, contentType: 'text/html' });
 * ```
 */
export function readSourceTextOffThread(
  file: SourceFile,
  pool = preparePool(),
): Promise<{ parsed: ParsedSource; text: string }> {
  return run({ kind: 'read', file }, pool);
}

/**
 * A stored document's link fingerprints, computed in a worker from its JSON bytes: for a copy or
 * story candidate too large to parse and tokenize on the request thread.
 *
 * @example
 * ```ts
 * const subject = await linkSubjectOffThread(blob.body);
 * ```
 */
export function linkSubjectOffThread(json: Uint8Array, pool = preparePool()): Promise<LinkSubject> {
  return run<LinkSubject>({ kind: 'features', json }, pool);
}
