/**
 * The indexer's job: write the live index as a new snapshot so cold starts replay only a short log.
 * It is the single writer by deployment (reserved concurrency 1) and, should two ever run, by the
 * manifest's compare-and-swap: the loser deletes its snapshot and changes nothing.
 */
import { randomUUID } from 'node:crypto';
import type { IndexManifest } from '../core/ports.ts';
import { snapshotKey } from '../core/storage-keys.ts';
import type { Archive } from './archive.ts';

/** What a compaction did. */
export type CompactionResult =
  | { written: true; manifest: IndexManifest }
  | { written: false; reason: 'up-to-date' | 'lost-race' };

/**
 * @example
 * ```ts
 * const result = await compactIndex(archive); // { written: true, manifest: { version: 4, through: 812, … } }
 * ```
 */
export async function compactIndex(archive: Archive, now = new Date()): Promise<CompactionResult> {
  const previous = await archive.metadata.getManifest();
  const index = await archive.index.current();
  const through = archive.index.position;
  // Checked before serialising: that is the expensive part, and most runs have nothing new.
  if (previous && through <= previous.through) return { written: false, reason: 'up-to-date' };
  const version = (previous?.version ?? 0) + 1;
  // A key of its own per attempt: two racing writers must never overwrite each other's snapshot.
  const key = snapshotKey(version, randomUUID());
  const body = new TextEncoder().encode(JSON.stringify(index));
  await archive.blobs.put(key, body, 'application/json');
  const manifest: IndexManifest = {
    version,
    through,
    snapshotKey: key,
    previousSnapshotKey: previous?.snapshotKey ?? null,
    documentCount: index.documentCount,
    bytes: body.byteLength,
    writtenAt: now.toISOString(),
  };
  if (!(await archive.metadata.swapManifest(manifest, previous?.version ?? 0))) {
    await archive.blobs.delete(key);
    return { written: false, reason: 'lost-race' };
  }
  // The snapshot before the previous one can go: a cold start that read the previous manifest a
  // moment ago may still be loading the previous snapshot, but nobody loads one two versions old.
  if (previous?.previousSnapshotKey) await archive.blobs.delete(previous.previousSnapshotKey);
  return { written: true, manifest };
}
