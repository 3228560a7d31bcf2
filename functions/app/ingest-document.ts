/**
 * Ingest: parse an upload, normalise its text, find its quotes, and store it — once. The same
 * normalised text always gets the same id, so a duplicate is detected by one conditional write.
 *
 * Order of writes, so that a failure never leaves anything half-visible:
 * 1. claim the id under a fresh token (metadata, status `pending`: invisible to readers),
 * 2. write the original bytes and the normalised document, then renew the claim,
 * 3. append to the ingest log,
 * 4. mark the metadata `ready` if the token still holds the claim: readable and searchable at
 *    once (readers apply a log entry only once its document is ready).
 * A failure in 2–4 removes what was written, if the claim is still this ingest's. A process that
 * dies between steps leaves a pending claim whose lease runs out after {@link CLAIM_LEASE_MS}: the
 * next upload of the same content takes it over and finishes the job, and the indexer's sweep
 * finishes or rolls back the ones nobody re-uploads. (The other order could leave a document
 * readable but never searchable, with every re-upload answered "duplicate".)
 */
import { randomUUID } from 'node:crypto';
import type { DocumentMetadata } from '../core/document.ts';
import { VerbatimError } from '../core/errors.ts';
import { documentKey, originalKey } from '../core/storage-keys.ts';
import type { CatalogedMetadata } from '../core/ports.ts';
import type { Archive } from './archive.ts';
import { prepareOffThread } from './prepare-off-thread.ts';
import type { IngestRequest } from './prepare-document.ts';
import type { PreparedDocument } from './prepare-task.ts';
import { CLAIM_LEASE_MS, rollBack } from './settle-claims.ts';
import { rememberAndLink } from './link-copies.ts';

// Preparing an upload lives in prepare-document.ts (a worker thread runs it too); callers keep importing it from here.
export { metadataOf, prepareDocument, readSourceText, type IngestRequest } from './prepare-document.ts';

/** The stored document's metadata, and whether it was already in the archive. */
export interface IngestResult extends DocumentMetadata {
  duplicate: boolean;
}

/** How long a waiting upload polls a claim another ingest holds before looking again. */
const CLAIM_POLL_MS = 100;
/** Longest a duplicate upload waits for a live ingest of the same text before answering 409. */
const CLAIM_WAIT_MS = 4 * CLAIM_LEASE_MS;
/** How many times an ingest may lose its claim to a takeover before giving up with 409. */
const MAX_TAKEOVERS = 3;

/**
 * Claims the document's id for this ingest, or finds the copy already archived. A claim another
 * ingest holds is waited for while its owner shows life; once it has not for {@link CLAIM_LEASE_MS}
 * (its process died) this ingest takes it over and finishes the job itself. Exported for the
 * bulk path (`ingest-batch.ts`), which claims each document of a batch the same way.
 *
 * @example
 * ```ts
 * const existing = await claimOrFind(archive, metadata, randomUUID()); // null: claimed, write it
 * ```
 */
export async function claimOrFind(
  archive: Archive,
  metadata: DocumentMetadata,
  token: string,
): Promise<DocumentMetadata | null> {
  const deadline = Date.now() + CLAIM_WAIT_MS;
  for (;;) {
    const claim = await archive.catalog.claim(metadata, { token, leaseMs: CLAIM_LEASE_MS });
    if (claim.claimed) return null;
    if (claim.status === 'ready') return withoutStorage(claim.existing);
    const now = Date.now();
    // Still renewed by a live owner after several leases: that ingest is stuck in slow storage.
    if (now >= deadline)
      throw new VerbatimError(
        'conflict',
        'The same text is being archived by another upload right now; try again in a moment.',
      );
    const leaseLeft = (claim.claimedAt ?? 0) + CLAIM_LEASE_MS - now;
    await new Promise((resolve) => setTimeout(resolve, Math.max(10, Math.min(CLAIM_POLL_MS, leaseLeft + 10))));
  }
}

/** The metadata as clients see it: where its original is stored is the archive's business. */
function withoutStorage({ original: _original, json: _json, ...metadata }: CatalogedMetadata): DocumentMetadata {
  return metadata;
}

/**
 * Stores an upload in the archive, or reports the copy it already has.
 *
 * @example
 * ```ts
 * const result = await ingestDocument(archive, { file: { bytes, contentType: 'text/html' } });
 * result.duplicate; // false the first time, true for the same text again
 * ```
 */
export async function ingestDocument(
  archive: Archive,
  request: IngestRequest,
  now = new Date(),
): Promise<IngestResult> {
  if (request.file.bytes.byteLength > archive.limits.maxUploadBytes) {
    throw new VerbatimError(
      'payload_too_large',
      `The upload is ${request.file.bytes.byteLength} bytes; the limit is ${archive.limits.maxUploadBytes}.`,
    );
  }
  // Off the request thread, with a time and memory limit: nothing is stored before this answers.
  const prepared = await prepareOffThread(request, now);
  const { metadata } = prepared;
  const token = randomUUID();
  for (let attempt = 0; attempt < MAX_TAKEOVERS; attempt++) {
    const existing = await claimOrFind(archive, metadata, token);
    if (existing) return { ...existing, duplicate: true };
    if (await writeClaimed(archive, prepared, request, token)) {
      // Kept for the next search (unless big) and linked to its copies and stories.
      await rememberAndLink(archive, prepared);
      return { ...metadata, duplicate: false };
    }
    // Another ingest took the claim over (this one looked dead): it finishes; wait for its answer.
  }
  throw new VerbatimError(
    'conflict',
    'The same text is being archived by another upload right now; try again in a moment.',
  );
}

/**
 * Writes a claimed document in the order of the module comment. Every write after the objects is
 * fenced on `token`: false when another ingest took the claim over, which then owns the id.
 */
async function writeClaimed(
  archive: Archive,
  { metadata, json, jsonSha256 }: PreparedDocument,
  request: IngestRequest,
  token: string,
): Promise<boolean> {
  const document = { id: metadata.id }; // the document itself stays bytes on this thread
  try {
    // Both hashes come from the worker: hashing 10 MB here to sign the PUTs stalled the event loop.
    await archive.blobs.put(
      originalKey(document.id),
      request.file.bytes,
      request.file.contentType,
      metadata.originalSha256,
    );
    await archive.blobs.put(documentKey(document.id), json, 'application/json', jsonSha256);
    if (!(await archive.catalog.renewClaim(document.id, token))) return false;
    // The log and the catalog tell this process's index reader: its next search sees the document.
    await archive.log.append({ op: 'add', id: document.id });
    return await archive.catalog.markReady(document.id, token);
  } catch (error) {
    await rollBack(archive, document.id, token).catch(() => undefined);
    throw error;
  }
}
