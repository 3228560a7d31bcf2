/**
 * Shard planning: which segments a new snapshot consists of. Full shards stay as they are unless
 * a document in them was deleted; the last (open) shard takes the new documents while it has
 * room, and the rest form new shards — so the bytes a compaction writes per new document do not
 * grow with the archive. Pure: fetching postings and writing shards are the caller's I/O.
 */
import type { IndexManifest } from '../ports.ts';
import { mergeSegments, splitSegment } from './build-segment.ts';
import type { Segment } from './segment.ts';

/**
 * Documents per shard. Small enough that rewriting the open shard stays cheap (a few MB) and that
 * shards load in parallel; large enough that a query visits few segments.
 */
export const SHARD_DOCUMENTS = 10_000;

/** A shard of a snapshot: its blob key and its segment. */
export interface Shard {
  key: string;
  segment: Segment;
}

/** An index as shard planning sees it: the snapshot's shards and the segments added since. */
export interface ShardedSegments {
  readonly shards: readonly Shard[];
  readonly recent: readonly Segment[];
}

/**
 * Merges consecutive segments into as few as possible of at most {@link SHARD_DOCUMENTS} live
 * documents each, splitting any larger one.
 *
 * @example
 * ```ts
 * groupIntoShards([a, b, c]); // [merge(a, b), c] when a and b fit in one shard together
 * ```
 */
export function groupIntoShards(segments: readonly Segment[], maxDocuments = SHARD_DOCUMENTS): Segment[] {
  const groups: Segment[][] = [];
  let size = Infinity;
  const pieces = segments.flatMap((segment) =>
    segment.liveCount > maxDocuments ? splitSegment(segment, maxDocuments) : [segment],
  );
  for (const segment of pieces) {
    if (size + segment.liveCount > maxDocuments) {
      groups.push([]);
      size = 0;
    }
    groups[groups.length - 1].push(segment);
    size += segment.liveCount;
  }
  return groups.map((group) => (group.length === 1 && !hasDead(group[0]) ? group[0] : mergeSegments(group)));
}

/** Whether a segment holds deleted documents (and so is worth rewriting). */
export function hasDead(segment: Segment): boolean {
  return segment.liveCount < segment.documents.length;
}

/**
 * Whether the snapshot `previous` already is this index up to log position `through`: nothing to
 * write. Checked before any posting is fetched: most compactions have nothing new. A reader that
 * had to rebuild from the log (an unreadable snapshot) holds fewer shards than the manifest lists.
 *
 * @example
 * ```ts
 * if (isUpToDate(index, manifest, through)) return { written: false, reason: 'up-to-date' };
 * ```
 */
export function isUpToDate(index: ShardedSegments, previous: IndexManifest | null, through: number): boolean {
  return Boolean(
    previous?.shards &&
    previous.shards.length === index.shards.length &&
    through <= previous.through &&
    index.recent.length === 0 &&
    !index.shards.some((s) => hasDead(s.segment)),
  );
}

/**
 * The segments of the next snapshot, oldest first, and the key of each one kept unchanged (so
 * it is not written again). Every segment must be complete: merging needs all the postings.
 *
 * @example
 * ```ts
 * await index.loadAll();
 * const { segments, keyOf } = planShards(index); // write segments not in keyOf
 * ```
 */
export function planShards(
  index: ShardedSegments,
  shardDocuments = SHARD_DOCUMENTS,
): { segments: Segment[]; keyOf: Map<Segment, string> } {
  const sealed = index.shards
    .slice(0, -1)
    .flatMap((s) => (hasDead(s.segment) ? groupIntoShards([s.segment], shardDocuments) : [s.segment]));
  const open = index.shards.at(-1)?.segment;
  const segments = [...sealed, ...groupIntoShards([...(open ? [open] : []), ...index.recent], shardDocuments)].filter(
    (s) => s.liveCount > 0,
  );
  return { segments, keyOf: new Map(index.shards.map((s) => [s.segment, s.key])) };
}
