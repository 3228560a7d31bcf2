/**
 * Bulk ingest: a batch of uploads through the same claim protocol as {@link ingestDocument}, with
 * the round trips of the whole batch overlapped and the log written once. Per document the order
 * of writes is the single ingest's (claim; original and JSON; renew; log; ready), so each document
 * of a killed batch is whole or absent exactly as a single ingest is, and a rerun completes it:
 *
 * 1. every upload is prepared in the worker pool at once (all cores busy);
 * 2. each distinct id is claimed, its two objects written and its claim renewed, all documents
 *    concurrently (claims are conditional puts, which `BatchWriteItem` cannot carry);
 * 3. one log item lists every document of the batch (one round trip instead of one per document);
 * 4. each is marked ready, concurrently; then, with the index refreshed once, each is remembered
 *    and linked to its copies and stories.
 *
 * An item that fails is answered with its own error; the others go on.
 */
import { randomUUID } from 'node:crypto';

import { VerbatimError } from '../core/errors.ts';
import { documentKey, originalKey } from '../core/storage-keys.ts';
import type { Archive } from './archive.ts';
import { claimOrFind, ingestDocument, type IngestRequest, type IngestResult } from './ingest-document.ts';
import { rememberAndLink } from './link-copies.ts';
import { prepareOffThread } from './prepare-off-thread.ts';
import type { PreparedDocument } from './prepare-task.ts';
import { rollBack } from './settle-claims.ts';
import { MAX_BATCH_DOCUMENTS } from './upload-limits.ts';

/**
 * Documents of one batch in storage at once. Each has up to two S3 PUTs in flight: with two batches
 * in flight that stays under the SDK's 50 sockets per client, which otherwise queues the rest
 * anyway and warns on every batch.
 */
export const BATCH_WRITE_CONCURRENCY = 12;

/** One item's outcome: the stored (or existing) document, or why it was refused. */
export type BatchOutcome = { ok: true; result: IngestResult } | { ok: false; error: VerbatimError };

/** A claimed document on its way through the stages. */
interface Claimed {
  index: number;
  prepared: PreparedDocument;
  request: IngestRequest;
  token: string;
}

const refused = (error: unknown): BatchOutcome => {
  if (error instanceof VerbatimError) return { ok: false, error };
  throw error;
};

/**
 * Ingests up to {@link MAX_BATCH_DOCUMENTS} uploads; the answer has one outcome per request, in
 * order. Two requests of the same text in one batch: the first is added, the second is its duplicate.
 *
 * @example
 * ```ts
 * const outcomes = await ingestBatch(archive, requests);
 * outcomes[0].ok && outcomes[0].result.duplicate; // false the first time
 * ```
 */
export async function ingestBatch(
  archive: Archive,
  requests: IngestRequest[],
  now = new Date(),
): Promise<BatchOutcome[]> {
  if (requests.length > MAX_BATCH_DOCUMENTS) {
    throw new VerbatimError(
      'bad_request',
      `A batch holds at most ${MAX_BATCH_DOCUMENTS} documents; this one has ${requests.length}. Split it.`,
    );
  }
  const prepared = await Promise.all(
    requests.map(async (request) => {
      if (request.file.bytes.byteLength > archive.limits.maxUploadBytes) {
        return new VerbatimError(
          'payload_too_large',
          `The upload is ${request.file.bytes.byteLength} bytes; the limit is ${archive.limits.maxUploadBytes}.`,
        );
      }
      return prepareOffThread(request, now).catch((error: unknown) =>
        error instanceof VerbatimError ? error : Promise.reject(error),
      );
    }),
  );
  // One ingest per distinct id; a repeat within the batch waits for the first and is its duplicate.
  const firstOf = new Map<string, number>();
  prepared.forEach((p, i) => {
    if (!(p instanceof VerbatimError) && !firstOf.has(p.metadata.id)) firstOf.set(p.metadata.id, i);
  });
  const leaders = [...firstOf.values()];
  const outcomes = new Map<number, BatchOutcome>();
  const claimed: Claimed[] = [];
  await forEachAtMost(leaders, BATCH_WRITE_CONCURRENCY, async (i) => {
    try {
      const written = await claimAndWrite(archive, i, prepared[i] as PreparedDocument, requests[i]);
      if ('duplicate' in written) outcomes.set(i, { ok: true, result: written });
      else claimed.push(written);
    } catch (error) {
      outcomes.set(i, refused(error));
    }
  });
  await logAndMarkReady(archive, claimed, outcomes);
  return prepared.map((p, i) => {
    if (p instanceof VerbatimError) return { ok: false, error: p };
    const leader = firstOf.get(p.metadata.id)!;
    const outcome = outcomes.get(leader)!;
    if (leader === i || !outcome.ok) return outcome;
    return { ok: true, result: { ...outcome.result, duplicate: true } };
  });
}

