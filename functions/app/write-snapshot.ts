/**
 * Writes an index snapshot: the segments' shards (reusing those a `keyOf` names), then the new
 * manifest by compare-and-swap. The compaction and `reindex` both end here. A shard written by an
 * attempt that loses the race, or fails, is deleted; one a killed process left behind is swept
 * later (sweep-orphan-shards.ts).
 */
import { randomUUID } from 'node:crypto';
import type { IndexManifest, ShardInfo } from '../core/ports.ts';
import { encodeSegment, headLength, type Segment } from '../core/search/index.ts';
import { shardKey } from '../core/storage-keys.ts';
import type { Archive } from './archive.ts';

/** How long a retired shard is kept after the manifest stops listing it. */
export const RETIRED_SHARD_TTL_MS = 60 * 60 * 1000;

/** What writing a snapshot did. */
export type SnapshotOutcome =
  | { written: true; manifest: IndexManifest; shardsWritten: number; bytesWritten: number }
  | { written: false; reason: 'up-to-date' | 'lost-race' };

/**
 * @example
 * ```ts
 * const outcome = await writeSnapshot(archive, segments, { previous, through, now: new Date(), keyOf: new Map() });
 * ```
 */
export async function writeSnapshot(
  archive: Archive,
  segments: Segment[],
  context: { previous: IndexManifest | null; through: number; now: Date; keyOf: Map<Segment, string> },
): Promise<SnapshotOutcome> {
  const { previous, through, now, keyOf } = context;
  const version = (previous?.version ?? 0) + 1;
  const attempt = randomUUID();
  const written = new Map<string, Segment>();
  const shards: ShardInfo[] = [];
  let bytesWritten = 0;
  try {
    await Promise.all(
      segments.map(async (segment, n) => {
        const kept = keyOf.get(segment);
        if (kept) {
          shards[n] = previous?.shards?.find((s) => s.key === kept) ?? {
            key: kept,
            documentCount: segment.liveCount,
            bytes: 0,
          };
          return;
        }
        // Keys of their own per attempt: two racing writers must never overwrite each other's shards.
        const key = shardKey(version, attempt, n);
        const body = encodeSegment(segment);
        written.set(key, segment);
        await archive.blobs.put(key, body, 'application/octet-stream');
        bytesWritten += body.byteLength;
        shards[n] = { key, documentCount: segment.liveCount, bytes: body.byteLength, headBytes: headLength(body) };
      }),
    );
  } catch (error) {
    await Promise.allSettled([...written.keys()].map((key) => archive.blobs.delete(key)));
    throw error;
  }
  const keep = new Set(shards.map((s) => s.key));
  // Retired shards are deleted an hour after they were retired, not sooner: a process that loaded
  // an older snapshot reads them by byte range until it has all of their postings.
  const retired = [
    ...(previous?.retired ?? []),
    ...(previous?.shards ?? [])
      .filter((s) => !keep.has(s.key))
      .map((s) => ({ key: s.key, retiredAt: now.toISOString() })),
  ];
  const expired = retired.filter((r) => now.getTime() - Date.parse(r.retiredAt) >= RETIRED_SHARD_TTL_MS);
  const manifest: IndexManifest = {
    version,
    through,
    shards,
    retired: retired.filter((r) => !expired.includes(r)),
    documentCount: shards.reduce((n, s) => n + s.documentCount, 0),
    bytes: shards.reduce((n, s) => n + s.bytes, 0),
    writtenAt: now.toISOString(),
  };
  if (!(await archive.manifest.swap(manifest, previous?.version ?? 0))) {
    await Promise.allSettled([...written.keys()].map((key) => archive.blobs.delete(key)));
    return { written: false, reason: 'lost-race' };
  }
  // A failed delete leaves an object no manifest lists: wasted bytes, never a wrong answer.
  await Promise.allSettled(expired.map((r) => archive.blobs.delete(r.key)));
  archive.index.adopt(written);
  return { written: true, manifest, shardsWritten: written.size, bytesWritten };
}
