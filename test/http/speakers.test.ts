import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, postJson, useScratchArchive } from '../helpers/scratch-archive.ts';

/** Invented for this test: one person under three forms of the name, over three days. */
const articles = [
  {
    title: 'Night of drones over <i>Kyiv</i>',
    publisher: 'Harbour <b>Post</b>',
    publishedAt: '2024-05-01',
    text: '"We will rebuild every house that was hit tonight," President Volodymyr Zelenskyy said on Monday. The city council met in the afternoon.',
  },
  {
    title: 'Grain corridor reopens',
    publisher: 'Valley Courier',
    publishedAt: '2024-05-03',
    text: '"The ships are moving again and the ports are open," Mr Zelensky said. Traders welcomed the news.',
  },
  {
    title: 'Winter energy plan',
    publisher: 'Valley Courier',
    publishedAt: '2024-05-02',
    text: '"No family will be left without heating this winter," Zelenskiy told reporters. The plan costs two billion.',
  },
];

const scratch = useScratchArchive();
beforeAll(async () => {
  for (const article of articles) expect((await postJson(scratch.app, '/api/documents', article)).status).toBe(201);
});

const suggest = (q: string) => getJson(scratch.app, `/api/suggest?q=${encodeURIComponent(q)}`);

describe('GET /api/suggest', () => {
  it('suggests one entry per person, variants joined, and publishers', async () => {
    const { status, body } = await suggest('zelen');
    expect(status).toBe(200);
    expect(body.speakers).toHaveLength(1);
    expect(body.speakers[0].count).toBe(3);
    expect(body.speakers[0].name).toMatch(/Zelensk/);
    expect((await suggest('valley')).body.publishers).toEqual([{ name: 'Valley Courier', count: 2 }]);
    expect((await suggest('zelemsky')).body.speakers).toHaveLength(1);
  });

  it('rejects an empty or a 1,000-character q with a JSON 400', async () => {
    for (const q of ['', 'z'.repeat(1000)]) {
      const { status, body } = await suggest(q);
      expect(status).toBe(400);
      expect(body.error.code).toBe('bad_request');
      expect(body.error.message).toMatch(/character/);
    }
    expect((await getJson(scratch.app, '/api/suggest')).status).toBe(400);
  });
});

describe('GET /api/speakers/{name} and /speakers/{name}', () => {
  it('lists every quote of the person under any form of the name, newest first', async () => {
    const { status, body } = await getJson(scratch.app, `/api/speakers/${encodeURIComponent('Mr Zelensky')}`);
    expect(status).toBe(200);
    expect(body.quotes.map((q: { document: { publishedAt: string } }) => q.document.publishedAt.slice(0, 10))).toEqual([
      '2024-05-03',
      '2024-05-02',
      '2024-05-01',
    ]);
    expect(body.quotes[0].text).toMatch(/^The ships are moving again and the ports are open/);
    expect(body.quotes[0].permalink).toMatch(/^http:\/\/localhost\/documents\/[0-9a-f]{16}\?at=\d+-\d+#/);
    expect(body.variants).toHaveLength(3);
  });

  it('answers an unknown speaker with a JSON 404, and a page 404 that escapes the name', async () => {
    const { status, body } = await getJson(scratch.app, '/api/speakers/Nobody%20Here');
    expect(status).toBe(404);
    expect(body.error.code).toBe('not_found');
    const response = await scratch.app.request(`/speakers/${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;script&gt;');
  });

  it('shows the page with articles, dates and permalinks, markup escaped', async () => {
    const response = await scratch.app.request('/speakers/Zelenskiy');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Night of drones over &lt;i&gt;Kyiv&lt;/i&gt;');
    expect(html).toContain('Harbour &lt;b&gt;Post&lt;/b&gt;');
    expect(html).not.toContain('<i>Kyiv');
    expect(html.match(/class="speaker-quote"/g)).toHaveLength(3);
    expect(html).toMatch(/href="\/documents\/[0-9a-f]{16}\?at=\d+-\d+#/);
  });
});

describe('speaker links', () => {
  it('links speaker names on the document page to their speaker page', async () => {
    const { body } = await getJson(scratch.app, '/api/search?q=ships');
    const html = await (await scratch.app.request(`/documents/${body.results[0].id}`)).text();
    expect(html).toContain('href="/speakers/Zelensky"');
  });
});
