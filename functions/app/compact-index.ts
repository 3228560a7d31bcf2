/**
 * The indexer's job: fold the documents ingested since the last snapshot into its shards, so cold
 * starts replay only a short log. Which shards the snapshot has is planned by the engine
 * (`core/search/plan-shards.ts`: only the open shard and shards that lost a document change);
 * this module does the I/O around it: settling cut-off ingests, fetching postings, writing.
 *
 * It is the single writer by deployment (reserved concurrency 1) and, should two ever run, by the
 * manifest's compare-and-swap: the loser deletes its shards and changes nothing.
 */
import { isUpToDate, planShards, SHARD_DOCUMENTS } from '../core/search/index.ts';
import type { Archive } from './archive.ts';
import { settleStaleClaims, type SettleResult } from './settle-claims.ts';
import { sweepOrphanShards } from './sweep-orphan-shards.ts';
import { writeSnapshot, type SnapshotOutcome } from './write-snapshot.ts';

type CompactionOutcome = SnapshotOutcome;

export { RETIRED_SHARD_TTL_MS } from './write-snapshot.ts';

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
  // Only those the log names matter to the index; one that died before logging is invisible,
  // and its re-upload (or verify) deals with it.
  await archive.index.state();
  const settled = await settleStaleClaims(archive, { ids: archive.index.pendingIds() });
  const result = await compactOnce(archive, now, shardDocuments);
  const current = result.written ? result.manifest : await archive.manifest.get();
  const orphanShards = await sweepOrphanShards(archive.blobs, current, now, options.orphanAgeMs);
  return { ...result, settled, orphanShards };
}

async function compactOnce(archive: Archive, now: Date, shardDocuments: number): Promise<CompactionOutcome> {
  let state = await archive.index.state();
  // Build on the snapshot that is current now: if another writer replaced the one this process
  // loaded, its retired shards will go.
  if ((await archive.manifest.get())?.version !== state.manifest?.version) {
    archive.index.adopt(new Map());
    state = await archive.index.state();
  }
  const { index, manifest: previous, through } = state;
  // Checked before anything is fetched or encoded: most runs have nothing new.
  if (isUpToDate(index, previous, through)) return { written: false, reason: 'up-to-date' };
  // Merging and encoding need every posting, not just those queries have fetched so far.
  await index.loadAll();
  const { segments, keyOf } = planShards(index, shardDocuments);
  return writeSnapshot(archive, segments, { previous, through, now, keyOf });
}
