/**
 * Same-story links from a cold process: one opened over a compacted snapshot, whose shards are
 * only partly loaded (a write-only process never loads the rest). Weighing words by the archive's
 * idf reads their document frequencies, which must first fetch the term blocks they lie in.
 */
import { describe, expect, it } from 'vitest';
import { createArchive } from '../../functions/app/archive.ts';
import { compactIndex } from '../../functions/app/compact-index.ts';
import { ingestBatch } from '../../functions/app/ingest-batch.ts';
import { ingestDocument } from '../../functions/app/ingest-document.ts';
import { dynamoStores } from '../../functions/adapters/dynamo-stores.ts';
import { MIN_IDF_DOCUMENTS } from '../../functions/core/copies/story-similarity.ts';
import { MAX_BATCH_DOCUMENTS } from '../../functions/app/upload-limits.ts';
import { readSeed } from '../helpers/corpus-path.ts';
import { processOn, useScratchArchive } from '../helpers/scratch-archive.ts';

const scratch = useScratchArchive();
const encoder = new TextEncoder();

/** Pseudo-words no seed has: filler documents that give the archive its size, not its story. */
const filler = (n: number) => {
  const letters = 'bcdfghklmnprstvz';
  const words = Array.from({ length: 60 }, (_, i) => {
    let word = '';
    for (let k = n * 61 + i * 7; word.length < 8; k = Math.floor(k / 3) + word.length * 11)
      word += letters[k % letters.length] + 'aeiou'[(k >> 2) % 5];
    return word;
  });
  return { file: { bytes: encoder.encode(`Notes ${n}. ${words.join(' ')}.`), contentType: 'text/plain' } };
};

describe('same-story links from a cold process', () => {
  it('links a new report to the archived one over a partly loaded snapshot of idf size', async () => {
    // Filler and the report, written without linking (a process with no link store), then compacted.
    const writer = processOn(scratch);
    for (let from = 0; from < MIN_IDF_DOCUMENTS; from += MAX_BATCH_DOCUMENTS) {
      const batch = Array.from({ length: MAX_BATCH_DOCUMENTS }, (_, i) => filler(from + i));
      expect((await ingestBatch(writer, batch)).every((outcome) => outcome.ok)).toBe(true);
    }
    const report = await ingestDocument(writer, {
      file: { bytes: encoder.encode(readSeed('embassy-protest-report.txt')), contentType: 'text/plain' },
      metadata: { title: 'Azerbaijan files protest', publishedAt: '2025-11-14' },
    });
    const compacted = await compactIndex(writer, { shardDocuments: 400 });
    if (!compacted.written) throw new Error(`compaction did not write: ${compacted.reason}`);

    // A fresh process that links on ingest: it has never answered a search, so its shards stay partial.
    const cold = createArchive({
      blobs: scratch.archive.blobs,
      ...dynamoStores(scratch.local.clients.dynamo, scratch.config.table),
      audit: scratch.archive.audit,
      links: scratch.archive.links,
      maxUploadBytes: 1 << 20,
    });
    const analysis = await ingestDocument(cold, {
      file: { bytes: encoder.encode(readSeed('embassy-protest-analysis.txt')), contentType: 'text/plain' },
      metadata: { title: 'Baku demands answers', publishedAt: '2025-11-15' },
    });
    const index = await cold.index.current();
    expect(index.documentCount).toBeGreaterThanOrEqual(MIN_IDF_DOCUMENTS);
    expect(index.complete).toBe(false);
    const links = await cold.links!.links('story', analysis.id, 10);
    expect(links.map((link) => link.id)).toContain(report.id);
    // Both ways, as a whole index links them.
    expect((await cold.links!.links('story', report.id, 10)).map((link) => link.id)).toContain(analysis.id);
  }, 120_000);
});
