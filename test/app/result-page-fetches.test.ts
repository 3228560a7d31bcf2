/**
 * A result page reads its text from the stored blocks in the shards: no document is read from
 * storage, and the blocks of all ten hits are fetched in one round of range reads (every request
 * sent before the first answers), a few KB per hit rather than a document each.
 */
import { describe, expect, it } from 'vitest';
import { compactIndex } from '../../functions/app/compact-index.ts';
import { ingestDocument } from '../../functions/app/ingest-document.ts';
import { searchArchive } from '../../functions/app/search-archive.ts';
import type { BlobStore } from '../../functions/core/ports.ts';
import { findPassages, matchingQuotes, parseQuery } from '../../functions/core/search/index.ts';
import { processOn, useScratchArchive } from '../helpers/scratch-archive.ts';

const scratch = useScratchArchive();
const encoder = new TextEncoder();

/** The real S3 store, recording each read: what, how many bytes, and when it started and ended. */
function recordingBlobs(blobs: BlobStore) {
  const reads: Array<{ key: string; bytes: number; sent: number; answered: number }> = [];
  const record = async <T extends { byteLength: number } | null>(key: string, read: () => Promise<T>) => {
    const sent = performance.now();
    const bytes = await read();
    reads.push({ key, bytes: bytes?.byteLength ?? 0, sent, answered: performance.now() });
    return bytes;
  };
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
    getRange: (key, start, end) => record(key, () => blobs.getRange(key, start, end)),
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
  it('reads no document and fetches the stored text of its hits in one round', async () => {
    const writer = processOn(scratch);
    const ids: string[] = [];
    for (let n = 0; n < 64; n++) ids.push((await ingestDocument(writer, article(n))).id);
    const compacted = await compactIndex(writer, { shardDocuments: 32 });
    if (!compacted.written) throw new Error(`compaction did not write: ${compacted.reason}`);
    expect(compacted.manifest.shards).toHaveLength(2);

    const { store, reads } = recordingBlobs(scratch.archive.blobs);
    const cold = processOn(scratch, { blobs: store });
    const index = await cold.index.current();
    await index.loadAll();
    reads.length = 0;

    const q = 'ferry crossing';
    const page = await searchArchive(cold, { q, limit: 10, offset: 0, collapse: false });
    expect(page.results).toHaveLength(10);
    expect(reads.filter((r) => r.key.startsWith('documents/'))).toEqual([]);
    // Each shard's stored blocks come in one range (neighbours coalesced), all sent at once.
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.length).toBeLessThanOrEqual(compacted.manifest.shards.length);
    expect(Math.max(...reads.map((r) => r.sent))).toBeLessThan(Math.min(...reads.map((r) => r.answered)));

    // What the page shows is what the documents give.
    const query = parseQuery(q);
    for (const hit of page.results) {
      const document = (await scratch.archive.documents.get(hit.id))!;
      expect(hit.title).toBe(document.title);
      expect(hit.publisher).toBe('Coastal Times');
      expect(hit.passages).toEqual(findPassages(document, query));
      expect(hit.quotes).toEqual(matchingQuotes(document.quotes, query));
      expect(hit.passages.length).toBeGreaterThan(0);
    }

    // The same page again is served from the cache of inflated blocks: no request at all.
    reads.length = 0;
    await searchArchive(cold, { q, limit: 10, offset: 0, collapse: false });
    expect(reads).toEqual([]);
  });
});
