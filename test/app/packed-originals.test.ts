/**
 * The bulk path packs a batch's originals and their documents' JSON into one object
 * (`core/original-pack.ts`): each original is still served byte-exact on its own, each document
 * read, searched and deleted on its own (the pack goes with its last document), checked by
 * `verify`, and finished or rolled back by the sweep after a crash.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deleteDocument } from '../../functions/app/delete-document.ts';
import { ingestBatch } from '../../functions/app/ingest-batch.ts';
import { ingestDocument, prepareDocument } from '../../functions/app/ingest-document.ts';
import { settleStaleClaims, CLAIM_LEASE_MS } from '../../functions/app/settle-claims.ts';
import { sweepUnusedPacks, UNUSED_PACK_AGE_MS, verifyArchive } from '../../functions/app/verify-archive.ts';
import { buildPack } from '../../functions/core/original-pack.ts';
import { documentKey, packKey, PACK_PREFIX } from '../../functions/core/storage-keys.ts';
import { makePdf } from '../fixtures/formats/make-pdf.ts';
import { getJson, processOn, useScratchArchive } from '../helpers/scratch-archive.ts';

const scratch = useScratchArchive();
const encode = (text: string) => new TextEncoder().encode(text);

async function packKeys(): Promise<string[]> {
  const keys: string[] = [];
  for await (const object of scratch.archive.blobs.list(PACK_PREFIX)) keys.push(object.key);
  return keys;
}

async function originalBytes(id: string): Promise<Uint8Array> {
  const response = await scratch.app.request(`/api/documents/${id}/original`);
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

describe('packed originals', () => {
  it('serves each original of a batch byte-exact from one pack, deletes each alone, and drops the pack with the last', async () => {
    const pdf = makePdf({ pages: [['The pier reopened on Friday.', '', 'Divers checked every pile.']] });
    const files = [
      {
        bytes: encode('Tide tables for 𓃠 Port Ellen were printed.\r\n"High water at six," the harbour master said.'),
        contentType: 'text/plain',
      },
      {
        bytes: encode('<html><body><p>The ferry timetable changed on Monday.</p></body></html>'),
        contentType: 'text/html',
      },
      { bytes: pdf, contentType: 'application/pdf' },
    ];
    const before = await packKeys();
    const outcomes = await ingestBatch(
      scratch.archive,
      [...files, files[0]].map((file) => ({ file })),
    );
    const ids = outcomes.map((o) => (o.ok ? o.result.id : ''));
    expect(outcomes.map((o) => o.ok && o.result.duplicate)).toEqual([false, false, false, true]);
    // The location is the archive's business: no answer carries it.
    for (const o of outcomes) expect(o.ok && 'original' in o.result).toBe(false);
    const packs = (await packKeys()).filter((key) => !before.includes(key));
    expect(packs).toHaveLength(1);
    for (const [n, file] of files.entries()) {
      const record = await scratch.archive.catalog.get(ids[n]);
      expect(record?.original?.pack).toBe(packs[0]);
      expect(record?.json?.pack).toBe(packs[0]);
      expect(await scratch.archive.blobs.get(`originals/${ids[n]}`)).toBeNull();
      expect(await scratch.archive.blobs.get(documentKey(ids[n]))).toBeNull();
      expect(await originalBytes(ids[n])).toEqual(file.bytes);
    }
    // Each document read from its range of the pack, by a process that has not cached it.
    const reader = processOn(scratch);
    const ferry = (await reader.documents.get(ids[1]))!;
    expect(ferry.text).toContain('The ferry timetable changed on Monday.');
    const shown = await getJson(scratch.app, `/api/documents/${ids[1]}`);
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ id: ids[1], text: ferry.text });
    expect(shown.body).not.toHaveProperty('original');
    expect(shown.body).not.toHaveProperty('json');
    const found = await getJson(scratch.app, `/api/search?q=${encodeURIComponent('"divers checked every pile"')}`);
    expect((found.body as { results: Array<{ id: string }> }).results.map((r) => r.id)).toEqual([ids[2]]);
    expect((await verifyArchive(scratch.archive)).problems).toEqual([]);

    // A single upload keeps its own object; a later batch with its text is its duplicate.
    const single = await ingestDocument(scratch.archive, {
      file: { bytes: encode('The lighthouse keeper retired after forty years.'), contentType: 'text/plain' },
    });
    expect(await scratch.archive.blobs.get(`originals/${single.id}`)).not.toBeNull();
    const again = await ingestBatch(scratch.archive, [
      { file: { bytes: encode('The lighthouse keeper retired after forty years.'), contentType: 'text/plain' } },
    ]);
    expect(again[0].ok && again[0].result).toMatchObject({ id: single.id, duplicate: true });
    expect(again[0].ok && 'original' in again[0].result).toBe(false);

    await deleteDocument(scratch.archive, ids[0]);
    expect((await getJson(scratch.app, `/api/documents/${ids[0]}/original`)).status).toBe(404);
    expect((await getJson(scratch.app, `/api/documents/${ids[0]}`)).status).toBe(404);
    expect(await processOn(scratch).documents.get(ids[0])).toBeNull();
    expect(await packKeys()).toContain(packs[0]);
    expect(await originalBytes(ids[2])).toEqual(pdf);
    expect((await processOn(scratch).documents.get(ids[2]))?.text).toContain('Divers checked every pile.');
    // The two others at once: whichever looks last sees the pack unused and deletes it.
    await Promise.all([deleteDocument(scratch.archive, ids[1]), deleteDocument(scratch.archive, ids[2])]);
    expect(await packKeys()).not.toContain(packs[0]);
    expect((await verifyArchive(scratch.archive)).problems).toEqual([]);
  }, 90_000);

  it('lets the sweep finish a cut-off packed ingest whose pack was written, and roll back one whose pack was not or was cut short', async () => {
    const now = new Date();
    const texts = [
      'The quay wall was repaired in March.',
      'Two new cranes arrived at the dock.',
      'The harbour dredger sank at its mooring.',
    ];
    const prepared = await Promise.all(
      texts.map((text) => prepareDocument({ file: { bytes: encode(text), contentType: 'text/plain' } }, now)),
    );
    const bytes = texts.map(encode);
    const [written, neverWritten, cutShort] = texts.map(() => packKey(randomUUID()));
    const pack = buildPack(prepared.map((d, n) => ({ id: d.id, bytes: bytes[n], json: encode(JSON.stringify(d)) })));
    // What killed batches leave: all claimed and logged with their originals and JSON in a pack;
    // one pack stored, one never, one cut off before the last document's JSON ends.
    for (const [n, document] of prepared.entries()) {
      const { text: _t, paragraphs: _p, quotes: _q, ...metadata } = document;
      const key = [written, neverWritten, cutShort][n];
      const json = { pack: key, start: pack.jsonStarts[n], size: encode(JSON.stringify(document)).byteLength };
      const claim = await scratch.archive.catalog.claim(
        { ...metadata, original: { pack: key, start: pack.starts[n] }, json },
        { token: randomUUID(), leaseMs: CLAIM_LEASE_MS },
      );
      expect(claim.claimed).toBe(true);
    }
    await scratch.archive.blobs.put(written, pack.body, 'application/octet-stream');
    await scratch.archive.blobs.put(
      cutShort,
      pack.body.subarray(0, pack.body.byteLength - 1),
      'application/octet-stream',
    );
    await scratch.archive.log.appendBatch(prepared.map((d) => ({ op: 'add' as const, id: d.id })));

    // A lease of 0: the claims count as dead at once, as they would after CLAIM_LEASE_MS.
    const settled = await settleStaleClaims(scratch.archive, { leaseMs: 0, ids: prepared.map((d) => d.id) });
    expect(settled).toEqual({ finished: [prepared[0].id], rolledBack: [prepared[1].id, prepared[2].id] });
    expect(await originalBytes(prepared[0].id)).toEqual(bytes[0]);
    expect((await getJson(scratch.app, `/api/documents/${prepared[0].id}`)).body).toMatchObject({ text: texts[0] });
    expect(await scratch.archive.catalog.get(prepared[1].id)).toBeNull();
    expect(await scratch.archive.catalog.get(prepared[2].id)).toBeNull();
    // The cut-off pack went with its rollback: no record uses it.
    expect(await packKeys()).not.toContain(cutShort);
    expect((await verifyArchive(scratch.archive)).problems).toEqual([]);

    // A pack a crash left with no record using it: verify names it once it is old, --settle deletes it.
    const leftover = packKey(randomUUID());
    await scratch.archive.blobs.put(leftover, pack.body, 'application/octet-stream');
    const later = new Date(Date.now() + UNUSED_PACK_AGE_MS);
    expect((await verifyArchive(scratch.archive)).problems).toEqual([]);
    expect((await verifyArchive(scratch.archive, later)).problems).toEqual([
      { key: leftover, problem: 'a pack of originals no document’s metadata uses' },
    ]);
    expect(await sweepUnusedPacks(scratch.archive, later)).toEqual([leftover]);
    expect(await packKeys()).not.toContain(leftover);
    expect(await packKeys()).toContain(written);
  }, 90_000);
});
