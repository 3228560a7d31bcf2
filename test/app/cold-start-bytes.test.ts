import { describe, expect, it } from 'vitest';
import type { Archive } from '../../functions/app/archive.ts';
import { compactIndex } from '../../functions/app/compact-index.ts';
import { ingestDocument } from '../../functions/app/ingest-document.ts';
import { searchArchive } from '../../functions/app/search-archive.ts';
import type { BlobStore } from '../../functions/core/ports.ts';
import { processOn, useScratchArchive } from '../helpers/scratch-archive.ts';

const scratch = useScratchArchive();
const encoder = new TextEncoder();

/** The scratch archive's real S3 store, counting the shard bytes read by range (what a cold start waits on). */
function countingBlobs(blobs: BlobStore) {
  const counted = { requests: 0, bytes: 0 };
  const store: BlobStore = {
    put: (key, body, type) => blobs.put(key, body, type),
    get: (key) => blobs.get(key),
    delete: (key) => blobs.delete(key),
    list: (prefix) => blobs.list(prefix),
    async getRange(key, start, end) {
      const bytes = await blobs.getRange(key, start, end);
      if (key.startsWith('index/') && bytes) {
        counted.requests++;
        counted.bytes += bytes.byteLength;
      }
      return bytes;
    },
  };
  return { store, counted };
}

/** A deterministic pseudo-vocabulary: enough distinct words for many term blocks per shard. */
const WORDS = Array.from({ length: 3000 }, (_, i) => {
  const letters = 'bcdfghklmnprstvz';
  const vowels = 'aeiou';
  let word = '';
  for (let n = i + 7; word.length < 8; n = Math.floor(n / 5) + word.length * 13)
    word += letters[n % letters.length] + vowels[(n >> 2) % vowels.length];
  return word;
});

const article = (n: number) => {
  const words = Array.from({ length: 120 }, (_, i) => WORDS[(n * 131 + i * 17 + ((n * i) % 7)) % WORDS.length]);
  // One word only this article has: the first query of the cold process.
  if (n === 37) words.push('quillwort');
  return {
    file: { bytes: encoder.encode(`Field notes ${n}. ${words.join(' ')}.`), contentType: 'text/plain' },
    metadata: { title: `Field notes ${n}`, publisher: n % 2 ? 'Coastal Times' : 'Daily Planet' },
  };
};

const search = (archive: Archive, q: string) => searchArchive(archive, { q, limit: 10, offset: 0 });

describe('a cold start reads the shards’ directories, then what its first query needs', () => {
  it('fetches a small share of the index before its first answer, and the same answers once whole', async () => {
    const writer = processOn(scratch);
    for (let n = 0; n < 90; n++) await ingestDocument(writer, article(n));
    const result = await compactIndex(writer, { shardDocuments: 30 });
    if (!result.written) throw new Error(`compaction did not write: ${result.reason}`);
    const { shards } = result.manifest;
    const indexBytes = shards.reduce((n, s) => n + s.bytes, 0);
    const directories = shards.reduce((n, s) => n + s.headBytes!, 0);
    expect(shards).toHaveLength(3);

    const { store, counted } = countingBlobs(scratch.archive.blobs);
    const cold = processOn(scratch, { blobs: store });
    const first = await search(cold, 'quillwort');
    expect(first.results.map((r) => r.title)).toEqual(['Field notes 37']);
    expect(first.facets.publishers).toEqual([{ value: 'Coastal Times', count: 1 }]);
    // Before the first answer: the directories, then a term block, postings and a document block per shard.
    expect(directories).toBeLessThan(indexBytes / 10);
    expect(counted.bytes).toBeLessThan(indexBytes / 5);

    // Common words, a prefix, a typo and a filter from the still partly loaded index, then once it is whole.
    const queries = [
      WORDS[5],
      `${WORDS[100].slice(0, 5)}`,
      `${WORDS[200].slice(0, 3)}x${WORDS[200].slice(4)}`,
      `${WORDS[9]} publisher:coastal`,
      `"${WORDS[7]} ${WORDS[24]}"`,
    ];
    const partly = [];
    for (const q of queries) partly.push(await search(cold, q));
    const index = await cold.index.current();
    await index.loadAll();
    expect(index.complete).toBe(true);
    for (const [i, q] of queries.entries()) {
      const whole = await search(cold, q);
      expect({ ...partly[i], tookMs: 0 }).toEqual({ ...whole, tookMs: 0 });
    }
    expect(partly.some((page) => page.total > 10)).toBe(true);
  }, 120_000);
});
