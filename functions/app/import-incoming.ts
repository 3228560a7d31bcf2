/**
 * The bulk import as a job on AWS: files put under `incoming/` in the archive's bucket are announced
 * by S3 (an event notification to a queue), and the import function hands their keys here, up to
 * {@link MAX_BATCH_DOCUMENTS} at a time. They go through `ingestBatch`, as `npm run import` and
 * `POST /api/documents:batch` do, so dedupe, the claim protocol and the crash guarantees are the
 * same. A file archived (or found a duplicate) is deleted from `incoming/`, its bytes being kept
 * under `originals/`; a refused one stays there for its uploader to see, until the bucket's
 * lifecycle rule expires it; a file that failed for a reason that may pass (storage, a claim held
 * by another ingest) is reported for a retry.
 */
import { auditOutcome } from '../core/audit-log.ts';
import { VerbatimError } from '../core/errors.ts';
import { contentTypeOfExtension, formatOfType } from '../core/formats/source-formats.ts';
import { INCOMING_PREFIX } from '../core/storage-keys.ts';
import type { Archive } from './archive.ts';
import { ingestBatch } from './ingest-batch.ts';
import type { IngestRequest } from './prepare-document.ts';
import { MAX_BATCH_DOCUMENTS } from './upload-limits.ts';

/** The name the audit log records for the job's writes (HTTP writes record their token's name). */
export const IMPORT_JOB_ACTOR = 'import-job';

/** What became of one incoming file. */
export interface IncomingOutcome {
  key: string;
  /** As `POST /api/documents:batch` answers per item: 201 archived, 200 duplicate, or the error's status. */
  status: number;
  documentId: string | null;
  error: { code: string; message: string } | null;
  /** Worth trying again later: the failure may pass (storage, a claim another ingest holds). */
  retry: boolean;
}

/** Statuses that say "not now" rather than "never": a timeout, a claim in flight, our own failure. */
function mayPass(status: number): boolean {
  return status >= 500 || status === 408 || status === 409;
}

function refused(key: string, error: VerbatimError): IncomingOutcome {
  const status = error.status;
  return { key, status, documentId: null, error: { code: error.code, message: error.message }, retry: mayPass(status) };
}

/** The object's own content type when Verbatim reads it, else the one its extension means. */
function contentTypeOf(key: string, stored: string): string | undefined {
  if (formatOfType(stored)) return stored;
  const extension = key.includes('.') ? key.slice(key.lastIndexOf('.') + 1) : '';
  return contentTypeOfExtension(extension);
}

/** Reads one incoming file into an ingest request, or says why it cannot be one. */
async function readIncoming(archive: Archive, key: string): Promise<IngestRequest | VerbatimError> {
  if (!key.startsWith(INCOMING_PREFIX) || key.length === INCOMING_PREFIX.length) {
    return new VerbatimError('bad_request', `The import job reads files under ${INCOMING_PREFIX} only, not "${key}".`);
  }
  const blob = await archive.blobs.get(key);
  // S3 may announce an object more than once; a repeat after the file was imported finds nothing.
  if (!blob) return new VerbatimError('not_found', `There is no file "${key}" (already imported, or deleted).`);
  const contentType = contentTypeOf(key, blob.contentType);
  if (!contentType) {
    return new VerbatimError(
      'unsupported_media_type',
      `"${key}" is ${blob.contentType || 'of no content type'} and its extension names no format Verbatim reads.`,
    );
  }
  const fileName = key.slice(key.lastIndexOf('/') + 1);
  return { file: { bytes: blob.body, contentType, fileName }, uploader: IMPORT_JOB_ACTOR };
}

/**
 * Imports the files at `keys` (under {@link INCOMING_PREFIX}), in batches of at most
 * {@link MAX_BATCH_DOCUMENTS}, and records each in the audit log.
 *
 * @example
 * ```ts
 * const outcomes = await importIncoming(archive, ['incoming/2024/report.pdf']);
 * outcomes.filter((o) => o.retry); // what to hand back to the queue
 * ```
 */
export async function importIncoming(archive: Archive, keys: readonly string[]): Promise<IncomingOutcome[]> {
  const outcomes: IncomingOutcome[] = [];
  for (let start = 0; start < keys.length; start += MAX_BATCH_DOCUMENTS) {
    outcomes.push(...(await importBatch(archive, keys.slice(start, start + MAX_BATCH_DOCUMENTS))));
  }
  return outcomes;
}

async function importBatch(archive: Archive, keys: readonly string[]): Promise<IncomingOutcome[]> {
  const read = await Promise.all(keys.map((key) => readIncoming(archive, key)));
  const requests = read.filter((item): item is IngestRequest => !(item instanceof VerbatimError));
  const ingested = await ingestBatch(archive, requests);
  let next = 0;
  const outcomes = read.map((item, n): IncomingOutcome => {
    const key = keys[n];
    if (item instanceof VerbatimError) return refused(key, item);
    const outcome = ingested[next++];
    if (!outcome.ok) return refused(key, outcome.error);
    const status = outcome.result.duplicate ? 200 : 201;
    return { key, status, documentId: outcome.result.id, error: null, retry: false };
  });
  // The original is archived byte for byte under originals/: the incoming copy has done its work.
  await Promise.all(
    outcomes.filter((o) => o.status === 200 || o.status === 201).map((o) => archive.blobs.delete(o.key)),
  );
  const at = new Date().toISOString();
  await archive.audit
    .recordMany(
      outcomes
        // A repeated notification for a file already imported is not a write attempt.
        .filter((o) => o.error?.code !== 'not_found')
        .map((o) => ({
          at,
          actor: IMPORT_JOB_ACTOR,
          action: 'ingest' as const,
          documentId: o.documentId,
          outcome: auditOutcome('ingest', o.status),
          status: o.status,
          errorCode: o.error?.code ?? null,
        })),
    )
    .catch((error: unknown) => console.error(`Audit log write failed for a batch of ${outcomes.length} files`, error));
  return outcomes;
}
