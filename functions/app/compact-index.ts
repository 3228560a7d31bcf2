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
import { settleStaleClaims, type SettleResult } from './settle-claims.ts';
import { sweepOrphanShards } from './sweep-orphan-shards.ts';

type CompactionOutcome = { written: true; manifest: IndexManifest; shardsWritten: number; bytesWritten: number } | { written: false; reason: 'up-to-date' | 'lost-race' };

/** How long a retired shard is kept after the manifest stops listing it. */
export const RETIRED_SHARD_TTL_MS = 60 * 60 * 1000;

/** What the sweeps that run with every compaction cleaned up. */
export interface SweepResult {
  /** Cut-off ingests finished or rolled back (see settle-claims.ts). */
  settled: SettleResult;
  /** Orphaned shard objects deleted. */
  orphanShards: string[];
}

/** What a compaction did. */
export type CompactionResult = SweepResult & CompactionOutcome;

/**
 * @example
 * ```ts
 * const result = await compactIndex(archive); // { written: true, manifest: { version: 4, through: 812, shards: […] }, … }
 * ```
 */
export async function compactIndex(
  archive: Archive,
  options: { now?: Date; shardDocuments?: number; orphanAgeMs?: number } = {},
): Promise<CompactionResult> {
  const { now = new Date(), shardDocuments = SHARD_DOCUMENTS } = options;
  // Cut-off ingests first: a pending claim holds the snapshot's log position back until settled.
  const settled = await settleStaleClaims(archive);
  const result = await compactOnce(archive, now, shardDocuments);
  const current = result.written ? result.manifest : await archive.metadata.getManifest();
  const orphanShards = await sweepOrphanShards(archive.blobs, current, now, options.orphanAgeMs);
  return { ...result, settled, orphanShards };
}

async function compactOnce(archive: Archive, now: Date, shardDocuments: number): Promise<CompactionOutcome> {
  let state = await archive.index.state();
  // Build on the snapshot that is current now: if another writer replaced the one this process
  // loaded, its retired shards will go.
  if ((await archive.metadata.getManifest())?.version !== state.manifest?.version) {
    archive.index.adopt(new Map());
    state = await archive.index.state();
  }
  const { index, manifest: previous, through } = state;
  // Checked before anything is fetched or encoded: most runs have nothing new. A reader that had
  // to rebuild from the log (an unreadable snapshot) holds fewer shards than the manifest lists.
  const unchanged =
    previous?.shards &&
    previous.shards.length === index.shards.length &&
    through <= previous.through &&
    index.recent.length === 0 &&
    !index.shards.some((s) => hasDead(s.segment));
  if (unchanged) return { written: false, reason: 'up-to-date' };
  // Merging and encoding need every posting, not just those queries have fetched so far.
  await index.loadAll();
  const version = (previous?.version ?? 0) + 1;
  const attempt = randomUUID();

  // Full shards stay as they are unless a document in them was deleted; the last one takes the
  // new documents while it has room, and the rest form new shards.
  const sealed = index.shards.slice(0, -1).flatMap((s) => (hasDead(s.segment) ? groupIntoShards([s.segment], shardDocuments) : [s.segment]));
  const open = index.shards.at(-1)?.segment;
  const segments = [...sealed, ...groupIntoShards([...(open ? [open] : []), ...index.recent], shardDocuments)].filter((s) => s.liveCount > 0);

  const keyOf = new Map(index.shards.map((s) => [s.segment, s.key]));
  const written = new Map<string, Segment>();
  const shards: ShardInfo[] = [];
  let bytesWritten = 0;
  try {
    await Promise.all(
      segments.map(async (segment, n) => {
        const kept = keyOf.get(segment);
        if (kept) {
          shards[n] = previous?.shards?.find((s) => s.key === kept) ?? { key: kept, documentCount: segment.liveCount, bytes: 0 };
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
    ...(previous?.shards ?? []).filter((s) => !keep.has(s.key)).map((s) => ({ key: s.key, retiredAt: now.toISOString() })),
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
  if (!(await archive.metadata.swapManifest(manifest, previous?.version ?? 0))) {
    await Promise.allSettled([...written.keys()].map((key) => archive.blobs.delete(key)));
    return { written: false, reason: 'lost-race' };
  }
  // A failed delete leaves an object no manifest lists: wasted bytes, never a wrong answer.
  await Promise.allSettled(expired.map((r) => archive.blobs.delete(r.key)));
  archive.index.adopt(written);
  return { written: true, manifest, shardsWritten: written.size, bytesWritten };
}
