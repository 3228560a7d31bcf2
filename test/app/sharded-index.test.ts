import { describe, expect, it, vi } from 'vitest';
import type { Archive } from '../../functions/app/archive.ts';
import { compactIndex } from '../../functions/app/compact-index.ts';
import { deleteDocument } from '../../functions/app/delete-document.ts';
import { ingestDocument } from '../../functions/app/ingest-document.ts';
import { searchArchive } from '../../functions/app/search-archive.ts';
import { processOn, useScratchArchive } from '../helpers/scratch-archive.ts';

const scratch = useScratchArchive();
const encoder = new TextEncoder();

/** Another process over the same storage: what a second Lambda container is. */
const anotherProcess = (indexFreshnessMs = 0): Archive => processOn(scratch, { indexFreshnessMs });

const article = (n: number) => ({
  file: {
    bytes: encoder.encode(`Lighthouse log ${n}: the keeper counted ${n} ships passing the headland before dawn.`),
    contentType: 'text/plain',
  },
  metadata: { title: `Lighthouse log ${n}` },
});

const written = async (archive: Archive, shardDocuments: number) => {
  const result = await compactIndex(archive, { shardDocuments });
  if (!result.written) throw new Error(`compaction did not write: ${result.reason}`);
  return result;
};

const found = async (archive: Archive, q = 'lighthouse keeper') =>
  (await searchArchive(archive, { q, limit: 100, offset: 0 })).results.map((r) => r.id).sort();

