/**
 * Settling cut-off ingests. An ingest that dies leaves its claim `pending`: invisible to readers,
 * but holding the id. Whoever next touches the id settles it — a re-upload takes the claim over
 * and redoes the writes; the indexer's sweep ({@link settleStaleClaims}) takes over the claims
 * nobody re-uploads and either finishes them (both objects are there and match the metadata) or
 * rolls them back. Every step is fenced on the claim's token, so a slow owner that was taken for
 * dead can no longer mark ready or delete what its successor wrote.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { ArchivedDocument, OriginalInPack } from '../core/document.ts';
import type { PendingClaim } from '../core/ports.ts';
import { documentKey, originalKey } from '../core/storage-keys.ts';
import type { Archive } from './archive.ts';
import { readDocumentJson } from './document-json.ts';
import { discardOriginal, readOriginalBytes } from './original-bytes.ts';

/**
 * A live ingest renews its claim after writing its objects; a claim not renewed for this long is
 * taken for dead. Its writes take well under a second, so this is slack for slow storage, and a
 * re-upload after a crash waits at most this long instead of failing.
 */
export const CLAIM_LEASE_MS = 3_000;

/** What a sweep did with the stale claims it found. */
export interface SettleResult {
  finished: string[];
  rolledBack: string[];
}

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/**
 * Undoes a claimed ingest: deletes its objects and then the claim, provided `token` still holds it
 * (checked by renewing it first, so a successor's objects are never deleted). A packed original
 * (`original`, the bulk path's) is shared with its batch: its pack goes after the claim, and only
 * if no other document uses it (`original-bytes.ts`).
 *
 * @example
 * ```ts
 * await rollBack(archive, document.id, token);
 * ```
 */
export async function rollBack(
  archive: Archive,
  id: string,
  token: string,
  original?: OriginalInPack,
): Promise<boolean> {
  if (!(await archive.catalog.renewClaim(id, token))) return false;
  await Promise.all([archive.blobs.delete(documentKey(id)), original ? null : archive.blobs.delete(originalKey(id))]);
  const released = await archive.catalog.release(id, token);
  if (released && original) await discardOriginal(archive, { id, original });
  return released;
}

/** Whether a cut-off ingest's objects are all there and are what its metadata says. */
async function objectsComplete(archive: Archive, pending: PendingClaim): Promise<boolean> {
  const { metadata } = pending;
  const [original, stored] = await Promise.all([
    readOriginalBytes(archive, metadata),
    readDocumentJson(archive.blobs, metadata),
  ]);
  if (!original || !stored || sha256(original) !== metadata.originalSha256) return false;
  try {
    const document = JSON.parse(new TextDecoder().decode(stored)) as ArchivedDocument;
    return document.id === metadata.id && sha256(document.text) === metadata.sha256;
  } catch {
    return false;
  }
}

/** The pending claims on `ids`, or every pending claim (a table scan) when no ids are given. */
async function* claimsOf(archive: Archive, ids?: string[]): AsyncIterable<PendingClaim> {
  if (!ids) return yield* archive.catalog.listPending();
  for (const id of ids) {
    const claim = await archive.catalog.getClaim(id);
    if (claim) yield claim;
  }
}

/**
 * Takes over pending claims whose lease ran out and finishes or rolls back their ingests: those
 * on `ids` (the compaction passes the logged ids its index found pending, which costs a read
 * each), or all of them (a scan of the table).
 *
 * @example
 * ```ts
 * const { finished, rolledBack } = await settleStaleClaims(archive, { ids: archive.index.pendingIds() });
 * ```
 */
export async function settleStaleClaims(
  archive: Archive,
  options: { now?: number; leaseMs?: number; ids?: string[] } = {},
): Promise<SettleResult> {
  const { now = Date.now(), leaseMs = CLAIM_LEASE_MS } = options;
  const result: SettleResult = { finished: [], rolledBack: [] };
  for await (const pending of claimsOf(archive, options.ids)) {
    if (now - pending.claimedAt < leaseMs) continue;
    const token = randomUUID();
    const claim = await archive.catalog.claim(pending.metadata, { token, leaseMs });
    if (!claim.claimed) continue;
    if (await objectsComplete(archive, pending)) {
      await archive.log.append({ op: 'add', id: pending.metadata.id });
      if (await archive.catalog.markReady(pending.metadata.id, token)) result.finished.push(pending.metadata.id);
    } else if (await rollBack(archive, pending.metadata.id, token, pending.metadata.original)) {
      result.rolledBack.push(pending.metadata.id);
    }
  }
  return result;
}