/** Steps 1–2 of the module comment for one document: the existing copy, or the claim to finish. */
async function claimAndWrite(
  archive: Archive,
  index: number,
  prepared: PreparedDocument,
  request: IngestRequest,
): Promise<Claimed | IngestResult> {
  const token = randomUUID();
  const { metadata, json } = prepared;
  const existing = await claimOrFind(archive, metadata, token);
  if (existing) return { ...existing, duplicate: true };
  try {
    // Both objects at once: they are independent, and nothing reads them before `ready`.
    await Promise.all([
      archive.blobs.put(originalKey(metadata.id), request.file.bytes, request.file.contentType),
      archive.blobs.put(documentKey(metadata.id), json, 'application/json'),
    ]);
  } catch (error) {
    await rollBack(archive, metadata.id, token).catch(() => undefined);
    throw error;
  }
  // Lost to a takeover (this ingest looked dead): the single path waits for the new owner's answer.
  if (!(await archive.catalog.renewClaim(metadata.id, token))) return ingestDocument(archive, request);
  return { index, prepared, request, token };
}

/** Steps 3–4: one log item for every claimed document, then each marked ready and linked. */
async function logAndMarkReady(
  archive: Archive,
  claimed: Claimed[],
  outcomes: Map<number, BatchOutcome>,
): Promise<void> {
  if (claimed.length === 0) return;
  try {
    // The log tells this process's index reader, and the catalog each ready: no noteWrite here.
    await archive.log.appendBatch(claimed.map((c) => ({ op: 'add' as const, id: c.prepared.metadata.id })));
  } catch (error) {
    await Promise.all(claimed.map((c) => rollBack(archive, c.prepared.metadata.id, c.token).catch(() => undefined)));
    throw error;
  }
  const ready: Claimed[] = [];
  await forEachAtMost(claimed, BATCH_WRITE_CONCURRENCY, async (c) => {
    try {
      const { result, handedOver } = await markReady(archive, c);
      outcomes.set(c.index, { ok: true, result });
      if (!handedOver) ready.push(c);
    } catch (error) {
      outcomes.set(c.index, refused(error));
    }
  });
  if (ready.length === 0) return;
  // One index refresh for the whole batch, once every document is ready: its documents are each
  // other's same-story candidates, and a refresh per document would re-read the log (and rebuild
  // the index's newest segments) a hundred times.
  const index = archive.linkOnIngest ? await archive.index.current().catch(() => undefined) : undefined;
  await forEachAtMost(ready, BATCH_WRITE_CONCURRENCY, (c) => rememberAndLink(archive, c.prepared, index));
}

/** Marks a document ready; `handedOver` when another ingest took its claim (that one links it). */
async function markReady(archive: Archive, claimed: Claimed): Promise<{ result: IngestResult; handedOver: boolean }> {
  const { metadata } = claimed.prepared;
  if (!(await archive.catalog.markReady(metadata.id, claimed.token)))
    return { result: await ingestDocument(archive, claimed.request), handedOver: true };
  return { result: { ...metadata, duplicate: false }, handedOver: false };
}

/** Runs `fn` over `items`, at most `limit` at a time (workers pulling the next item). */
async function forEachAtMost<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