describe('a sharded index', () => {
  const ids: string[] = [];

  it('fills shards up to their size and then rewrites only the open one', async () => {
    const writer = anotherProcess();
    for (let n = 0; n < 7; n++) ids.push((await ingestDocument(writer, article(n))).id);
    const first = await written(writer, 3);
    expect(first.manifest.shards.map((s) => s.documentCount)).toEqual([3, 3, 1]);

    ids.push((await ingestDocument(writer, article(7))).id);
    const second = await written(writer, 3);
    // The two full shards are kept as they are; only the open one is written again.
    expect(second.shardsWritten).toBe(1);
    expect(second.manifest.shards.slice(0, 2)).toEqual(first.manifest.shards.slice(0, 2));
    expect(second.manifest.shards.map((s) => s.documentCount)).toEqual([3, 3, 2]);
    expect(second.manifest.retired.map((r) => r.key)).toEqual([first.manifest.shards[2].key]);
    expect(await found(anotherProcess())).toEqual([...ids].sort());
  });

  it('rewrites the shard that lost a deleted document, and nothing else', async () => {
    const writer = anotherProcess();
    const before = (await scratch.archive.manifest.get())!;
    await deleteDocument(writer, ids[4]);
    const after = await written(writer, 3);
    expect(after.shardsWritten).toBe(1);
    expect(after.manifest.shards.map((s) => s.documentCount)).toEqual([3, 2, 2]);
    expect(after.manifest.shards[0]).toEqual(before.shards[0]);
    expect(after.manifest.shards[2]).toEqual(before.shards[2]);
    expect(await found(anotherProcess())).toEqual(ids.filter((id) => id !== ids[4]).sort());
  });

  it('answers a cold process from the shards’ heads, then loads the rest in the background', async () => {
    const manifest = (await scratch.archive.manifest.get())!;
    expect(manifest.shards.every((s) => s.headBytes! > 0 && s.headBytes! < s.bytes)).toBe(true);
    const cold = anotherProcess();
    const index = await cold.index.current();
    // Only the heads are in: the first search fetches the postings it needs by byte range.
    expect(index.complete).toBe(false);
    expect(await found(cold)).toEqual(ids.filter((id) => id !== ids[4]).sort());
    await index.loadAll();
    expect(index.complete).toBe(true);
    expect(await found(cold)).toEqual(ids.filter((id) => id !== ids[4]).sort());
  });

  it('starts the background load after the first answer is built, not when its index search ends', async () => {
    const cold = anotherProcess();
    const index = await cold.index.current();
    // The index search of a page alone: the page still reads its hits' documents after it, and a
    // load started then would compete with them (and count in the bytes the first answer cost).
    const hits = await index.search({ any: [{ term: 'lighthouse', fields: ['text'] }] });
    expect(hits.total).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(index.complete).toBe(false);
    // A whole answer: the rest follows in the background.
    expect((await found(cold)).length).toBeGreaterThan(0);
    await vi.waitFor(() => expect(index.complete).toBe(true), { timeout: 10_000 });
  });

  it('says nothing changed when nothing did', async () => {
    expect(await compactIndex(anotherProcess(), { shardDocuments: 3 })).toMatchObject({
      written: false,
      reason: 'up-to-date',
    });
  });

  it('shows its own writes at once and other processes’ within the freshness window', async () => {
    const reader = anotherProcess(60_000);
    const other = anotherProcess();
    const seen = await found(reader);
    const theirs = await ingestDocument(other, article(100));
    // Within the window, another process's write is not looked for …
    expect(await found(reader)).toEqual(seen);
    // … but this process's own write makes the next search read the log, which brings both.
    const mine = await ingestDocument(reader, article(101));
    expect(await found(reader)).toEqual([...seen, theirs.id, mine.id].sort());
    ids.push(theirs.id, mine.id);
  });

  it('forgets its own delete at once, within the freshness window', async () => {
    const reader = anotherProcess(60_000);
    const mine = await ingestDocument(reader, article(102));
    expect(await found(reader, 'lighthouse 102')).toEqual([mine.id]);
    // Only the log telling the reader of the delete's append makes it read the log again.
    await deleteDocument(reader, mine.id);
    expect(await found(reader, 'lighthouse 102')).toEqual([]);
    expect(
      (await reader.index.current()).segments.some((s) => s.documents.some((d, n) => d.id === mine.id && !s.isDead(n))),
    ).toBe(false);
  });

  it('recovers when a shard it has not finished loading disappears', async () => {
    const manifest = (await scratch.archive.manifest.get())!;
    const cold = anotherProcess();
    await cold.index.current();
    const saved = (await scratch.archive.blobs.get(manifest.shards[0].key))!;
    await scratch.archive.blobs.delete(manifest.shards[0].key);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await expect(found(cold)).rejects.toThrow(/missing/);
      // The next request starts over (here: from the log, as the snapshot is now incomplete).
      expect(await found(cold)).toEqual(ids.filter((id) => id !== ids[4]).sort());
    } finally {
      warn.mockRestore();
      await scratch.archive.blobs.put(manifest.shards[0].key, saved.body, saved.contentType);
    }
  });

  it('rebuilds from the ingest log when a shard is unreadable', async () => {
    const manifest = (await scratch.archive.manifest.get())!;
    await scratch.archive.blobs.put(manifest.shards[0].key, 'not a shard at all', 'application/octet-stream');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const reader = anotherProcess();
      expect(await found(reader)).toEqual(ids.filter((id) => id !== ids[4]).sort());
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('rebuilding from the ingest log'));
      // The next compaction writes every shard anew and retires all the old ones.
      const rebuilt = await written(reader, 3);
      expect(rebuilt.manifest.retired.map((r) => r.key)).toEqual(
        expect.arrayContaining(manifest.shards.map((s) => s.key)),
      );
      expect(rebuilt.manifest.documentCount).toBe(ids.length - 1);
      // Broken again with nothing new to index: the compaction must still repair it.
      await scratch.archive.blobs.put(rebuilt.manifest.shards[0].key, 'not a shard either', 'application/octet-stream');
      const repaired = await compactIndex(anotherProcess(), { shardDocuments: 3 });
      expect(repaired.written).toBe(true);
    } finally {
      warn.mockRestore();
    }
    expect(await found(anotherProcess())).toEqual(ids.filter((id) => id !== ids[4]).sort());
  });

  it('keeps every piece of a sealed shard that must be split', async () => {
    const writer = anotherProcess();
    const live = ids.filter((id) => id !== ids[4]);
    await deleteDocument(writer, live[0]);
    // Shards of 3 regrouped at 1: the shard that lost a document becomes two of one each.
    const split = await written(writer, 1);
    expect(split.manifest.documentCount).toBe(live.length - 1);
    expect(await found(anotherProcess())).toEqual(live.slice(1).sort());
  });
});
