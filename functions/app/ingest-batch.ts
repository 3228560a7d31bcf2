/**
 * Bulk ingest: a batch of uploads through the same claim protocol as {@link ingestDocument}, with
 * the round trips of the whole batch overlapped or shared. Per document the order of writes is
 * the single ingest's (claim; original and JSON; log; ready), so each document of a killed batch
 * is whole or absent exactly as a single ingest is, and a rerun completes it:
 *
 * 1. every upload is prepared in the worker pool at once (all cores busy), small plain text too:
 *    the single upload's in-thread rule (`prepare-off-thread.ts`) put most of a batch's parsing
 *    on the import's own thread, the busiest one, while the workers idled;
 * 2. each distinct id is claimed, all documents concurrently (claims are conditional puts, which
 *    `BatchWriteItem` cannot carry); then the batch's originals and their documents' JSON are
 *    written as one object, a pack (`core/original-pack.ts`), whose byte ranges the claims
 *    already name, so each record says where its bytes are before anything is written. One PUT
 *    for the batch instead of one per JSON: that PUT, on the embedded S3 server, was the bulk
 *    path's floor (README: Figures);
 * 3. one log item lists every document of the batch (one round trip instead of one per document);
 *    a claim older than {@link RENEW_AFTER_MS} is renewed first, so that every logged claim has
 *    most of its lease left and no sweep takes it for dead;
 * 4. the batch is marked ready (`markReadyMany`: 25 to a BatchWriteItem while each claim has half
 *    its lease left, the others one fenced write each); then it is linked to its copies and
 *    stories at once (`link-batch.ts`).
 *
 * The single ingest renews every claim after its objects; here a young claim skips it. That is
 * safe because renewing only shows life: the writes that matter (ready, rollback) are each fenced
 * on the claim token, so an ingest whose claim was taken over can still never mark it ready.
 *
 * An item that fails is answered with its own error; the others go on.
 */
import { randomUUID } from 'node:crypto';

import { VerbatimError } from '../core/errors.ts';
import type { CatalogedMetadata } from '../core/ports.ts';
import { buildPack } from '../core/original-pack.ts';
import { packKey } from '../core/storage-keys.ts';
import type { Archive } from './archive.ts';
import { claimOrFind, ingestDocument, type IngestRequest, type IngestResult } from './ingest-document.ts';
import { forEachAtMost } from '../core/for-each-at-most.ts';
import { rememberAndLinkBatch } from './link-batch.ts';
import { prepareOffThread } from './prepare-off-thread.ts';
import { preparePool } from './prepare-worker-pool.ts';
import type { PreparedDocument } from './prepare-task.ts';
import { CLAIM_LEASE_MS, rollBack } from './settle-claims.ts';
import { MAX_BATCH_DOCUMENTS } from './upload-limits.ts';

/**
 * Documents of one batch in storage at once. Each has one request in flight (its claim; its JSON
 * goes in the pack), so with two batches in flight that stays under the SDK's 50 sockets per
 * client, which otherwise queues the rest anyway and warns on every batch. 24 rather than the 12
 * of two requests a document: a batch's claims land sooner (README: Figures).
 */
export const BATCH_WRITE_CONCURRENCY = 24;

/**
 * A claim older than this when the batch is logged is renewed first (one conditional write each):
 * a logged pending claim then has at least two thirds of its lease left to be marked ready in.
 */
export const RENEW_AFTER_MS = CLAIM_LEASE_MS / 3;

/** One item's outcome: the stored (or existing) document, or why it was refused. */
export type BatchOutcome = { ok: true; result: IngestResult } | { ok: false; error: VerbatimError };

/** What a pack is stored as: it is only ever read by byte range, never served whole. */
const PACK_CONTENT_TYPE = 'application/octet-stream';

