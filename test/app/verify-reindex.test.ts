import { describe, expect, it } from 'vitest';
import { compactIndex } from '../../functions/app/compact-index.ts';
import { reindexArchive } from '../../functions/app/reindex-archive.ts';
import { searchArchive } from '../../functions/app/search-archive.ts';
import { findQuotes } from '../../functions/app/find-quotes.ts';
import { verifyArchive } from '../../functions/app/verify-archive.ts';
import { postJson, processOn, useScratchArchive } from '../helpers/scratch-archive.ts';
import { runIngestChild } from '../crash/run-ingest-child.ts';

const scratch = useScratchArchive();
const anotherProcess = () => processOn(scratch);

const towns = ['Arden', 'Bexley', 'Corran', 'Dunmore', 'Elstow', 'Fenwick', 'Garth', 'Hollin'];
const topics = ['bridge', 'school', 'ferry', 'library', 'market', 'harbour'];
const articles = towns.flatMap((town, t) =>
  topics.map((topic, p) => ({
    title: `${town} ${topic} plan approved`,
    publisher: t % 2 ? 'Valley Courier' : 'Weekly Review',
    publishedAt: `202${t % 4}-0${1 + (p % 9)}-1${p % 9}`,
    text: `The ${topic} in ${town} will be rebuilt by ${2030 + t}. "We waited ${t + p + 2} years for this ${topic}," councillor ${town} Reyes said. Residents welcomed the ${topic} plan.`,
  })),
);
const queries = [
  'bridge',
  'ferry Arden',
  '"rebuilt by 2031"',
  'plan -school',
  'library OR market',
  'speaker:"Garth Reyes"',
  'year:2021 harbour',
];

async function answers(archive = anotherProcess()) {
  const search = await Promise.all(
    queries.map(async (q) =>
      (await searchArchive(archive, { q, limit: 100, offset: 0 })).results.map((r) => [r.id, r.score]),
    ),
  );
  const quotes = (await findQuotes(archive, { q: 'We waited 9 years for this ferry', limit: 5 })).results.map(
    (r: any) => [r.document.id, r.score],
  );
  return { search, quotes };
}

describe('verify and reindex', () => {
  it('finds nothing wrong in a whole archive, and reindex gives the same answers from a new snapshot', async () => {
    for (let from = 0; from < articles.length; from += 8) {
      const posted = await Promise.all(
        articles.slice(from, from + 8).map((article) => postJson(scratch.app, '/api/documents', article)),
      );
      expect(posted.map((p) => p.status)).toEqual(posted.map(() => 201));
    }
    const deleted = (await postJson(scratch.app, '/api/documents', { text: 'A notice that is withdrawn later.' })).body
      .id;
    expect((await scratch.app.request(`/api/documents/${deleted}`, { method: 'DELETE' })).status).toBe(204);
    await compactIndex(anotherProcess());
    const report = await verifyArchive(anotherProcess());
    expect(report).toMatchObject({ documents: articles.length, indexed: articles.length, problems: [] });

    const before = await answers();
    expect(before.search.every((r) => r.length > 0)).toBe(true);
    const old = await scratch.archive.manifest.get();
    const result = await reindexArchive(anotherProcess(), { shardDocuments: 20 });
    expect(result).toMatchObject({ documents: articles.length, shards: 3, version: old!.version + 1 });
    const manifest = await scratch.archive.manifest.get();
    expect(manifest!.shards.some((s) => old!.shards.some((o) => o.key === s.key))).toBe(false);
    expect(await answers()).toEqual(before);
    expect((await verifyArchive(anotherProcess())).problems).toEqual([]);
  }, 120_000);

  it('names each kind of damage: tampered original, missing document, stray object, cut-off ingest', async () => {
    const [a, b] = articles.slice(0, 2).map((article) => article.text);
    const ids = await Promise.all(
      [a, b].map(async (text) => (await postJson(scratch.app, '/api/documents', { text })).body.id ?? ''),
    );
    // Both already archived above (the same text), so these answer with the existing ids.
    await scratch.archive.blobs.put(`originals/${ids[0]}`, 'tampered', 'text/plain');
    await scratch.archive.blobs.delete(`documents/${ids[1]}.json`);
    await scratch.archive.blobs.put('documents/ffffffffffffffff.json', '{}', 'application/json');
    const crashed = await runIngestChild(
      scratch.config,
      [{ title: 'Cut off', text: 'The ingest of this notice was cut off midway.' }],
      { crashAfterLog: 1 },
    );
    expect(crashed.signal).toBe('SIGKILL');
    const later = new Date(Date.now() + 60_000);
    const problems = (await verifyArchive(anotherProcess(), later)).problems.map(
      (p) => `${p.id ?? p.key}: ${p.problem}`,
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        `${ids[0]}: the original does not match its SHA-256`,
        `${ids[1]}: the normalised document is missing`,
        'documents/ffffffffffffffff.json: an object no document’s metadata accounts for',
        expect.stringMatching(/^[0-9a-f]{16}: a cut-off ingest, pending since /),
      ]),
    );
    expect(problems).toHaveLength(4);
  }, 120_000);
});
