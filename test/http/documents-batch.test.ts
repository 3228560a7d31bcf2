import { describe, expect, it } from 'vitest';
import { MAX_BATCH_DOCUMENTS } from '../../functions/app/upload-limits.ts';
import { COPY_PARAGRAPHS, COPY_TITLE } from '../fixtures/copies-article.ts';
import { getJson, postJson, useScratchArchive } from '../helpers/scratch-archive.ts';

const scratch = useScratchArchive({ apiTokens: 'importer:batch-secret-token' });
const auth = { authorization: 'Bearer batch-secret-token' };

const article = (n: number) => ({
  title: `Batch article ${n}`,
  publisher: 'Batch Times',
  text: `Article number ${n} of the batch. "We counted ${n} boats," said harbour master Lee Chan.`,
});

async function postNdjson(body: string) {
  const response = await scratch.app.request('/api/documents:batch', {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson', ...auth },
    body,
  });
  return { status: response.status, body: await response.json() };
}

describe('POST /api/documents:batch', () => {
  it('answers each item as a single upload would: 201, 200 duplicate, 4xx with the reason', async () => {
    const items = [article(1), article(2), { title: 'no text' }, article(1), { html: '<p></p>' }];
    const { status, body } = await postJson(scratch.app, '/api/documents:batch', items, auth);
    expect(status).toBe(200);
    expect(body.results.map((r: { status: number }) => r.status)).toEqual([201, 201, 400, 200, 422]);
    expect(body).toMatchObject({ added: 2, duplicates: 1, refused: 2 });
    expect(body.results[2].error).toMatchObject({ code: 'bad_request' });
    expect(body.results[2].error.message).toMatch(/text|html/);
    expect(body.results[4].error.code).toBe('empty_document');
    expect(body.results[3].document.id).toBe(body.results[0].document.id);
    expect(body.results[3].document.duplicate).toBe(true);

    // Each document is whole on its own: readable, its original byte-exact, searchable, deletable.
    const id = body.results[1].document.id;
    const read = await getJson(scratch.app, `/api/documents/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.uploader).toBe('importer');
    expect(read.body.quotes[0].speaker).toBe('Lee Chan');
    const original = await scratch.app.request(`/api/documents/${id}/original`);
    expect(await original.text()).toBe(article(2).text);
    const search = await getJson(scratch.app, '/api/search?q=boats');
    expect(search.body.results.map((r: { id: string }) => r.id)).toContain(id);
    const deleted = await scratch.app.request(`/api/documents/${id}`, { method: 'DELETE', headers: auth });
    expect(deleted.status).toBe(204);
    expect((await getJson(scratch.app, `/api/documents/${id}`)).status).toBe(404);

    // The audit has one entry per item, refusals included.
    const audit = await scratch.app.request('/api/audit?limit=100', { headers: auth });
    const outcomes = ((await audit.json()).entries as Array<{ outcome: string }>).map((e) => e.outcome);
    expect(outcomes.filter((o) => o === 'created')).toHaveLength(2);
    expect(outcomes.filter((o) => o === 'refused')).toHaveLength(2);
    // The suite's first uploads start the parse workers: over 30 s on the shared machine at load 40.
  }, 90_000);

  it('links copies that arrive in one batch to each other and to a copy archived before it', async () => {
    // Four versions of one article: the first archived alone, the other three in one batch with an
    // unrelated article between them, so the batch must match its own copies in memory.
    const text = (paragraphs: string[]) => paragraphs.join('\n\n');
    const reworded = COPY_PARAGRAPHS.map((p, i) => (i === 2 ? p.replace('steel piles', 'concrete piles') : p));
    const versions = [
      { title: COPY_TITLE, text: text(COPY_PARAGRAPHS) },
      { title: `${COPY_TITLE} (syndicated)`, text: text(reworded) },
      { title: `${COPY_TITLE} (trimmed)`, text: text(COPY_PARAGRAPHS.slice(0, 5)) },
      { title: `${COPY_TITLE} (agency)`, text: text([...COPY_PARAGRAPHS, 'Reporting by the agency desk.']) },
    ];
    const first = await postJson(scratch.app, '/api/documents', versions[0], auth);
    expect(first.status).toBe(201);
    const { body } = await postJson(
      scratch.app,
      '/api/documents:batch',
      [versions[1], article(40), versions[2], versions[3]],
      auth,
    );
    expect(body.results.map((r: { status: number }) => r.status)).toEqual([201, 201, 201, 201]);
    const ids = [first.body.id, body.results[0].document.id, body.results[2].document.id, body.results[3].document.id];
    for (const id of ids) {
      const read = await getJson(scratch.app, `/api/documents/${id}`);
      const copies = read.body.copies.map((c: { id: string }) => c.id).sort();
      expect(copies).toEqual(ids.filter((other) => other !== id).sort());
    }
    const unrelated = await getJson(scratch.app, `/api/documents/${body.results[1].document.id}`);
    expect(unrelated.body.copies).toEqual([]);
  }, 60_000);

  it('takes NDJSON, with a malformed line refused on its own', async () => {
    const body = [JSON.stringify(article(3)), '{not json', JSON.stringify(article(2))].join('\n');
    const answer = await postNdjson(body);
    expect(answer.status).toBe(200);
    expect(answer.body.results.map((r: { status: number }) => r.status)).toEqual([201, 400, 201]);
    expect(answer.body.results[1].error.message).toBe('Line 2 is not valid JSON.');
  });

  it('refuses a whole batch that is too large, empty, not an array, unauthenticated or of another type, storing nothing', async () => {
    const tooMany = Array.from({ length: MAX_BATCH_DOCUMENTS + 1 }, (_, i) => article(1000 + i));
    const big = await postJson(scratch.app, '/api/documents:batch', tooMany, auth);
    expect(big.status).toBe(400);
    expect(big.body.error.message).toContain(String(MAX_BATCH_DOCUMENTS));
    expect((await postNdjson(tooMany.map((a) => JSON.stringify(a)).join('\n'))).status).toBe(400);
    expect((await getJson(scratch.app, '/api/search?q=%22Article+number+1000%22')).body.total).toBe(0);
    expect((await postJson(scratch.app, '/api/documents:batch', [], auth)).body.error.code).toBe('bad_request');
    expect((await postJson(scratch.app, '/api/documents:batch', article(4), auth)).body.error.message).toMatch(/array/);
    expect((await postJson(scratch.app, '/api/documents:batch', [article(5)])).status).toBe(401);
    const text = await scratch.app.request('/api/documents:batch', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', ...auth },
      body: 'x',
    });
    expect(text.status).toBe(415);
    expect((await text.json()).error.code).toBe('unsupported_media_type');
  });
});
