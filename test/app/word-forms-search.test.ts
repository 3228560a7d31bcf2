import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../../functions/app/ingest-document.ts';
import { searchArchive } from '../../functions/app/search-archive.ts';
import { useScratchArchive } from '../helpers/scratch-archive.ts';

const scratch = useScratchArchive();
const encoder = new TextEncoder();

const REPORT =
  'Azerbaijan protests to Embassy\n\nThe Embassy of Azerbaijan lodged a strong protest. Officials at the embassy said the protest was delivered on Monday.';
const ROUNDUP = 'Embassies close for the holiday\n\nSeveral embassies closed early. Staff protested about the hours.';
const WEATHER = 'Rain over the harbour\n\nThe harbour stayed calm despite the wind.';

async function fill(): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const [name, text] of Object.entries({ REPORT, ROUNDUP, WEATHER })) {
    const result = await ingestDocument(scratch.archive, {
      file: { bytes: encoder.encode(text), contentType: 'text/plain' },
      metadata: { title: text.split('\n')[0], publisher: 'Test Wire' },
    });
    ids.set(result.id, name);
  }
  return ids;
}

const search = (q: string) => searchArchive(scratch.archive, { q, limit: 10, offset: 0 });

describe('searching for word forms', () => {
  it('finds the embassy for "embassies", marks the words as written, and ranks the exact form first', async () => {
    const names = await fill();
    const page = await search('embassies');
    expect(page.results.map((r) => names.get(r.id))).toEqual(['ROUNDUP', 'REPORT']);
    const report = page.results[1];
    const text = (await scratch.archive.documents.get(report.id))!.text;
    const marked = report.passages.flatMap((p) => p.highlights.map(([s, e]) => text.slice(s, e)));
    expect(marked.length).toBeGreaterThan(0);
    expect(new Set(marked)).toEqual(new Set(['Embassy', 'embassy']));
    const singular = await search('embassy');
    expect(singular.results.map((r) => names.get(r.id))).toEqual(['REPORT', 'ROUNDUP']);
  }, 60_000);

  it('keeps =word, a one-word "phrase" and longer phrases exact', async () => {
    const names = await fill();
    for (const q of ['=embassies', '"embassies"']) {
      const page = await search(q);
      expect(page.results.map((r) => names.get(r.id))).toEqual(['ROUNDUP']);
      expect(page.total).toBe(1);
    }
    const phrase = await search('"strong protests"');
    expect(phrase.total).toBe(0);
    const exactPhrase = await search('"strong protest"');
    expect(exactPhrase.results.map((r) => names.get(r.id))).toEqual(['REPORT']);
    expect(exactPhrase.totalExact).toBe(true);
  }, 60_000);

  it('matches verb forms and excludes a word in all its forms', async () => {
    const names = await fill();
    expect((await search('protesting')).results.map((r) => names.get(r.id)).sort()).toEqual(['REPORT', 'ROUNDUP']);
    expect((await search('embassy -protested')).total).toBe(0);
    expect((await search('embassy -=protested')).results.map((r) => names.get(r.id))).toEqual(['REPORT']);
  }, 60_000);
});
