import { describe, expect, it } from 'vitest';
import { copiesInFiveFormats, COPY_PARAGRAPHS } from '../fixtures/copies-article.ts';
import { getJson, useScratchArchive } from '../helpers/scratch-archive.ts';

const scratch = useScratchArchive();

async function upload(file: { bytes: Uint8Array; type: string; name: string }) {
  const form = new FormData();
  form.set('file', new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.type }), file.name);
  const response = await scratch.app.request('/api/documents', { method: 'POST', body: form });
  expect(response.status).toBe(201);
  return (await response.json()) as any;
}

describe('the five-format experiment: one article as text, PDF, DOCX, HTML and Markdown', () => {
  const ids: Record<string, string> = {};

  it('archives five documents that form one copy group, each listing the other four', async () => {
    const files = await copiesInFiveFormats();
    for (const format of ['text', 'pdf', 'docx', 'html', 'markdown'] as const)
      ids[format] = (await upload(files[format])).id;
    expect(new Set(Object.values(ids)).size).toBe(5);
    for (const id of Object.values(ids)) {
      const { body } = await getJson(scratch.app, `/api/documents/${id}`);
      expect(body.copies.map((c: { id: string }) => c.id).sort()).toEqual(
        Object.values(ids)
          .filter((other) => other !== id)
          .sort(),
      );
      for (const copy of body.copies) expect(copy.similarity).toBeGreaterThanOrEqual(0.75);
    }
    // Five uploads, the first PDF and DOCX starting the parsers' worker: slow on a loaded machine.
  }, 120_000);

  it('takes no publication date from the PDF or DOCX file times; the HTML gets its metadata date', async () => {
    const pdf = (await getJson(scratch.app, `/api/documents/${ids.pdf}`)).body;
    expect(pdf).toMatchObject({
      publishedAt: null,
      publishedAtSource: null,
      fileCreatedAt: '2025-11-20T08:00:00.000Z',
    });
    const html = (await getJson(scratch.app, `/api/documents/${ids.html}`)).body;
    expect(html).toMatchObject({ publishedAt: '2025-11-14', publishedAtSource: 'metadata' });
  });

  it('lists copies earliest first: dated ones by date, undated ones after them by archive date', async () => {
    const { body } = await getJson(scratch.app, `/api/documents/${ids.text}`);
    expect(body.copies.map((c: { id: string }) => c.id)).toEqual([ids.html, ids.markdown, ids.pdf, ids.docx]);
    expect(body.copies[0]).toMatchObject({
      publishedAt: '2025-11-14',
      publishedAtSource: 'metadata',
      contentType: 'text/html',
      publisher: 'Tarn Courier',
    });
  });

  it("the quote finder's first result is the earliest-dated copy, with the others in alsoIn", async () => {
    const { body } = await getJson(
      scratch.app,
      `/api/quotes?q=${encodeURIComponent('"We cannot keep patching a structure that the sea has already beaten twice"')}`,
    );
    expect(body.results[0].document.id).toBe(ids.html);
    expect(body.results[0].alsoIn.map((o: { document: { id: string } }) => o.document.id)).toEqual(
      [ids.markdown, ids.text, ids.pdf, ids.docx].filter((id) =>
        body.results[0].alsoIn.some((o: any) => o.document.id === id),
      ),
    );
  });

  it('shows the copies on the document page, and what changed between two copies', async () => {
    const page = await (await scratch.app.request(`/documents/${ids.text}`)).text();
    expect(page).toContain('Copies (4)');
    expect(page).toContain(`?compare=${ids.pdf}#changes`);
    expect(page).toContain('PDF');
  });
});

describe('copies with changes', () => {
  it('finds a syndicated copy with a reworded sentence and a dropped paragraph, and diffs it', async () => {
    const [first, ...rest] = COPY_PARAGRAPHS.map((p) => p.replace('Tarn Ferry', 'Kellmouth'));
    const original = (
      await upload({
        bytes: new TextEncoder().encode(['Kellmouth pier to be rebuilt', first, ...rest].join('\n\n')),
        type: 'text/plain',
        name: 'a.txt',
      })
    ).id;
    const changed = [first.replace('at a cost of 4.2 million pounds', 'for 4.5 million pounds'), ...rest.slice(0, -1)];
    const copy = (
      await upload({
        bytes: new TextEncoder().encode(['Pier rebuild approved in Kellmouth', ...changed].join('\n\n')),
        type: 'text/plain',
        name: 'b.txt',
      })
    ).id;
    const { body } = await getJson(scratch.app, `/api/documents/${copy}`);
    expect(body.copies).toEqual([expect.objectContaining({ id: original })]);
    const page = await (await scratch.app.request(`/documents/${copy}?compare=${original}`)).text();
    expect(page).toContain('What changed from the Plain text copy');
    // The reworded sentence is diffed word by word; the dropped paragraph is removed whole.
    expect(page).toContain('<del>at a cost of</del><ins>for</ins> 4.<del>2</del><ins>5</ins> million pounds.');
    expect(page).toMatch(/<del>\s*Work is due to start in April[^<]*<\/del>/);
    expect(page).toMatch(/1 sentence changed, 0 sentences added, \d sentences? removed/);
  });

  it('does not link different articles, and ignores ?compare= for a document that is not a copy', async () => {
    const other = (
      await upload({
        bytes: new TextEncoder().encode(
          'Library hours\n\nThe town library will open on Sundays from March, the trustees said on Monday, after a survey of readers.',
        ),
        type: 'text/plain',
        name: 'c.txt',
      })
    ).id;
    const { body } = await getJson(scratch.app, `/api/documents/${other}`);
    expect(body.copies).toEqual([]);
    const page = await (await scratch.app.request(`/documents/${other}?compare=0123456789abcdef`)).text();
    expect(page).not.toContain('What changed');
  });
});
