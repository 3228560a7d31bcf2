import { describe, expect, it } from 'vitest';
import { makeDocx } from '../fixtures/formats/make-docx.ts';
import { makePdf } from '../fixtures/formats/make-pdf.ts';
import { getJson, useScratchArchive } from '../helpers/scratch-archive.ts';

const scratch = useScratchArchive();

const body = (n: number) =>
  `The council of Tarn Ferry voted on Tuesday to rebuild the ferry pier, story ${n}, after storms damaged it twice.`;

async function send(
  path: string,
  bytes: Uint8Array | string,
  type: string,
  name: string,
  fields: Record<string, string> = {},
) {
  const form = new FormData();
  form.set(
    'file',
    new Blob([typeof bytes === 'string' ? new TextEncoder().encode(bytes) : (bytes as Uint8Array<ArrayBuffer>)], {
      type,
    }),
    name,
  );
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  const response = await scratch.app.request(path, { method: 'POST', body: form });
  return { status: response.status, body: (await response.json()) as any };
}

describe('publication dates with their source', () => {
  it('HTML: article:published_time, JSON-LD datePublished and a <time> in the article header are metadata', async () => {
    const meta = await send(
      '/api/documents',
      `<html><head><meta property="article:published_time" content="2025-11-14"></head><body><article><p>${body(1)}</p></article></body></html>`,
      'text/html',
      'a.html',
    );
    expect(meta.body).toMatchObject({ publishedAt: '2025-11-14', publishedAtSource: 'metadata', fileCreatedAt: null });
    const ld = await send(
      '/api/documents',
      `<html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-10-02"}</script></head><body><article><p>${body(2)}</p></article></body></html>`,
      'text/html',
      'b.html',
    );
    expect(ld.body).toMatchObject({ publishedAt: '2025-10-02', publishedAtSource: 'metadata' });
    const header = await send(
      '/api/documents',
      `<html><body><article><header><h1>Pier</h1><time datetime="2025-09-03">3 Sept</time></header><p>${body(3)}</p></article></body></html>`,
      'text/html',
      'c.html',
    );
    expect(header.body).toMatchObject({ publishedAt: '2025-09-03', publishedAtSource: 'metadata' });
  });

  it('HTML: a <time> inside the story is not a publication date', async () => {
    const { body: doc } = await send(
      '/api/documents',
      `<html><body><article><p>${body(4)} The storm of <time datetime="2024-01-05">5 January</time> was the worst.</p></article></body></html>`,
      'text/html',
      'd.html',
    );
    expect(doc).toMatchObject({ publishedAt: null, publishedAtSource: null });
  });

  it('Markdown front matter is metadata; a "Published" line in text is text; a typed date is the uploader', async () => {
    const md = await send(
      '/api/documents',
      `---\ntitle: Pier\ndate: 2025-08-04\n---\n\n${body(5)}`,
      'text/markdown',
      'e.md',
    );
    expect(md.body).toMatchObject({ publishedAt: '2025-08-04', publishedAtSource: 'metadata' });
    const text = await send(
      '/api/documents',
      `Pier to be rebuilt\nPublished 5 July 2025\n\n${body(6)}`,
      'text/plain',
      'f.txt',
    );
    expect(text.body).toMatchObject({ publishedAt: '2025-07-05', publishedAtSource: 'text' });
    const typed = await send(
      '/api/documents',
      `Pier to be rebuilt\nPublished 5 July 2025\n\n${body(7)}`,
      'text/plain',
      'g.txt',
      { publishedAt: '2025-07-06' },
    );
    expect(typed.body).toMatchObject({ publishedAt: '2025-07-06', publishedAtSource: 'uploader' });
  });

  it('PDF and DOCX creation times are kept as fileCreatedAt, never as the publication date', async () => {
    const pdf = makePdf({
      pages: [['Pier to be rebuilt', '', body(8)]],
      info: { title: 'Pier', creationDate: 'D:20251120080000Z' },
    });
    const fromPdf = await send('/api/documents', pdf, 'application/pdf', 'h.pdf');
    expect(fromPdf.body).toMatchObject({
      publishedAt: null,
      publishedAtSource: null,
      fileCreatedAt: '2025-11-20T08:00:00.000Z',
    });
    const docx = await makeDocx({
      paragraphs: ['Pier to be rebuilt', body(9)],
      title: 'Pier',
      created: '2025-11-21T09:00:00Z',
    });
    const fromDocx = await send(
      '/api/documents',
      docx,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'i.docx',
    );
    expect(fromDocx.body).toMatchObject({
      publishedAt: null,
      publishedAtSource: null,
      fileCreatedAt: '2025-11-21T09:00:00.000Z',
    });
    const { body: read } = await getJson(scratch.app, `/api/documents/${fromDocx.body.id}`);
    expect(read).toMatchObject({ publishedAt: null, fileCreatedAt: '2025-11-21T09:00:00.000Z' });
    const page = await (await scratch.app.request(`/documents/${fromDocx.body.id}`)).text();
    expect(page).toContain('File created');
    expect(page).toContain('not a publication date');
  });

  it('a metadata date in the future is dropped with a note, in the preview and the stored document', async () => {
    const html = `<html><head><meta property="article:published_time" content="2999-01-01"></head><body><article><p>${body(10)}</p></article></body></html>`;
    const preview = await send('/api/extract', html, 'text/html', 'j.html');
    expect(preview.status).toBe(200);
    expect(preview.body.metadata).toMatchObject({ publishedAt: null, publishedAtSource: null });
    expect(preview.body.notes[0]).toMatch(/2999-01-01.*future/);
    const stored = await send('/api/documents', html, 'text/html', 'j.html');
    expect(stored.body).toMatchObject({ publishedAt: null, publishedAtSource: null });
  });

  it('the preview pre-fills title and date for plain text too, as ingest would derive them', async () => {
    const preview = await send(
      '/api/extract',
      `Pier to be rebuilt\nPublished 5 July 2025\n\n${body(11)}`,
      'text/plain',
      'k.txt',
    );
    expect(preview.body.metadata).toMatchObject({
      title: 'Pier to be rebuilt',
      publishedAt: '2025-07-05',
      publishedAtSource: 'text',
      fileCreatedAt: null,
    });
  });

  it('the document page says where the date came from', async () => {
    const { body: doc } = await send(
      '/api/documents',
      `<html><head><meta property="article:published_time" content="2025-11-14"></head><body><article><p>${body(12)}</p></article></body></html>`,
      'text/html',
      'l.html',
    );
    const page = await (await scratch.app.request(`/documents/${doc.id}`)).text();
    expect(page).toContain('date from the page&#39;s metadata');
  });

  it('serves a UTF-8 text original with its charset', async () => {
    const { body: doc } = await send('/api/documents', `“Curly” quotes survive\n\n${body(13)}`, 'text/plain', 'm.txt');
    const response = await scratch.app.request(`/api/documents/${doc.id}/original`);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toContain('“Curly”');
    const pdf = await send('/api/documents', makePdf({ pages: [[body(14)]] }), 'application/pdf', 'n.pdf');
    expect((await scratch.app.request(`/api/documents/${pdf.body.id}/original`)).headers.get('content-type')).toBe(
      'application/pdf',
    );
  });
});
