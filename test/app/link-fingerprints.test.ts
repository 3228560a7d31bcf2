/**
 * Candidates' fingerprints are filed with their band keys and read back by key: another process
 * (a second Lambda, a restart) links a copy and a same-story report without reading the archived
 * document's JSON, a document filed before fingerprints were stored is still found from its text,
 * a delete drops its fingerprints, and reindex files every document under its band keys again.
 */
import { describe, expect, it } from 'vitest';
import { DynamoLinkStore } from '../../functions/adapters/dynamo-link-store.ts';
import { dynamoStores } from '../../functions/adapters/dynamo-stores.ts';
import { createArchive, type Archive } from '../../functions/app/archive.ts';
import { deleteDocument } from '../../functions/app/delete-document.ts';
import { ingestBatch } from '../../functions/app/ingest-batch.ts';
import { reindexArchive } from '../../functions/app/reindex-archive.ts';
import { bandKeysOf } from '../../functions/core/copies/link-features.ts';
import type { BlobStore } from '../../functions/core/ports.ts';
import { documentKey } from '../../functions/core/storage-keys.ts';
import { readSeed } from '../helpers/corpus-path.ts';
import { processOn, useScratchArchive, type Scratch } from '../helpers/scratch-archive.ts';

const scratch = useScratchArchive();
const encoder = new TextEncoder();
const upload = (text: string, title: string, publishedAt = '2025-11-14') => ({
  file: { bytes: encoder.encode(text), contentType: 'text/plain' },
  metadata: { title, publishedAt },
});

/** A process of its own with a link store, whose blob reads (whole or by range) are counted by key. */
function linkingProcess(scratch: Scratch): { archive: Archive; reads: Map<string, number> } {
  const reads = new Map<string, number>();
  const count = (key: string) => reads.set(key, (reads.get(key) ?? 0) + 1);
  const blobs = scratch.archive.blobs;
  const counted: BlobStore = {
    put: (...args) => blobs.put(...args),
    get: (key) => {
      count(key);
      return blobs.get(key);
    },
    getRange: (key, start, end) => {
      count(key);
      return blobs.getRange(key, start, end);
    },
    delete: (key) => blobs.delete(key),
    list: (prefix) => blobs.list(prefix),
  };
  const archive = createArchive({
    blobs: counted,
    ...dynamoStores(scratch.local.clients.dynamo, scratch.config.table),
    audit: scratch.archive.audit,
    links: new DynamoLinkStore(scratch.local.clients.dynamo, scratch.config.table),
    maxUploadBytes: 1 << 20,
  });
  return { archive, reads };
}

/** The object a document's JSON is read from: its own, or its batch's pack. */
async function jsonObjectOf(id: string): Promise<string> {
  const record = await scratch.archive.catalog.get(id);
  return record?.json?.pack ?? documentKey(id);
}

const ids = async (archive: Archive, kind: 'copy' | 'story', id: string) =>
  (await archive.links!.links(kind, id, 20)).map((link) => link.id);

describe('fingerprints filed with the band keys', () => {
  it('link a copy and a same-story report in another process without reading the archived JSON', async () => {
    const report = readSeed('embassy-protest-report.txt');
    const first = linkingProcess(scratch);
    const [archived] = await ingestBatch(first.archive, [upload(report, 'Azerbaijan files protest')]);
    if (!archived.ok) throw archived.error;
    const id = archived.result.id;
    expect((await first.archive.links!.fingerprints([id])).get(id)?.byteLength).toBeGreaterThan(100);

    const second = linkingProcess(scratch);
    // Its index reads the archived JSON once, to index it; its cache of documents then forgets it,
    // as a busy process's would, so that only the fingerprints can spare a read.
    await second.archive.index.current();
    second.archive.documents.forget(id);
    second.reads.clear();
    const outcomes = await ingestBatch(second.archive, [
      upload(`${report}\n\nThis article was syndicated.`, 'Embassy protest (wire copy)'),
      upload(readSeed('embassy-protest-analysis.txt'), 'Baku demands answers', '2025-11-15'),
    ]);
    const [copy, analysis] = outcomes.map((outcome) => (outcome.ok ? outcome.result.id : ''));
    expect(await ids(second.archive, 'copy', copy)).toEqual([id]);
    expect(await ids(second.archive, 'copy', id)).toContain(copy);
    expect(await ids(second.archive, 'story', analysis)).toContain(id);
    expect(second.reads.get(await jsonObjectOf(id)) ?? 0).toBe(0);
  }, 60_000);

  it('find a document filed without them from its text, and are dropped with a delete', async () => {
    const text = Array.from(
      { length: 40 },
      (_, i) => `Harbour ${i} of Portmere reopened its ferry pier after the storm, crew ${i * 7} said.`,
    ).join(' ');
    // Archived by a process without a link store, then filed as before fingerprints were stored.
    const [old] = await ingestBatch(processOn(scratch), [upload(text, 'Portmere pier reopens')]);
    if (!old.ok) throw old.error;
    const links = new DynamoLinkStore(scratch.local.clients.dynamo, scratch.config.table);
    await links.file(old.result.id, bandKeysOf({ text }));
    expect((await links.fingerprints([old.result.id])).size).toBe(0);

    const later = linkingProcess(scratch);
    const [copy] = await ingestBatch(later.archive, [upload(`${text} Ferries run hourly.`, 'Pier open again')]);
    if (!copy.ok) throw copy.error;
    expect(await ids(later.archive, 'copy', copy.result.id)).toEqual([old.result.id]);
    expect(later.reads.get(await jsonObjectOf(old.result.id))).toBeGreaterThan(0);

    await deleteDocument(later.archive, copy.result.id);
    expect((await links.fingerprints([copy.result.id])).size).toBe(0);
    expect(await ids(later.archive, 'copy', old.result.id)).toEqual([]);
  }, 60_000);

  it('are filed again by reindex for a document no band key holds (an older layout, a killed batch)', async () => {
    const text = Array.from(
      { length: 40 },
      (_, i) => `Quarry ${i} near Eskdale closed its gates after the flood, foreman ${i * 3} said.`,
    ).join(' ');
    // Archived by a process without a link store: in the archive and the index, under no band key.
    const [old] = await ingestBatch(processOn(scratch), [upload(text, 'Eskdale quarry closes')]);
    if (!old.ok) throw old.error;
    const links = new DynamoLinkStore(scratch.local.clients.dynamo, scratch.config.table);
    expect(await links.candidates(bandKeysOf({ text }))).toEqual([]);

    const later = linkingProcess(scratch);
    await reindexArchive(later.archive);
    expect(await links.candidates(bandKeysOf({ text }))).toEqual([old.result.id]);
    const [copy] = await ingestBatch(later.archive, [upload(`${text} The road stays open.`, 'Quarry shut')]);
    if (!copy.ok) throw copy.error;
    expect(await ids(later.archive, 'copy', copy.result.id)).toEqual([old.result.id]);
  }, 60_000);
});
