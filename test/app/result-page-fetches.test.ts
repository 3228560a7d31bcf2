/**
 * A result page reads its text from the stored blocks in the shards: no document is read from
 * storage. While a shard is only partly loaded the blocks of all ten hits are fetched in one round
 * of range reads (every request sent before the first answers); once it is whole they are in
 * memory, and a page makes no request.
 */
import { describe, expect, it } from 'vitest';
import { compactIndex } from '../../functions/app/compact-index.ts';
import { ingestDocument } from '../../functions/app/ingest-document.ts';
import { searchArchive } from '../../functions/app/search-archive.ts';
import type { BlobStore } from '../../functions/core/ports.ts';
import { findPassages, matchingQuotes, parseQuery, storedSection } from '../../functions/core/search/index.ts';
import { processOn, useScratchArchive } from '../helpers/scratch-archive.ts';

const scratch = useScratchArchive();
const encoder = new TextEncoder();

interface Read {
  key: string;
  range?: { start: number; end: number };
  bytes: number;
  sent: number;
  answered: number;
}

/** The real S3 store, recording each read: what, how many bytes, and when it started and ended. */
function recordingBlobs(blobs: BlobStore) {
  const reads: Read[] = [];
  const store: BlobStore = {
    put: (key, body, type) => blobs.put(key, body, type),
    delete: (key) => blobs.delete(key),
    list: (prefix) => blobs.list(prefix),
    async get(key) {
      const sent = performance.now();
      const blob = await blobs.get(key);
      reads.push({ key, bytes: blob?.body.byteLength ?? 0, sent, answered: performance.now() });
      return blob;
    },
    async getRange(key, start, end) {
      const sent = performance.now();
      const bytes = await blobs.getRange(key, start, end);
      reads.push({ key, range: { start, end }, bytes: bytes?.byteLength ?? 0, sent, answered: performance.now() });
      return bytes;
    },
  };
  return { store, reads };
}

const SPEAKERS = ['Ana Ruiz', 'Tom Baker'];
const article = (n: number) => ({
  file: {
    bytes: encoder.encode(
      [
        `Harbour report ${n}. The ferry crossing was closed on day ${n} after the storm.`,
        `"We will reopen the crossing soon," ${SPEAKERS[n % 2]} said on the quay.`,
        `Residents of block ${n} waited for news while the harbour master inspected the pier.`,
      ].join('\n\n'),
    ),
    contentType: 'text/plain',
  },
  metadata: { title: `Harbour report ${n}`, publisher: 'Coastal Times' },
});

describe('a result page', () => {
  it("reads no document, and fetches its hits' stored text in one round while the index is cold", async () => {
    const writer = processOn(scratch);
    for (let n = 0; n < 64; n++) await ingestDocument(writer, article(n));
    const compacted = await compactIndex(writer, { shardDocuments: 32 });
    if (!compacted.written) throw new Error(`compaction did not write: ${compacted.reason}`);
    const { shards } = compacted.manifest;
    expect(shards).toHaveLength(2);
    const storedRanges = new Map<string, { start: number; end: number }>();
    for (const shard of shards) {
      const head = (await scratch.archive.blobs.getRange(shard.key, 0, shard.headBytes!))!;
      storedRanges.set(shard.key, storedSection(head));
    }
    const isStored = (r: Read) =>
      r.range !== undefined &&
      r.range.start >= storedRanges.get(r.key)!.start &&
      r.range.end <= storedRanges.get(r.key)!.end;

    const { store, reads } = recordingBlobs(scratch.archive.blobs);
    const cold = processOn(scratch, { blobs: store });
    const q = 'ferry crossing';
    const page = await searchArchive(cold, { q, limit: 10, offset: 0, collapse: false });
    expect(page.results).toHaveLength(10);
    expect(reads.filter((r) => r.key.startsWith('documents/'))).toEqual([]);
    // The stored blocks are the last round: at most one coalesced range per shard, all sent once
    // the index's reads were answered and before any of them answered.
    const stored = reads.filter(isStored);
    const index = reads.filter((r) => r.key.startsWith('index/') && !isStored(r));
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.length).toBeLessThanOrEqual(shards.length);
    expect(Math.max(...stored.map((r) => r.sent))).toBeLessThan(Math.min(...stored.map((r) => r.answered)));
    expect(Math.min(...stored.map((r) => r.sent))).toBeGreaterThanOrEqual(Math.max(...index.map((r) => r.answered)));

    // What the page shows is what the documents give.
    const query = parseQuery(q);
    for (const hit of page.results) {
      const document = (await scratch.archive.documents.get(hit.id))!;
      expect(hit.title).toBe(document.title);
      expect(hit.publisher).toBe('Coastal Times');
      expect(hit.passages.length).toBeGreaterThan(0);
      expect(hit.passages).toEqual(findPassages(document, query));
      expect(hit.quotes).toEqual(matchingQuotes(document.quotes, query));
    }

    // Once the index is whole its stored texts are in memory: a page makes no request at all.
    await (await cold.index.current()).loadAll();
    reads.length = 0;
    const again = await searchArchive(cold, { q: 'harbour master', limit: 10, offset: 10, collapse: false });
    expect(again.results).toHaveLength(10);
    expect(reads).toEqual([]);
  });
});
