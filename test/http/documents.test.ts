import { describe, expect, it } from 'vitest';
import { harbourArticle } from '../fixtures/articles.ts';
import { getJson, postJson, useScratchArchive } from '../helpers/scratch-archive.ts';

const scratch = useScratchArchive();

async function countDocuments(): Promise<number> {
  let count = 0;
  for await (const _ of scratch.archive.catalog.list()) count++;
  return count;
}

describe('POST /api/documents then GET /api/documents/:id', () => {
  it('archives JSON text and serves it back with metadata, paragraphs and quotes', async () => {
    const created = await postJson(scratch.app, '/api/documents', harbourArticle);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      duplicate: false,
      title: harbourArticle.title,
      publisher: 'The Test Gazette',
      author: 'Jane Reporter',
    });
    expect(created.body.id).toMatch(/^[0-9a-f]{16}$/);

    const { status, body: document } = await getJson(scratch.app, `/api/documents/${created.body.id}`);
    expect(status).toBe(200);
    expect(document.text).toContain('Port Alder reopened on Friday');
    expect(document.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(document.size).toBe(new TextEncoder().encode(harbourArticle.text).byteLength);
    expect(document.wordCount).toBeGreaterThan(50);
    expect(document.ingestedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(document.paragraphs).toHaveLength(4);
    for (const p of document.paragraphs)
      expect(document.text.slice(p.start, p.end).trim()).toBe(document.text.slice(p.start, p.end));
    const quote = document.quotes.find((q: { text: string }) => q.text.startsWith('We rebuilt the deck'));
    expect(quote).toBeDefined();
    expect(document.text.slice(quote.start, quote.end)).toBe(quote.text);
    expect(quote.speaker).toBe('Ana Ruiz');
    expect(quote.permalink).toBe(
      `http://localhost/documents/${document.id}?at=${quote.start}-${quote.end}#q-${quote.start}-${quote.end}`,
    );
    expect(document.citation).toMatchObject({
      title: harbourArticle.title,
      publisher: 'The Test Gazette',
      url: harbourArticle.url,
      archiveId: document.id,
      archiveUrl: `http://localhost/documents/${document.id}`,
    });
    expect(document.citation.text).toBe(
      `The Test Gazette. "${harbourArticle.title}". 2 March 2024. ${harbourArticle.url}. Archived in Verbatim on ` +
        `${new Date(document.ingestedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })} as ${document.id} ` +
        `(http://localhost/documents/${document.id}); SHA-256 of the original: ${document.originalSha256}.`,
    );
  });

  it('answers 200 with the existing id for the same content, and stores no second copy', async () => {
    const before = await countDocuments();
    const again = await postJson(scratch.app, '/api/documents', { ...harbourArticle, title: 'Another title' });
    expect(again.status).toBe(200);
    expect(again.body.duplicate).toBe(true);
    expect(again.body.title).toBe(harbourArticle.title);
    // Only whitespace differs: the normalised text is the same, so it is the same document.
    const spaced = await postJson(scratch.app, '/api/documents', {
      text: harbourArticle.text.replace(/\n\n/g, '\r\n\r\n   '),
    });
    expect(spaced.body).toMatchObject({ duplicate: true, id: again.body.id });
    expect(await countDocuments()).toBe(before);
  });

  it('keeps the original bytes and content type', async () => {
    const html =
      '<html><head><title>Port news</title></head><body><article><h1>Port news</h1><p>The ferry timetable changes on Monday, the port authority said in a statement on its website.</p><p>Two extra crossings will run at weekends.</p></article></body></html>';
    const created = await postJson(scratch.app, '/api/documents', { html });
    expect(created.status).toBe(201);
    const response = await scratch.app.request(`/api/documents/${created.body.id}/original`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
    // An uploaded page is a download, never a page shown at the archive's address.
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="verbatim-${created.body.id}.html"`);
    expect(await response.text()).toBe(html);
    const { body } = await getJson(scratch.app, `/api/documents/${created.body.id}`);
    expect(body.text).toContain('The ferry timetable changes on Monday');
    expect(body.text).not.toContain('<p>');
  });

  it('accepts a multipart upload with a file and metadata fields', async () => {
    const form = new FormData();
    const markdown =
      '# Library extends hours\n\nThe city library will open until 9 pm, the head librarian said on Monday.\n';
    form.set('file', new Blob([markdown], { type: 'text/markdown' }), 'library.md');
    form.set('publisher', 'Town Crier');
    const response = await scratch.app.request('/api/documents', { method: 'POST', body: form });
    const body = (await response.json()) as any;
    expect(response.status).toBe(201);
    expect(body).toMatchObject({
      title: 'Library extends hours',
      publisher: 'Town Crier',
      contentType: 'text/markdown',
    });
    const original = await scratch.app.request(`/api/documents/${body.id}/original`);
    expect(original.headers.get('content-disposition')).toBe(`attachment; filename="verbatim-${body.id}.md"`);
    expect(await original.text()).toBe(markdown);
  });
});

describe('bad input gets a clear 4xx and writes nothing', () => {
  const post = (body: BodyInit, type: string) =>
    scratch.app.request('/api/documents', { method: 'POST', headers: { 'content-type': type }, body });

  it.each([
    ['an empty body', '', 'application/json', 400, /empty/i],
    ['malformed JSON', '{"text": ', 'application/json', 400, /not valid JSON/i],
    ['neither text nor html', '{"title":"x"}', 'application/json', 400, /exactly one of "text" or "html"/],
    ['both text and html', '{"text":"a","html":"<p>b</p>"}', 'application/json', 400, /exactly one/],
    ['a wrong field type', '{"text": 42}', 'application/json', 400, /text/],
    ['only whitespace', '{"text":"   \\n  "}', 'application/json', 422, /no text/i],
    ['an unsupported content type', 'hello', 'application/x-www-form-urlencoded', 415, /application\/json/],
  ])('%s', async (_name, body, type, status, message) => {
    const before = await countDocuments();
    const response = await post(body, type);
    const json = (await response.json()) as any;
    expect(response.status).toBe(status);
    expect(json.error.code).toEqual(expect.any(String));
    expect(json.error.message).toMatch(message);
    expect(await countDocuments()).toBe(before);
  });

  it('rejects a file that is not valid UTF-8 text', async () => {
    const form = new FormData();
    form.set(
      'file',
      new Blob([new Uint8Array([0x48, 0x69, 0xff, 0xfe, 0x00, 0x41])], { type: 'text/plain' }),
      'broken.txt',
    );
    const response = await scratch.app.request('/api/documents', { method: 'POST', body: form });
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).error.code).toBe('invalid_text');
  });

  it('rejects a body over the size limit with 413', async () => {
    const big = 'a '.repeat(scratch.config.maxUploadBytes / 2 + 100_000);
    const response = await post(JSON.stringify({ text: big }), 'application/json');
    expect(response.status).toBe(413);
    expect(((await response.json()) as any).error.code).toBe('payload_too_large');
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const missing = await getJson(scratch.app, '/api/documents/0123456789abcdef');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
    expect((await getJson(scratch.app, '/api/documents/0123456789abcdef/original')).status).toBe(404);
    const malformed = await getJson(scratch.app, '/api/documents/not-an-id');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/16 hexadecimal/);
  });
});

describe('GET /api/openapi.json', () => {
  it('describes every route', async () => {
    const { status, body } = await getJson(scratch.app, '/api/openapi.json');
    expect(status).toBe(200);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/api/documents', '/api/documents/{id}', '/api/documents/{id}/original', '/api/search']),
    );
    expect(body.paths['/api/documents'].post.requestBody.content).toHaveProperty('multipart/form-data');
  });

  it('names every operation and says for each whether it needs the token, for generated clients', async () => {
    const { body } = await getJson(scratch.app, 'http://verbatim.example/api/openapi.json');
    expect(body.servers).toEqual([{ url: 'http://verbatim.example' }]);
    const operations = Object.entries(
      body.paths as Record<string, Record<string, { operationId?: string; security?: unknown[] }>>,
    ).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ route: `${method} ${path}`, ...operation })),
    );
    const ids = operations.map((operation) => operation.operationId);
    expect(ids.every(Boolean), JSON.stringify(operations.filter((o) => !o.operationId).map((o) => o.route))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const operation of operations) {
      expect(Array.isArray(operation.security), `${operation.route} states its security`).toBe(true);
      if (!operation.route.startsWith('get '))
        expect(operation.security!.length, `${operation.route} needs the token`).toBeGreaterThan(0);
    }
    expect(body.paths['/api/search'].get.security).toEqual([]);
    expect(body.info.description).toMatch(/UTF-16 code-unit/);
  });

  it('documents the JSON upload as exactly one of text or html', async () => {
    const { body } = await getJson(scratch.app, '/api/openapi.json');
    const branches = body.components.schemas.IngestJson.oneOf;
    expect(branches.map((branch: { required: string[] }) => branch.required)).toEqual([['text'], ['html']]);
  });
});

describe('open writes (no token configured)', () => {
  it('refuse requests another web site makes through the browser', async () => {
    const body = JSON.stringify({ text: 'A cross-site page tries to archive this text without asking anyone.' });
    const headers = { 'content-type': 'application/json' };
    const crossSite = await scratch.app.request('/api/documents', {
      method: 'POST',
      body,
      headers: { ...headers, 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(401);
    const foreignOrigin = await scratch.app.request('/api/documents', {
      method: 'POST',
      body,
      headers: { ...headers, origin: 'https://evil.example' },
    });
    expect(foreignOrigin.status).toBe(401);
    const sameOrigin = await scratch.app.request('/api/documents', {
      method: 'POST',
      body,
      headers: { ...headers, 'sec-fetch-site': 'same-origin', origin: 'http://localhost' },
    });
    expect(sameOrigin.status).toBe(201);
  });
});

describe('JSON uploads: strict UTF-8, and null where GET answers null', () => {
  it('refuses invalid UTF-8 inside a JSON body with 400 invalid_utf8, and stores nothing', async () => {
    const prefix = new TextEncoder().encode('{"text":"Caf');
    const suffix = new TextEncoder().encode(' owners said the terrace will reopen in spring after the storm."}');
    const body = new Uint8Array([...prefix, 0xe9, ...suffix]); // Latin-1 é: not UTF-8
    const response = await scratch.app.request('/api/documents', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).error.code).toBe('invalid_utf8');
    expect((await getJson(scratch.app, '/api/search?q=terrace')).body.total).toBe(0);
  });

  it('accepts null metadata as GET returns it, and can post back what it read', async () => {
    const created = await postJson(scratch.app, '/api/documents', {
      title: 'Orchard harvest',
      text: 'The apple harvest was the best in a decade, growers said on Tuesday.',
      url: null,
      publisher: null,
      author: null,
      publishedAt: null,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ url: null, publisher: null, author: null, publishedAt: null });
    const { body: read } = await getJson(scratch.app, `/api/documents/${created.body.id}`);
    const reposted = await postJson(scratch.app, '/api/documents', {
      text: read.text,
      title: read.title,
      url: read.url,
      publisher: read.publisher,
      author: read.author,
      publishedAt: read.publishedAt,
    });
    expect(reposted.status).toBe(200);
    expect(reposted.body.duplicate).toBe(true);
  });
});

describe('GET /api/documents/{id}/original: plain text inline, everything else as a download', () => {
  it('shows plain text inline, labelled UTF-8 when it is', async () => {
    const form = new FormData();
    const text = 'The swimming pool reopens on Saturday, the leisure centre said, after repairs to the roof.';
    form.set('file', new Blob([text], { type: 'text/plain' }), 'pool "notes"\r\n.txt');
    const created = (await (await scratch.app.request('/api/documents', { method: 'POST', body: form })).json()) as any;
    const original = await scratch.app.request(`/api/documents/${created.id}/original`);
    expect(original.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(original.headers.get('content-disposition')).toBe('inline');
    expect(await original.text()).toBe(text);
  });

  it('keeps a declared legacy charset for plain text, and names downloads from the id only', async () => {
    const form = new FormData();
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('The caf'),
      0xe9,
      ...new TextEncoder().encode(' on the quay will close for winter, its owner said.'),
    ]);
    form.set('file', new Blob([bytes], { type: 'text/plain; charset=windows-1252' }), '../../etc/passwd"; x=.txt');
    const created = (await (await scratch.app.request('/api/documents', { method: 'POST', body: form })).json()) as any;
    const original = await scratch.app.request(`/api/documents/${created.id}/original`);
    expect(original.headers.get('content-type')).toBe('text/plain; charset=windows-1252');
    expect(original.headers.get('content-disposition')).toBe('inline');
    expect(new Uint8Array(await original.arrayBuffer())).toEqual(bytes);
  });
});
