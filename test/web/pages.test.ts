/**
 * The pages without a browser: rendered through `app.request`, as a no-JavaScript client sees them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { PAGE_CSP } from '../../functions/http/routes/web-routes.ts';
import { harbourArticle, protestArticle, shuffledArticle } from '../fixtures/articles.ts';
import { postJson, useScratchArchive } from '../helpers/scratch-archive.ts';
import { hostileArticle } from './xss-fixture.ts';

const TOKEN = 'web-view-test-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };
const scratch = useScratchArchive({ apiToken: TOKEN });
const ids: Record<string, string> = {};

async function page(path: string) {
  const response = await scratch.app.request(path);
  return { status: response.status, html: await response.text(), headers: response.headers };
}

describe('an empty archive', () => {
  it('explains how to add sources, under a strict CSP', async () => {
    const { status, html, headers } = await page('/');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/text\/html/);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('The archive is empty');
    expect(html).toContain('href="/upload"');
    const csp = headers.get('content-security-policy')!;
    expect(csp).toBe(PAGE_CSP);
    for (const directive of [
      "script-src 'self'",
      "style-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain('unsafe-inline');
  });
});

describe('with documents', () => {
  beforeAll(async () => {
    for (const [name, article] of Object.entries({ harbourArticle, protestArticle, shuffledArticle, hostileArticle })) {
      const created = await postJson(scratch.app, '/api/documents', article, auth);
      expect(created.status).toBe(201);
      ids[name] = created.body.id;
    }
  });

  it('searches with a plain GET form: results, marked matches, quotes, facets, total and time', async () => {
    const { status, html } = await page('/?q=harbour+bridge');
    expect(status).toBe(200);
    expect(html).toContain('<form class="search-form" role="search" action="/" method="get">');
    expect(html).toContain('value="harbour bridge"');
    expect(html).toMatch(/1–1 of 1 document/);
    expect(html).toMatch(/\d+ ms/);
    expect(html).toContain(`href="/documents/${ids.harbourArticle}?at=`);
    expect(html).toContain('<mark class="hit">harbour</mark>');
    expect(html).toContain('Ana Ruiz');
    expect(html).toContain('Narrow results');
    expect(html).toContain('href="/?q=harbour%20bridge%20year%3A2024"');
  });

  it('narrows by facet filters written into the query', async () => {
    expect((await page('/?q=consulate')).html).toMatch(/of 2 documents/);
    expect((await page('/?q=consulate+year%3A2024')).html).toMatch(/1–1 of 1 document/);
    const none = await page('/?q=consulate+year%3A2019');
    expect(none.html).toContain('No documents match');
    expect(none.html).toContain('Search without the filters');
    expect(none.html).toContain('href="/?q=consulate"');
  });

  it('suggests what to try when nothing matches', async () => {
    const { status, html } = await page('/?q=zebra+giraffe');
    expect(status).toBe(200);
    expect(html).toContain('No documents match “zebra giraffe”');
    expect(html).toContain('Match any of the words');
    expect(html).toContain('href="/?q=zebra%20OR%20giraffe"');
    expect(html).toContain('href="/quotes?q=zebra%20giraffe"');
    const phrase = await page('/?q=%22giraffe+harbour%22');
    expect(phrase.html).toContain('Search for the words in any order');
  });

  it('offers search-help examples from this archive: a phrase, a publisher and a speaker, each finding documents', async () => {
    const { html } = await page('/');
    const help = html.split('class="search-help"')[1].split('</details>')[0];
    const links = [...help.matchAll(/<a href="([^"]+)"><code>([^<]+)<\/code><\/a>/g)].map((m) => ({
      href: m[1].replaceAll('&amp;', '&'),
      q: decodeURIComponent(m[1].split('q=')[1]),
    }));
    const own = ['"', 'publisher:', 'speaker:'].map((prefix) => links.find((link) => link.q.startsWith(prefix))!);
    // The phrase is from the newest document, not the help's fixed '"strong protest was expressed"'.
    expect(own[0].q).not.toBe('"strong protest was expressed"');
    const newest = (await (await scratch.app.request(`/api/search?q=${encodeURIComponent(own[0].q)}`)).json()) as any;
    expect(newest.total).toBeGreaterThan(0);
    for (const { href, q } of own) expect((await page(href)).html, q).toMatch(/of \d+ documents?/);
  });

  it('shows why a query cannot run, with status 400', async () => {
    const { status, html } = await page('/?q=-harbour');
    expect(status).toBe(400);
    expect(html).toContain('That query could not be run');
    expect(html).toContain('no words to search for');
  });

  it('pages through results', async () => {
    const second = await page('/?q=the&page=2');
    expect(second.status).toBe(200);
    expect(second.html).not.toContain('class="result"');
  });

  it('renders a document with quotes anchored in place, the requested passage highlighted, a citation and the original', async () => {
    const document = (await (await scratch.app.request(`/api/documents/${ids.harbourArticle}`)).json()) as any;
    const quote = document.quotes.find((q: any) => q.speaker === 'Ana Ruiz');
    const { status, html } = await page(`/documents/${ids.harbourArticle}?at=${quote.start}-${quote.end}&hl=harbour`);
    expect(status).toBe(200);
    expect(html).toContain(`<h1 id="document-title">${harbourArticle.title}</h1>`);
    expect(html).toContain(`id="q-${quote.start}-${quote.end}"`);
    expect(html).toMatch(/<span class="target" id="at" tabindex="-1">/);
    expect(html).toContain('<mark class="hit">harbour</mark>');
    expect(html).toContain(
      `/documents/${ids.harbourArticle}?at=${quote.start}-${quote.end}#q-${quote.start}-${quote.end}`,
    );
    expect(html).toContain(document.originalSha256);
    expect(html).toContain(
      `href="/api/documents/${ids.harbourArticle}/original" download="verbatim-${ids.harbourArticle}.txt"`,
    );
    expect(html).toContain('href="https://example.org/harbour-bridge"');
    expect(html.match(/<p id="p-\d+">/g)).toHaveLength(document.paragraphs.length);
    for (const format of ['bibtex', 'ris', 'csl-json']) {
      expect(html).toContain(`href="/api/documents/${ids.harbourArticle}/citation?format=${format}" download`);
    }
  });

  it('shows a title repeated as the first paragraph once, without changing the text or its offsets', async () => {
    const title = '“Dam holds” after record rain';
    const text = `"Dam holds" after record rain.\n\n"The dam will hold," said Priya Natarajan, the chief engineer.\n\nWater levels fell by noon.`;
    const created = await postJson(scratch.app, '/api/documents', { title, text }, auth);
    const id = created.body.id;
    const document = (await (await scratch.app.request(`/api/documents/${id}`)).json()) as any;
    // Stored exactly as sent: the title line is still the text's first paragraph.
    expect(document.text.startsWith('"Dam holds" after record rain.')).toBe(true);
    expect(document.paragraphs[0]).toEqual({ start: 0, end: 30 });
    const quote = document.quotes.find((q: any) => q.speaker === 'Priya Natarajan');
    expect(document.text.slice(quote.start, quote.end)).toBe('The dam will hold,');

    const { html } = await page(`/documents/${id}`);
    const body = html.split('class="document__text"')[1].split('class="document__aside"')[0];
    expect(body).not.toContain('record rain'); // said once, by the heading
    expect(html).toMatch(/<h1 id="document-title">.*record rain\.<\/h1>/);
    expect(html).not.toContain('<p id="p-1">');
    expect(html).toContain('<p id="p-2">');
    expect(html).toContain(`id="q-${quote.start}-${quote.end}"`);

    // A permalink into the title line lands on the heading, which is that paragraph.
    const anchored = await page(`/documents/${id}?at=0-11`);
    expect(anchored.html).toMatch(/<h1 id="document-title"><span class="target" id="at" tabindex="-1">/);

    // A first paragraph that only starts like the title is text, and stays.
    const longer = await postJson(
      scratch.app,
      '/api/documents',
      { title: 'Dam holds', text: 'Dam holds after record rain.\n\nWater levels fell by noon.' },
      auth,
    );
    expect((await page(`/documents/${longer.body.id}`)).html).toContain('<p id="p-1">Dam holds after record rain.</p>');
  });

  it('links the result page to its exports, for the same query and page', async () => {
    const { html } = await page('/?q=harbour');
    for (const format of ['csv', 'jsonl', 'bibtex', 'ris', 'csl-json']) {
      expect(html).toContain(
        `href="/api/search/export?q=harbour&amp;offset=0&amp;limit=10&amp;format=${format}" download`,
      );
    }
  });

  it('ignores an `at` range outside the text', async () => {
    const { status, html } = await page(`/documents/${ids.harbourArticle}?at=5-999999`);
    expect(status).toBe(200);
    expect(html).not.toContain('id="at"');
  });

  it('lists documents on the same story', async () => {
    const related = await postJson(
      scratch.app,
      '/api/documents',
      {
        title: 'Harbour bridge repairs finished early',
        publisher: 'Other Paper',
        text: 'Crews finished the harbour bridge deck repairs on Friday, days early.',
      },
      auth,
    );
    const { html } = await page(`/documents/${ids.harbourArticle}`);
    expect(html).toContain('<h3>Same story</h3>');
    expect(html).toContain(`href="/documents/${related.body.id}"`);
  });

  it('answers an unknown document with an HTML 404 page', async () => {
    const missing = await page('/documents/0123456789abcdef');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/text\/html/);
    expect(missing.html).toContain('There is no document with id');
    expect((await page('/documents/not-an-id')).status).toBe(404);
  });

  it('escapes everything a document carries, everywhere it is shown', async () => {
    const pages = [
      await page(`/documents/${ids.hostileArticle}`),
      await page('/?q=payload'),
      await page(`/?q=${encodeURIComponent('payload publisher:"<b onmouseover=alert(3)>Evil Press</b>"')}`),
    ];
    for (const { html } of pages) {
      expect(html).not.toMatch(/<script>alert/);
      expect(html).not.toMatch(/<img src=x/);
      expect(html).not.toMatch(/<svg/);
      expect(html).not.toMatch(/<b onmouseover/);
      expect(html).not.toMatch(/href="javascript:/i);
      expect(html).not.toContain('<h1>headline injection</h1>');
      // Only our own script tag, loaded from /assets.
      expect(html.match(/<script/g)).toHaveLength(1);
    }
    const [document] = pages;
    expect(document.html).toContain(
      'Hostile &lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt; report',
    );
    expect(document.html).toContain('&lt;img src=x onerror=alert(7)&gt;');
    // The javascript: URL is shown as text, never as a link.
    expect(document.html).toContain('<span class="break">javascript:alert(5)</span>');
  });

  it('renders the upload page without any token in it', async () => {
    const { status, html } = await page('/upload');
    expect(status).toBe(200);
    expect(html).toContain('data-token-required="true"');
    expect(html).toContain('type="password"');
    expect(html).not.toContain(TOKEN);
    expect(html).toContain('<template id="upload-item-template">');
    expect(html).toContain('Uploading from this page needs JavaScript');
  });

  it('checks a quote on the server, with a verdict and a word diff', async () => {
    const { status, html } = await page(
      `/quotes?q=${encodeURIComponent('We rebuilt the deck much faster than anybody expected')}&speaker=Ruiz`,
    );
    expect(status).toBe(200);
    expect(html).toContain('value="Ruiz"');
    expect(html).toMatch(/class="badge badge--(good|warn|bad)"/);
    expect(html).toContain('class="diff"');
    expect(html).toMatch(/<del class="diff-added"/);
    expect(html).toContain('Ana Ruiz');
    expect(html).toContain(`href="/documents/${ids.harbourArticle}?at=`);
    // Each result offers its permalink and citation to copy, not only a title link.
    expect(html).toMatch(
      new RegExp(`<a href="/documents/${ids.harbourArticle}\\?at=\\d+-\\d+#at">Permalink to the passage</a>`),
    );
    expect(html).toMatch(new RegExp(`data-copy="http://localhost/documents/${ids.harbourArticle}\\?at=\\d+-\\d+#at"`));
    expect(html).toMatch(
      /data-copy="The Test Gazette\. &quot;Harbour bridge reopens after storm repairs&quot;\. 2 March 2024\./,
    );
  });

  it('survives a claim with no words in it', async () => {
    const { status, html } = await page('/quotes?q=%21%21%21+%E2%80%94+%3F');
    expect(status).toBe(200);
    expect(html).toContain('No original passage resembles this claim');
  });

  it('accepts a filter on its own: every document of a year', async () => {
    const { status, html } = await page('/?q=year%3A2024');
    expect(status).toBe(200);
    expect(html).toMatch(/of 2 documents/);
    expect(html).toContain('aria-current="true"');
    expect((await page('/?q=year%3A2024+-harbour')).html).toMatch(/1–1 of 1 document/);
    expect((await page('/?q=after%3Anonsense')).html).toContain('is not a date filter');
  });

  it('says when no passage resembles a claim', async () => {
    const { html } = await page('/quotes?q=zebras+are+migrating+across+the+tundra');
    expect(html).toContain('No original passage resembles this claim');
  });
});

describe('static files and the extract endpoint', () => {
  it('serves the stylesheet and script with their types, cacheable when versioned', async () => {
    const home = await page('/');
    const cssUrl = /href="(\/assets\/site\.css\?v=[0-9a-f]+)"/.exec(home.html)![1];
    const css = await scratch.app.request(cssUrl);
    expect(css.headers.get('content-type')).toMatch(/text\/css/);
    expect(css.headers.get('cache-control')).toContain('immutable');
    const js = await scratch.app.request('/assets/app.js');
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(js.headers.get('cache-control')).toBe('no-cache');
    expect((await scratch.app.request('/assets/..%2Fpackage.json')).status).toBe(404);
  });

  it('has a favicon, linked from every page and at /favicon.ico', async () => {
    const home = await page('/');
    const iconUrl = /rel="icon"[^>]*href="(\/assets\/favicon\.svg\?v=[0-9a-f]+)"/.exec(home.html)![1];
    const icon = await scratch.app.request(iconUrl);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(await icon.text()).toMatch(/^<svg /);
    const legacy = await scratch.app.request('/favicon.ico');
    expect(legacy.status).toBe(301);
    expect(legacy.headers.get('location')).toBe(iconUrl);
  });

  it('reads a file without storing it, behind the token', async () => {
    const form = () => {
      const data = new FormData();
      const html =
        '<html><head><title>Quay closes</title><meta name="author" content="Jo Writer"></head><body><article><p>The old quay closed for good on Monday after a century of use by fishing boats and ferries.</p></article></body></html>';
      data.append('file', new File([html], 'quay.html', { type: 'text/html' }));
      return data;
    };
    expect((await scratch.app.request('/api/extract', { method: 'POST', body: form() })).status).toBe(401);
    const response = await scratch.app.request('/api/extract', { method: 'POST', body: form(), headers: auth });
    expect(response.status).toBe(200);
    const body = (await response.json()) as any;
    expect(body.format).toBe('html');
    expect(body.metadata.title).toBe('Quay closes');
    expect(body.preview).toContain('The old quay closed');
    expect((await page('/?q=quay')).html).toContain('No documents match');
  });

  it('refuses an empty or unsupported file with a clear message', async () => {
    const send = async (file: File) => {
      const data = new FormData();
      data.append('file', file);
      const response = await scratch.app.request('/api/extract', { method: 'POST', body: data, headers: auth });
      return { status: response.status, body: (await response.json()) as any };
    };
    const empty = await send(new File([''], 'empty.txt', { type: 'text/plain' }));
    expect(empty.status).toBe(422);
    expect(empty.body.error.message).toMatch(/empty/i);
    const binary = await send(new File([new Uint8Array([0, 1, 2])], 'photo.png', { type: 'image/png' }));
    expect(binary.status).toBe(415);
    const corrupt = await send(
      new File(['%PDF-1.7 this is not really a pdf'], 'broken.pdf', { type: 'application/pdf' }),
    );
    expect(corrupt.status).toBe(422);
    expect(corrupt.body.error.message.length).toBeGreaterThan(10);
  });
});
