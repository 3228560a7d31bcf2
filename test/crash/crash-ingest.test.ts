import { describe, expect, it } from 'vitest';
import { compactIndex } from '../../functions/app/compact-index.ts';
import { settleStaleClaims } from '../../functions/app/settle-claims.ts';
import { searchArchive } from '../../functions/app/search-archive.ts';
import { metadataOf, prepareDocument } from '../../functions/app/ingest-document.ts';
import { getJson, postJson, processOn, useScratchArchive } from '../helpers/scratch-archive.ts';
import { runIngestChild } from './run-ingest-child.ts';

const scratch = useScratchArchive();

/** Another process over the same storage, reading the log before every search. */
const anotherProcess = () => processOn(scratch);

const article = (word: string) => ({
  title: `Harbour ${word} report`,
  text: `The harbour ${word} crane was repaired overnight. "We had the ${word} crane back in service by dawn," harbourmaster Ines Caldera said.`,
});

/** Every way a reader can reach a document, as status codes. */
async function reads(id: string) {
  const statuses = await Promise.all(
    [`/api/documents/${id}`, `/api/documents/${id}/original`, `/documents/${id}`].map(
      async (path) => (await scratch.app.request(path)).status,
    ),
  );
  return statuses;
}

describe('an ingest killed between the log append and "ready"', () => {
  it('leaves no ghost: search, the quote finder and reads all say it is not there, and a re-upload succeeds at once', async () => {
    const crashed = article('zephyrine');
    const run = await runIngestChild(scratch.config, [crashed], { crashAfterLog: 1 });
    expect(run.signal).toBe('SIGKILL');
    expect(run.done).toEqual([]);
    const { id } = await prepareDocument(
      { file: { bytes: new TextEncoder().encode(crashed.text), contentType: 'text/plain; charset=utf-8' } },
      new Date(),
    );
    // The crash happened where it should: logged, still pending.
    expect((await scratch.archive.log.read(0)).some((e) => e.id === id && e.op === 'add')).toBe(true);
    expect((await scratch.archive.catalog.statusOf([id])).get(id)).toBe('pending');

    const search = await getJson(scratch.app, '/api/search?q=zephyrine');
    expect(search.body.total).toBe(0);
    const quotes = await getJson(
      scratch.app,
      `/api/quotes?q=${encodeURIComponent('We had the zephyrine crane back in service by dawn')}`,
    );
    expect(quotes.body.results.map((r: any) => r.document.id)).not.toContain(id);
    expect((await searchArchive(anotherProcess(), { q: 'zephyrine', limit: 10, offset: 0 })).total).toBe(0);
    expect(await reads(id)).toEqual([404, 404, 404]);
    expect((await scratch.app.request(`/api/documents/${id}`, { method: 'DELETE' })).status).toBe(404);

    // The log position a compaction would record stops short of the pending entry.
    const seq = (await scratch.archive.log.read(0)).find((e) => e.id === id)!.seq;
    expect((await anotherProcess().index.state()).through).toBeLessThan(seq);

    const started = performance.now();
    const again = await postJson(scratch.app, '/api/documents', crashed);
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ id, duplicate: false });
    // Waits out the dead claim's lease at most (3 s), never the old five minutes.
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(await reads(id)).toEqual([200, 200, 200]);
    expect((await getJson(scratch.app, '/api/search?q=zephyrine')).body.results.map((r: any) => r.id)).toEqual([id]);
    const found = await getJson(
      scratch.app,
      `/api/quotes?q=${encodeURIComponent('We had the zephyrine crane back in service by dawn')}`,
    );
    expect(found.body.results[0]).toMatchObject({ document: { id }, verdict: 'exact' });
    // Another process that had already seen the pending entry picks the document up too.
    expect(
      (await searchArchive(anotherProcess(), { q: 'zephyrine', limit: 10, offset: 0 })).results.map((r) => r.id),
    ).toEqual([id]);
  }, 120_000);

  it('is finished by the sweep when nobody uploads it again', async () => {
    const crashed = article('quillwort');
    const reader = anotherProcess();
    const run = await runIngestChild(scratch.config, [crashed], { crashAfterLog: 1 });
    expect(run.signal).toBe('SIGKILL');
    expect((await searchArchive(reader, { q: 'quillwort', limit: 10, offset: 0 })).total).toBe(0);
    // The compaction's way: only the logged ids its index found pending, a read each.
    expect(reader.index.pendingIds()).toHaveLength(1);
    const settled = await settleStaleClaims(reader, { leaseMs: 0, ids: reader.index.pendingIds() });
    expect(settled.finished).toEqual(reader.index.pendingIds());
    const [id] = settled.finished;
    expect(await reads(id)).toEqual([200, 200, 200]);
    // The reader had the entry waiting; it applies it now that the document is ready.
    expect((await searchArchive(reader, { q: 'quillwort', limit: 10, offset: 0 })).results.map((r) => r.id)).toEqual([
      id,
    ]);
  }, 120_000);

  it('is rolled back by the sweep when its objects never got written', async () => {
    const document = await prepareDocument(
      {
        file: {
          bytes: new TextEncoder().encode('A claim whose ingest died before writing anything.'),
          contentType: 'text/plain',
        },
      },
      new Date(),
    );
    expect(await scratch.archive.catalog.claim(metadataOf(document), { token: 'dead-owner', leaseMs: 60_000 })).toEqual(
      { claimed: true },
    );
    const settled = await settleStaleClaims(scratch.archive, { leaseMs: 0 });
    expect(settled.rolledBack).toContain(document.id);
    expect((await scratch.archive.catalog.statusOf([document.id])).size).toBe(0);
    const again = await postJson(scratch.app, '/api/documents', { text: document.text });
    expect(again.status).toBe(201);
  });
});

describe('a compaction killed after writing shards', () => {
  it('leaves objects that the next compaction sweeps once they are old enough', async () => {
    await postJson(scratch.app, '/api/documents', article('marram'));
    const orphan = 'index/v99999999-killed/shard-0000.seg';
    await scratch.archive.blobs.put(orphan, new Uint8Array([1, 2, 3]), 'application/octet-stream');
    const young = await compactIndex(anotherProcess());
    expect(young.orphanShards).toEqual([]);
    const old = await compactIndex(anotherProcess(), { orphanAgeMs: 0 });
    expect(old.orphanShards).toEqual([orphan]);
    expect(await scratch.archive.blobs.get(orphan)).toBeNull();
    const manifest = await scratch.archive.manifest.get();
    for (const shard of manifest!.shards) expect(await scratch.archive.blobs.get(shard.key)).not.toBeNull();
    expect((await searchArchive(anotherProcess(), { q: 'marram', limit: 10, offset: 0 })).total).toBe(1);
  });
});