/** A claimed document on its way through the stages. */
interface Claimed {
  index: number;
  prepared: PreparedDocument;
  /** The metadata it was claimed with: the prepared one and where its original is in the pack. */
  metadata: CatalogedMetadata;
  request: IngestRequest;
  token: string;
  /** When the claim was last written, by this process's clock (taken before the write was sent). */
  claimedAt: number;
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
      return prepareOffThread(request, now, preparePool(), 'pool').catch((error: unknown) =>
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
  // Every leader gets its place in the pack before it is claimed; a duplicate's bytes are written
  // too (the layout is fixed by then) but no record points at them.
  const pack = buildPack(
    leaders.map((i) => {
      const { metadata, json } = prepared[i] as PreparedDocument;
      return { id: metadata.id, bytes: requests[i].file.bytes, json };
    }),
  );
  const key = packKey(randomUUID());
  await forEachAtMost(leaders, BATCH_WRITE_CONCURRENCY, async (i, n) => {
    const document = prepared[i] as PreparedDocument;
    const metadata: CatalogedMetadata = {
      ...document.metadata,
      original: { pack: key, start: pack.starts[n] },
      json: { pack: key, start: pack.jsonStarts[n], size: document.json.byteLength },
    };
    try {
      const written = await claimOne(archive, i, document, metadata, requests[i]);
      if ('duplicate' in written) outcomes.set(i, { ok: true, result: written });
      else claimed.push(written);
    } catch (error) {
      outcomes.set(i, refused(error));
    }
  });
  if (claimed.length > 0) await writePack(archive, key, pack.body, claimed);
  await logAndMarkReady(archive, claimed, outcomes);
  return prepared.map((p, i) => {
    if (p instanceof VerbatimError) return { ok: false, error: p };
    const leader = firstOf.get(p.metadata.id)!;
    const outcome = outcomes.get(leader)!;
    if (leader === i || !outcome.ok) return outcome;
    return { ok: true, result: { ...outcome.result, duplicate: true } };
  });
}

/** Step 2 of the module comment for one document: the existing copy, or the claim to finish. */
async function claimOne(
  archive: Archive,
  index: number,
  prepared: PreparedDocument,
  metadata: CatalogedMetadata,
  request: IngestRequest,
): Promise<Claimed | IngestResult> {
  const token = randomUUID();
  // Taken before the claim is sent, so the claim's age is never underestimated.
  const claimedAt = Date.now();
  const existing = await claimOrFind(archive, metadata, token);
  if (existing) return { ...existing, duplicate: true };
  return { index, prepared, metadata, request, token, claimedAt };
}

/** The end of step 2: the batch's originals and JSON in one PUT; if it fails, every claim is rolled back. */
async function writePack(archive: Archive, key: string, body: Uint8Array, claimed: Claimed[]): Promise<void> {
  try {
    await archive.blobs.put(key, body, PACK_CONTENT_TYPE);
  } catch (error) {
    await Promise.all(
      claimed.map((c) => rollBack(archive, c.metadata.id, c.token, c.metadata.original).catch(() => undefined)),
    );
    throw error;
  }
}

/** Steps 3–4: renew the old claims, one log item for every claimed document, then each ready and the batch linked. */
async function logAndMarkReady(
  archive: Archive,
  claimed: Claimed[],
  outcomes: Map<number, BatchOutcome>,
): Promise<void> {
  const live: Claimed[] = [];
  const renewBefore = Date.now() - RENEW_AFTER_MS;
  await forEachAtMost(claimed, BATCH_WRITE_CONCURRENCY, async (c) => {
    if (c.claimedAt >= renewBefore) return void live.push(c);
    const renewedAt = Date.now();
    try {
      // Lost to a takeover (this ingest looked dead): the single path waits for the new owner's answer.
      if (await archive.catalog.renewClaim(c.metadata.id, c.token)) live.push({ ...c, claimedAt: renewedAt });
      else outcomes.set(c.index, { ok: true, result: await ingestDocument(archive, c.request) });
    } catch (error) {
      outcomes.set(c.index, refused(error));
    }
  });
  if (live.length === 0) return;
  try {
    // The log tells this process's index reader, and the catalog each ready: no noteWrite here.
    await archive.log.appendBatch(live.map((c) => ({ op: 'add' as const, id: c.metadata.id })));
  } catch (error) {
    await Promise.all(
      live.map((c) => rollBack(archive, c.metadata.id, c.token, c.metadata.original).catch(() => undefined)),
    );
    throw error;
  }
  const readied = await archive.catalog.markReadyMany(
    live.map((c) => ({ metadata: c.metadata, token: c.token, claimedAt: c.claimedAt })),
    CLAIM_LEASE_MS,
  );
  const ready = live.filter((c) => readied.has(c.prepared.metadata.id));
  for (const c of ready) outcomes.set(c.index, { ok: true, result: { ...c.prepared.metadata, duplicate: false } });
  // Lost to a takeover: the single path waits for the new owner's answer.
  await forEachAtMost(
    live.filter((c) => !readied.has(c.prepared.metadata.id)),
    BATCH_WRITE_CONCURRENCY,
    async (c) => {
      try {
        outcomes.set(c.index, { ok: true, result: await ingestDocument(archive, c.request) });
      } catch (error) {
        outcomes.set(c.index, refused(error));
      }
    },
  );
  await rememberAndLinkBatch(
    archive,
    ready.sort((a, b) => a.index - b.index).map((c) => c.prepared),
  );
}
