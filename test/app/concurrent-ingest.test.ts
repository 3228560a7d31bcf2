import { describe, expect, it } from 'vitest';
import { DynamoDocumentCatalog } from '../../functions/adapters/dynamo-document-catalog.ts';
import { DynamoIngestLog } from '../../functions/adapters/dynamo-ingest-log.ts';
import type { Archive } from '../../functions/app/archive.ts';
import { compactIndex } from '../../functions/app/compact-index.ts';
import { ingestDocument } from '../../functions/app/ingest-document.ts';
import { searchArchive } from '../../functions/app/search-archive.ts';
import type { BlobStore } from '../../functions/core/ports.ts';
import { processOn, useScratchArchive } from '../helpers/scratch-archive.ts';

const scratch = useScratchArchive();
const encoder = new TextEncoder();

/** Another process over the same storage: what a second Lambda container is. */
const anotherProcess = (blobs: BlobStore = scratch.archive.blobs): Archive => processOn(scratch, { blobs });

const article = (n: number) => ({
  file: {
    bytes: encoder.encode(
      `Report number ${n}: the river ferry ran ${n} extra crossings at the weekend, operators said.`,
    ),
    contentType: 'text/plain',
  },
  metadata: { title: `Ferry report ${n}` },
});

describe('concurrent writers', () => {
  it('never lose one another’s index entries, across processes and compactions', async () => {
    const writers = [anotherProcess(), anotherProcess(), anotherProcess()];
    const results = await Promise.all(Array.from({ length: 24 }, (_, n) => ingestDocument(writers[n % 3], article(n))));
    expect(new Set(results.map((r) => r.id)).size).toBe(24);
    const log = await scratch.archive.log.read(0);
    expect(log.map((e) => e.id).sort()).toEqual(results.map((r) => r.id).sort());
    const seqs = [...new Set(log.map((e) => e.seq))];
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    const through = seqs[seqs.length - 1];

    // Two indexers at once: one writes, the other changes nothing.
    const outcomes = await Promise.all([compactIndex(anotherProcess()), compactIndex(anotherProcess())]);
    expect(outcomes.filter((o) => o.written)).toHaveLength(1);
    const manifest = await scratch.archive.manifest.get();
    expect(manifest).toMatchObject({ version: 1, through, documentCount: 24 });
    // Each attempt wrote its own key: the winner's snapshot is intact, the loser's is gone.
    for (const shard of manifest!.shards) expect(await scratch.archive.blobs.get(shard.key)).not.toBeNull();

    const page = await searchArchive(anotherProcess(), { q: 'ferry crossings', limit: 100, offset: 0 });
    expect(page.total).toBe(24);
  });

  it('answers the same id as a duplicate when the same text is posted twice at once', async () => {
    const request = article(1000);
    const [a, b] = await Promise.allSettled([
      ingestDocument(anotherProcess(), request),
      ingestDocument(anotherProcess(), request),
    ]);
    const outcomes = [a, b].map((o) =>
      o.status === 'fulfilled'
        ? o.value.duplicate
          ? 'duplicate'
          : 'added'
        : (o.reason as Error & { code?: string }).code,
    );
    // The loser waits for the winner's ingest to finish and answers with its document.
    expect(outcomes.sort()).toEqual(['added', 'duplicate']);
  });
});

describe('freshness under concurrency', () => {
  it('a search that starts while an older refresh is in flight still sees a write that landed before it', async () => {
    // The reader's log read completes, then lingers: a write lands while its refresh is in flight.
    class SlowLog extends DynamoIngestLog {
      override async read(after: number) {
        const entries = await super.read(after);
        await new Promise((resolve) => setTimeout(resolve, 300));
        return entries;
      }
    }
    const reader = processOn(scratch, {
      stores: { log: new SlowLog(scratch.local.clients.dynamo, scratch.config.table) },
    });
    await reader.index.current();
    const inFlight = reader.index.current();
    const written = await ingestDocument(anotherProcess(), article(3000));
    const page = await searchArchive(reader, { q: 'report 3000', limit: 10, offset: 0 });
    await inFlight;
    expect(page.results.map((r) => r.id)).toContain(written.id);
  });

  it('a search between an ingest’s log append and its ready does not hide the document from the next search', async () => {
    const { dynamo } = scratch.local.clients;
    let reader: Archive | null = null;
    const midway: string[][] = [];
    // Another request of the same process searches while the document is logged but still pending.
    class SearchBeforeReady extends DynamoDocumentCatalog {
      override async markReady(id: string, token: string) {
        midway.push(
          (await searchArchive(reader!, { q: 'report 5000', limit: 10, offset: 0 })).results.map((r) => r.id),
        );
        return super.markReady(id, token);
      }
    }
    // A long freshness window: only the catalog telling the reader of the ready makes it look again.
    reader = processOn(scratch, {
      stores: { catalog: new SearchBeforeReady(dynamo, scratch.config.table) },
      indexFreshnessMs: 60_000,
    });
    await reader.index.current();
    const written = await ingestDocument(reader, article(5000));
    expect(midway).toEqual([[]]);
    expect((await searchArchive(reader, { q: 'report 5000', limit: 10, offset: 0 })).results.map((r) => r.id)).toEqual([
      written.id,
    ]);
  });

  it('keeps the shards it replaced for an hour, then deletes them', async () => {
    const keys: string[] = [];
    const start = Date.now();
    // Compactions a minute apart, then one two hours later.
    const times = [start, start + 60_000, start + 2 * 3600_000];
    for (let n = 0; n < 3; n++) {
      await ingestDocument(anotherProcess(), article(4000 + n));
      const result = await compactIndex(anotherProcess(), { now: new Date(times[n]) });
      if (!result.written) throw new Error(`compaction did not write: ${result.reason}`);
      keys.push(result.manifest.shards.at(-1)!.key);
    }
    const present = await Promise.all(keys.map(async (key) => (await scratch.archive.blobs.get(key)) !== null));
    // The first was retired two hours ago and is gone; the second was retired just now.
    expect(present).toEqual([false, true, true]);
  });
});

describe('a failed ingest leaves nothing half-written', () => {
  it('removes the claim and objects when a write fails midway', async () => {
    let puts = 0;
    const failing: BlobStore = {
      ...scratch.archive.blobs,
      get: (key) => scratch.archive.blobs.get(key),
      getRange: (key, start, end) => scratch.archive.blobs.getRange(key, start, end),
      delete: (key) => scratch.archive.blobs.delete(key),
      list: (prefix) => scratch.archive.blobs.list(prefix),
      put: async (key, body, type) => {
        // The original is written, then the normalised document write fails.
        if (++puts === 2) throw new Error('injected storage failure');
        return scratch.archive.blobs.put(key, body, type);
      },
    };
    const request = article(2000);
    await expect(ingestDocument(anotherProcess(failing), request)).rejects.toThrow('injected storage failure');
    const retried = await ingestDocument(anotherProcess(), request);
    expect(retried.duplicate).toBe(false);
    expect(await scratch.archive.blobs.get(`originals/${retried.id}`)).not.toBeNull();
    const entries = (await scratch.archive.log.read(0)).filter((e) => e.id === retried.id);
    expect(entries).toHaveLength(1);
  });
});
