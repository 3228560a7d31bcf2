/**
 * Orphaned shards: objects under `index/` that no manifest lists — written by a compaction that
 * was killed (or failed) before it swapped the manifest in, or whose clean-up delete failed. They
 * never affect an answer, only the bill; the indexer deletes them once they are old enough that
 * no compaction still in progress can be about to list them.
 */
import type { BlobStore, IndexManifest } from '../core/ports.ts';
import { SHARD_PREFIX } from '../core/storage-keys.ts';

/**
 * An unlisted shard younger than this may belong to a compaction still running (a Lambda runs at
 * most 15 minutes); older, it is an orphan.
 */
export const ORPHAN_SHARD_AGE_MS = 60 * 60 * 1000;

/**
 * Shard objects the manifest neither lists nor keeps as retired, older than `minAgeMs`.
 *
 * @example
 * ```ts
 * const orphans = await findOrphanShards(blobs, manifest, new Date());
 * ```
 */
export async function findOrphanShards(
  blobs: BlobStore,
  manifest: IndexManifest | null,
  now: Date,
  minAgeMs = ORPHAN_SHARD_AGE_MS,
): Promise<string[]> {
  const listed = new Set([
    ...(manifest?.shards ?? []).map((s) => s.key),
    ...(manifest?.retired ?? []).map((r) => r.key),
  ]);
  const orphans: string[] = [];
  for await (const object of blobs.list(SHARD_PREFIX)) {
    if (!listed.has(object.key) && now.getTime() - object.lastModified.getTime() >= minAgeMs) orphans.push(object.key);
  }
  return orphans;
}

/**
 * Deletes the orphaned shards and returns their keys.
 *
 * @example
 * ```ts
 * const deleted = await sweepOrphanShards(blobs, manifest, new Date());
 * ```
 */
export async function sweepOrphanShards(
  blobs: BlobStore,
  manifest: IndexManifest | null,
  now: Date,
  minAgeMs = ORPHAN_SHARD_AGE_MS,
): Promise<string[]> {
  const orphans = await findOrphanShards(blobs, manifest, now, minAgeMs);
  await Promise.all(orphans.map((key) => blobs.delete(key)));
  return orphans;
}
