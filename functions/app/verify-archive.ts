/**
 * `verify`: proves the archive whole, or says what is not. For every document it checks that the
 * metadata, both stored objects, the SHA-256 of the bytes and of the text, the index entry and the
 * ingest log agree; then it looks the other way, for what no document accounts for: index
 * entries with no readable document (ghosts), objects with no metadata, cut-off ingests nobody
 * settled, and shards no manifest lists.
 */
import { createHash } from 'node:crypto';
import type { ArchivedDocument } from '../core/document.ts';
import type { CatalogedMetadata } from '../core/ports.ts';
import { PACK_PREFIX } from '../core/storage-keys.ts';
import type { Archive } from './archive.ts';
import { readDocumentJson } from './document-json.ts';
import { readOriginalBytes } from './original-bytes.ts';
import { CLAIM_LEASE_MS } from './settle-claims.ts';
import { findOrphanShards } from './sweep-orphan-shards.ts';

/** One thing found wrong: which document or object, and what. */
export interface Problem {
  id?: string;
  key?: string;
  problem: string;
}

/** What `verify` found. `problems` is empty exactly when the archive is whole. */
export interface VerifyReport {
  documents: number;
  indexed: number;
  logEntries: number;
  /** Ingests still within their lease: in progress, not wrong. */
  inProgress: number;
  problems: Problem[];
}

/**
 * A pack no record uses, younger than this, may be a batch's still being claimed or written (its
 * claims come first, but a listing is not a snapshot); older, it is what a crash left behind.
 */
export const UNUSED_PACK_AGE_MS = 10 * 60 * 1000;

/** Documents checked at once: each check reads both objects. */
const PARALLEL_CHECKS = 16;

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/** What is wrong with one ready document, given the index's live ids and the log's last ops. */
async function checkDocument(
  archive: Archive,
  meta: CatalogedMetadata,
  indexed: Set<string>,
  lastOp: Map<string, string>,
): Promise<string[]> {
  const wrong: string[] = [];
  const [original, stored] = await Promise.all([
    readOriginalBytes(archive, meta),
    readDocumentJson(archive.blobs, meta),
  ]);
  if (!original) wrong.push(meta.original ? 'the original is missing from its pack' : 'the original is missing');
  else if (sha256(original) !== meta.originalSha256) wrong.push('the original does not match its SHA-256');
  else if (original.byteLength !== meta.size)
    wrong.push(`the original is ${original.byteLength} bytes, the metadata says ${meta.size}`);
  if (!stored)
    wrong.push(meta.json ? 'the normalised document is missing from its pack' : 'the normalised document is missing');
  else {
    let document: ArchivedDocument | null = null;
    try {
      document = JSON.parse(new TextDecoder().decode(stored)) as ArchivedDocument;
    } catch {
      wrong.push('the normalised document is not valid JSON');
    }
    if (document && (document.id !== meta.id || sha256(document.text) !== meta.sha256))
      wrong.push('the normalised text does not match its SHA-256');
  }
  if (meta.sha256.slice(0, 16) !== meta.id) wrong.push('the id is not the start of the text’s SHA-256');
  if (!indexed.has(meta.id)) wrong.push('the index does not have it');
  if (lastOp.get(meta.id) !== 'add')
    wrong.push(
      lastOp.has(meta.id) ? 'the ingest log’s last entry for it is a delete' : 'the ingest log has no entry for it',
    );
  return wrong;
}

/**
 * @example
 * ```ts
 * const report = await verifyArchive(archive);
 * if (report.problems.length > 0) process.exitCode = 1;
 * ```
 */
export async function verifyArchive(archive: Archive, now = new Date()): Promise<VerifyReport> {
  const problems: Problem[] = [];
  const log = await archive.log.read(0);
  const lastOp = new Map(log.map((entry) => [entry.id, entry.op]));
  const { index } = await archive.index.freshState();
  await index.loadDocuments();
  const manifest = await archive.manifest.get();
  const indexed = new Set(
    index.segments.flatMap((segment) => segment.documents.filter((_, n) => !segment.isDead(n)).map((d) => d.id)),
  );

  const ready: CatalogedMetadata[] = [];
  for await (const meta of archive.catalog.list()) ready.push(meta);
  let next = 0;
  const worker = async () => {
    while (next < ready.length) {
      const meta = ready[next++];
      for (const problem of await checkDocument(archive, meta, indexed, lastOp))
        problems.push({ id: meta.id, problem });
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_CHECKS }, worker));

  const known = new Set(ready.map((m) => m.id));
  const packs = new Set(ready.flatMap((m) => (m.original ? [m.original.pack] : [])));
  let inProgress = 0;
  for await (const pending of archive.catalog.listPending()) {
    known.add(pending.metadata.id);
    if (pending.metadata.original) packs.add(pending.metadata.original.pack);
    if (now.getTime() - pending.claimedAt < CLAIM_LEASE_MS) inProgress++;
    else
      problems.push({
        id: pending.metadata.id,
        problem: `a cut-off ingest, pending since ${new Date(pending.claimedAt).toISOString()} (a re-upload of the same text, the indexer's sweep or verify --settle settles it)`,
      });
  }
  for (const id of indexed)
    if (!known.has(id)) problems.push({ id, problem: 'a ghost: the index has it but there is no readable document' });
  for (const [prefix, idOf] of [
    ['originals/', (key: string) => key.slice('originals/'.length)],
    ['documents/', (key: string) => key.slice('documents/'.length, -'.json'.length)],
  ] as const) {
    for await (const object of archive.blobs.list(prefix)) {
      if (object.key.startsWith(PACK_PREFIX)) {
        if (!packs.has(object.key) && now.getTime() - object.lastModified.getTime() >= UNUSED_PACK_AGE_MS)
          problems.push({ key: object.key, problem: 'a pack of originals no document’s metadata uses' });
      } else if (!known.has(idOf(object.key)))
        problems.push({ key: object.key, problem: 'an object no document’s metadata accounts for' });
    }
  }
  for (const key of await findOrphanShards(archive.blobs, manifest, now))
    problems.push({ key, problem: 'a shard no manifest lists' });
  return { documents: ready.length, indexed: indexed.size, logEntries: log.length, inProgress, problems };
}

/**
 * Deletes the packs `verify` finds no record using (older than {@link UNUSED_PACK_AGE_MS}: what a
 * crash between a batch's pack and its claims' settling left behind) and returns their keys.
 * `verify --settle` runs it after settling the cut-off ingests, whose rollbacks free such packs.
 *
 * @example
 * ```ts
 * const deleted = await sweepUnusedPacks(archive);
 * ```
 */
export async function sweepUnusedPacks(archive: Archive, now = new Date()): Promise<string[]> {
  const { problems } = await verifyArchive(archive, now);
  const unused = problems.flatMap((p) => (p.key?.startsWith(PACK_PREFIX) ? [p.key] : []));
  await Promise.all(unused.map((key) => archive.blobs.delete(key)));
  return unused;
}
