/**
 * The indexer's job: fold the documents ingested since the last snapshot into its shards, so cold
 * starts replay only a short log. Only shards that changed are written — the open (last, not yet
 * full) shard with the new documents, and any shard that lost a deleted document — so the bytes
 * written per new document do not grow with the archive.
 *
 * It is the single writer by deployment (reserved concurrency 1) and, should two ever run, by the
 * manifest's compare-and-swap: the loser deletes its shards and changes nothing.
 */
import { randomUUID } from 'node:crypto';
import type { IndexManifest, ShardInfo } from '../core/ports.ts';
import { groupIntoShards, hasDead, SHARD_DOCUMENTS } from '../core/search-index.ts';
import { encodeSegment, headLength } from '../core/search/segment-codec.ts';
import type { Segment } from '../core/search/segment.ts';
import { shardKey } from '../core/storage-keys.ts';
import type { Archive } from './archive.ts';

/** What a compaction did. */
export type CompactionResult =
  | { written: true; manifest: IndexManifest; shardsWritten: number; bytesWritten: number }
  | { written: false; reason: 'up-to-date' | 'lost-race' };

/**
 * @example
 * ```ts
 * const result = await compactIndex(archive); // { written: true, manifest: { version: 4, through: 812, shards: […] }, … }
 * ```
 */
export async function compactIndex(
  archive: Archive,
  options: { now?: Date; shardDocuments?: number } = {},
): Promise<CompactionResult> {
  const { now = new Date(), shardDocuments = SHARD_DOCUMENTS } = options;
  let index = await archive.index.current();
  // Build on the snapshot that is current now: if another writer replaced the one this process
  // loaded, its retired shards may already be gone.
  if ((await archive.metadata.getManifest())?.version !== archive.index.loadedManifest?.version) {
    archive.index.adopt(new Map());
    index = await archive.index.current();
  }
  // Merging and encoding need every posting, not just those queries have fetched so far.
  await index.loadAll();
  const previous = archive.index.loadedManifest;
  const through = archive.index.position;
  // Checked before encoding: that is the expensive part, and most runs have nothing new.
  const unchanged = previous?.shards && through <= previous.through && !index.shards.some((s) => hasDead(s.segment));
  if (unchanged) return { written: false, reason: 'up-to-date' };
  const version = (previous?.version ?? 0) + 1;
  const attempt = randomUUID();

  // Full shards stay as they are unless a document in them was deleted; the last one takes the
  // new documents while it has room, and the rest form new shards.
  const sealed = index.shards.slice(0, -1).map((s) => (hasDead(s.segment) ? groupIntoShards([s.segment], shardDocuments)[0] : s.segment));
  const open = index.shards.at(-1)?.segment;
  const segments = [...sealed, ...groupIntoShards([...(open ? [open] : []), ...index.recent], shardDocuments)].filter((s) => s && s.liveCount > 0);

  const keyOf = new Map(index.shards.map((s) => [s.segment, s.key]));
  const written = new Map<string, Segment>();
  const shards: ShardInfo[] = [];
  let bytesWritten = 0;
  await Promise.all(
    segments.map(async (segment, n) => {
      const kept = keyOf.get(segment);
      if (kept) {
        const info = previous?.shards?.find((s) => s.key === kept);
        shards[n] = { key: kept, documentCount: segment.liveCount, bytes: info?.bytes ?? 0, ...(info?.headBytes ? { headBytes: info.headBytes } : {}) };
        return;
      }
      // Keys of their own per attempt: two racing writers must never overwrite each other's shards.
      const key = shardKey(version, attempt, n);
      const body = encodeSegment(segment);
      await archive.blobs.put(key, body, 'application/octet-stream');
      written.set(key, segment);
      bytesWritten += body.byteLength;
      shards[n] = { key, documentCount: segment.liveCount, bytes: body.byteLength, headBytes: headLength(body) };
    }),
  );
  const keep = new Set(shards.map((s) => s.key));
  const manifest: IndexManifest = {
    version,
    through,
    shards,
    retiredKeys: (previous?.shards ?? []).map((s) => s.key).filter((key) => !keep.has(key)),
    documentCount: shards.reduce((n, s) => n + s.documentCount, 0),
    bytes: shards.reduce((n, s) => n + s.bytes, 0),
    writtenAt: now.toISOString(),
  };
  if (!(await archive.metadata.swapManifest(manifest, previous?.version ?? 0))) {
    await Promise.all([...written.keys()].map((key) => archive.blobs.delete(key)));
    return { written: false, reason: 'lost-race' };
  }
  // Shards retired one version ago can go: nobody loads a snapshot two versions old.
  await Promise.all((previous?.retiredKeys ?? []).map((key) => archive.blobs.delete(key)));
  archive.index.adopt(written);
  return { written: true, manifest, shardsWritten: written.size, bytesWritten };
}
