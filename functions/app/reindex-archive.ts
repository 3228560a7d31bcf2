/**
 * `reindex`: rebuilds the index from the store alone — every ready document's stored text — and
 * writes it as a new snapshot, retiring every shard of the old one. For when a snapshot is
 * damaged, or after a change to the index format or tokenizer. It files every document under its
 * copy-detection band keys again too, in the order the index took them (so each key keeps its
 * latest): that moves an archive filed under the older band layout (one item per key and slot) to
 * the current one, and restores what a batch killed between its documents and its band writes, or
 * a concurrent writer, left out.
 */
import { bandKeysOf } from '../core/copies/link-features.ts';
import type { DocumentMetadata } from '../core/document.ts';
import { VerbatimError } from '../core/errors.ts';
import {
  buildSegment,
  groupIntoShards,
  SHARD_DOCUMENTS,
  toIndexableDocument,
  type Segment,
} from '../core/search/index.ts';
import type { Archive } from './archive.ts';
import { writeSnapshot } from './write-snapshot.ts';

/** What a reindex wrote. */
export interface ReindexResult {
  documents: number;
  shards: number;
  version: number;
  through: number;
}

/** Documents read and indexed per step: bounds memory to one shard's worth of text. */
const BATCH_DOCUMENTS = 1_000;

/**
 * @example
 * ```ts
 * const { documents, version } = await reindexArchive(archive);
 * ```
 */
export async function reindexArchive(
  archive: Archive,
  options: { now?: Date; shardDocuments?: number } = {},
): Promise<ReindexResult> {
  const { now = new Date(), shardDocuments = SHARD_DOCUMENTS } = options;
  const previous = await archive.manifest.get();
  // The log position first, the documents second: anything logged after this is replayed from
  // the log by every reader, so nothing can fall between the listing and the snapshot.
  const log = await archive.log.read(0);
  let through = log.at(-1)?.seq ?? 0;
  const ready: DocumentMetadata[] = [];
  for await (const meta of archive.catalog.list()) ready.push(meta);
  // An ingest still pending was logged but is not in this snapshot: readers must replay it.
  const seqOf = new Map(log.map((e) => [e.id, e.seq]));
  for await (const pending of archive.catalog.listPending()) {
    const seq = seqOf.get(pending.metadata.id);
    if (seq !== undefined) through = Math.min(through, seq - 1);
  }
  // The order the index took documents in — their last log entry — as the compaction keeps
  // them: equal scores then rank as they did before.
  const position = new Map(log.map((e, n) => [e.id, n]));
  const at = (m: DocumentMetadata) => position.get(m.id) ?? Infinity;
  ready.sort((a, b) => at(a) - at(b) || a.ingestedAt.localeCompare(b.ingestedAt) || a.id.localeCompare(b.id));
  const built: Segment[] = [];
  for (let from = 0; from < ready.length; from += BATCH_DOCUMENTS) {
    const ids = ready.slice(from, from + BATCH_DOCUMENTS).map((m) => m.id);
    const documents = await archive.documents.getMany(ids);
    const missing = ids.filter((id) => !documents.has(id));
    if (missing.length > 0)
      throw new VerbatimError(
        'internal',
        `Documents ${missing.slice(0, 5).join(', ')} have metadata but no stored text; run verify.`,
      );
    built.push(buildSegment(ids.map((id) => toIndexableDocument(documents.get(id)!))));
    await archive.links?.fileMany(ids.map((id) => ({ id, keys: bandKeysOf(documents.get(id)!) })));
    for (const id of ids) archive.documents.forget(id);
  }
  const outcome = await writeSnapshot(archive, groupIntoShards(built, shardDocuments), {
    previous,
    through,
    now,
    keyOf: new Map(),
  });
  if (!outcome.written)
    throw new VerbatimError('conflict', 'Another index writer replaced the snapshot during the reindex; run it again.');
  return {
    documents: ready.length,
    shards: outcome.manifest.shards.length,
    version: outcome.manifest.version,
    through,
  };
}
