import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { harbourArticle, protestArticle } from '../fixtures/articles.ts';
import { postJson, useScratchArchive } from '../helpers/scratch-archive.ts';

const scratch = useScratchArchive();
const ids: Record<string, string> = {};
const hostile = {
  title: '=HYPERLINK("https://evil.example","click") {Braces} & 100% “curly”',
  publisher: 'Sonderzeichen Zeitung',
  author: 'Zoë Ærø and BBC News',
  publishedAt: '2023-11',
  text: 'A harbour story with a formula-like title, braces and percent signs.',
};

beforeAll(async () => {
  for (const [name, article] of Object.entries({ harbourArticle, protestArticle, hostile })) {
    ids[name] = (await postJson(scratch.app, '/api/documents', article)).body.id;
  }
});

const get = (path: string) => scratch.app.request(path);

describe('GET /api/documents/{id}/citation', () => {
  it('gives BibTeX that a BibTeX reader parses back to the same facts', async () => {
    const response = await get(`/api/documents/${ids.harbourArticle}/citation?format=bibtex`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-bibtex; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="verbatim-${ids.harbourArticle}.bib"`,
    );
    const [entry] = new Cite(await response.text()).data;
    expect(entry.title).toBe(harbourArticle.title);
    expect(entry.URL).toBe(harbourArticle.url);
    expect(entry['container-title']).toBe('The Test Gazette');
    expect(entry.author).toEqual([{ given: 'Jane', family: 'Reporter' }]);
    expect(entry.issued).toEqual({ 'date-parts': [[2024, 3, 2]] });
    expect(String(entry.note)).toContain(ids.harbourArticle);
  });

  it('gives RIS and CSL-JSON that their readers take', async () => {
    const ris = await get(`/api/documents/${ids.protestArticle}/citation?format=ris`);
    expect(ris.headers.get('content-type')).toBe('application/x-research-info-systems; charset=utf-8');
    const [risEntry] = new Cite(await ris.text()).data;
    expect(risEntry).toMatchObject({
      title: protestArticle.title,
      type: 'article-newspaper',
      'container-title': 'Northern Wire',
    });
    const csl = await get(`/api/documents/${ids.protestArticle}/citation?format=csl-json`);
    const [item] = JSON.parse(await csl.text());
    expect(item).toMatchObject({
      type: 'article-newspaper',
      title: protestArticle.title,
      issued: { 'date-parts': [[2024, 5, 14]] },
    });
    expect(item.archive_location).toMatch(new RegExp(`/documents/${ids.protestArticle}$`));
  });

  it('keeps special characters and names intact through BibTeX, and an organisation as one name', async () => {
    const text = await (await get(`/api/documents/${ids.hostile}/citation?format=bibtex`)).text();
    const [entry] = new Cite(text).data;
    expect(entry.title).toBe(hostile.title);
    // BibTeX keeps an organisation as one braced name, which readers take back as a single family name.
    expect(entry.author).toEqual([{ given: 'Zoë', family: 'Ærø' }, { family: 'BBC News' }]);
    expect(entry.issued).toEqual({ 'date-parts': [[2023, 11]] });
  });

  it('answers unknown documents and formats with a JSON error', async () => {
    const missing = await get('/api/documents/0000000000000000/citation');
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('not_found');
    const bad = await get(`/api/documents/${ids.harbourArticle}/citation?format=docx`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('bad_request');
  });
});

describe('GET /api/search/export', () => {
  it('exports a result page as CSV that a CSV reader parses, with formula cells defused', async () => {
    const response = await get('/api/search/export?q=harbour&format=csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows: Record<string, string>[] = parseCsv(await response.text(), { columns: true });
    expect(rows.map((row) => row.id).sort()).toEqual([ids.harbourArticle, ids.hostile].sort());
    const harbour = rows.find((row) => row.id === ids.harbourArticle)!;
    expect(harbour).toMatchObject({ title: harbourArticle.title, publishedAt: '2024-03-02', url: harbourArticle.url });
    expect(harbour.permalink).toMatch(new RegExp(`/documents/${ids.harbourArticle}$`));
    expect(harbour.passage.toLowerCase()).toContain('harbour');
    expect(harbour.passagePermalink).toMatch(/\?at=\d+-\d+&hl=harbour#at$/);
    expect(rows.find((row) => row.id === ids.hostile)!.title).toBe(`'${hostile.title}`);
    expect(rows.map((row) => row.rank)).toEqual(['1', '2']);
  });

  it('exports JSON Lines and citations for the same page, in rank order', async () => {
    const jsonl = await (await get('/api/search/export?q=harbour&format=jsonl')).text();
    const lines = jsonl
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(2);
    expect(lines[0].passages[0].text.length).toBeGreaterThan(0);
    const bibtex = await (await get('/api/search/export?q=harbour&format=bibtex')).text();
    expect(new Cite(bibtex).data.map((entry) => entry.title)).toEqual(lines.map((line) => line.title));
  });

  it('refuses a bad query or format with a JSON error', async () => {
    const bad = await get('/api/search/export?q=harbour&format=xlsx');
    expect(bad.status).toBe(400);
    const tooMany = await get('/api/search/export?q=harbour&limit=1000');
    expect(tooMany.status).toBe(400);
  });
});
