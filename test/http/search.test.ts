import { beforeAll, describe, expect, it } from 'vitest';
import { compactIndex } from '../../functions/app/compact-index.ts';
import { searchArchive } from '../../functions/app/search-archive.ts';
import { harbourArticle, protestArticle, shuffledArticle } from '../fixtures/articles.ts';
import { getJson, postJson, processOn, useScratchArchive } from '../helpers/scratch-archive.ts';

const scratch = useScratchArchive();
const ids: Record<string, string> = {};

beforeAll(async () => {
  for (const [name, article] of Object.entries({ harbourArticle, protestArticle, shuffledArticle })) {
    ids[name] = (await postJson(scratch.app, '/api/documents', article)).body.id;
  }
});

const search = (q: string, extra = '') => getJson(scratch.app, `/api/search?q=${encodeURIComponent(q)}${extra}`);

describe('GET /api/search', () => {
  it('finds documents by keyword, with passages whose offsets point into the document text', async () => {
    const { status, body } = await search('harbour bridge');
    expect(status).toBe(200);
    expect(body.total).toBe(1);
    const [hit] = body.results;
    expect(hit).toMatchObject({
      id: ids.harbourArticle,
      title: harbourArticle.title,
      publisher: 'The Test Gazette',
      publishedAt: '2024-03-02',
    });
    expect(hit.score).toBeGreaterThan(0);
    expect(typeof body.tookMs).toBe('number');
    const document = (await getJson(scratch.app, `/api/documents/${hit.id}`)).body;
    expect(hit.passages.length).toBeGreaterThan(0);
    for (const passage of hit.passages) {
      expect(document.text.slice(passage.start, passage.end)).toBe(passage.text);
      for (const [s, e] of passage.highlights) {
        expect(s).toBeGreaterThanOrEqual(passage.start);
        expect(e).toBeLessThanOrEqual(passage.end);
        expect(document.text.slice(s, e).toLowerCase()).toMatch(/^(harbour|bridge)/);
      }
    }
  });

  it('treats double-quoted words as a phrase, verified on the stored text', async () => {
    const bag = await search('strong protest expressed');
    expect(bag.body.results.map((r: { id: string }) => r.id).sort()).toEqual(
      [ids.protestArticle, ids.shuffledArticle].sort(),
    );
    const phrase = await search('"strong protest was expressed"');
    expect(phrase.body.total).toBe(1);
    expect(phrase.body.results[0].id).toBe(ids.protestArticle);
    const [passage] = phrase.body.results[0].passages;
    const [[s, e]] = passage.highlights;
    expect(passage.text.slice(s - passage.start, e - passage.start)).toBe('strong protest was expressed');
    expect(phrase.body.results[0].quotes[0].text).toContain('a strong protest was expressed');
    expect(phrase.body.results[0].quotes[0].speaker).toMatch(/ministry/i);
  });

  it('supports -exclusions, OR and publisher:', async () => {
    expect((await search('consulate')).body.total).toBe(2);
    expect((await search('consulate -garden -ambassador')).body.total).toBe(0);
    expect((await search('consulate -ambassador')).body.results[0].id).toBe(ids.shuffledArticle);
    expect((await search('ribbon OR ambassador')).body.total).toBe(2);
    expect((await search('bridge publisher:"Northern Wire"')).body.total).toBe(0);
    expect((await search('consulate publisher:"northern wire"')).body.total).toBe(2);
  });

  it('finds amounts and possessives whatever the currency sign or apostrophe', async () => {
    const created = await postJson(scratch.app, '/api/documents', {
      title: 'Budget',
      text: 'The treasury’s plan would raise £10bn in taxes, while shares rose $6.3 on Monday.',
    });
    for (const q of ['10bn', '£10bn', '"raise £10bn in taxes"', '"rose $6.3 on Monday"', '"treasury\'s plan"']) {
      expect(
        (await search(q)).body.results.map((r: { id: string }) => r.id),
        q,
      ).toEqual([created.body.id]);
    }
  });

  it('pages with limit and offset', async () => {
    const all = (await search('consulate')).body;
    const second = (await search('consulate', '&limit=1&offset=1')).body;
    expect(second.total).toBe(all.total);
    expect(second.results).toHaveLength(1);
    expect(second.results[0].id).toBe(all.results[1].id);
  });

  it.each([
    ['an empty query', '?q=', /empty/],
    ['a missing query', '', /q/],
    ['an absurdly long query', `?q=${'word '.repeat(400)}`, /limit is 1000/],
    ['only exclusions', '?q=-harbour', /no words/],
    ['a limit over 100', '?q=harbour&limit=500', /limit/],
    ['a negative offset', '?q=harbour&offset=-1', /offset/],
  ])('rejects %s with 400', async (_name, query, message) => {
    const { status, body } = await getJson(scratch.app, `/api/search${query}`);
    expect(status).toBe(400);
    expect(body.error.message).toMatch(message);
  });
});

describe('freshness', () => {
  it('finds a new document on the very next request, with or without a new snapshot', async () => {
    await compactIndex(scratch.archive);
    const created = await postJson(scratch.app, '/api/documents', {
      title: 'Lighthouse keeper retires',
      text: 'The last lighthouse keeper of Gull Point retired on Sunday after forty years.',
    });
    expect((await search('lighthouse keeper')).body.results[0].id).toBe(created.body.id);
    // A cold reader (another Lambda container) loads the older snapshot, then replays the log.
    const cold = processOn(scratch);
    const page = await searchArchive(cold, { q: 'lighthouse keeper', limit: 10, offset: 0 });
    expect(page.results.map((r) => r.id)).toEqual([created.body.id]);
    expect((await searchArchive(cold, { q: 'harbour', limit: 10, offset: 0 })).total).toBe(1);
  });
});
