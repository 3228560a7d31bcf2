import { describe, expect, it } from 'vitest';
import { harbourArticle } from '../fixtures/articles.ts';
import { getJson, postJson, useScratchArchive } from '../helpers/scratch-archive.ts';

const TOKEN = 'test-token-0123456789abcdef';
const scratch = useScratchArchive({ apiToken: TOKEN });

describe('write routes need the configured bearer token', () => {
  it('refuses a write without the token, or with a wrong one, and writes nothing', async () => {
    const missing = await postJson(scratch.app, '/api/documents', harbourArticle);
    expect(missing.status).toBe(401);
    expect(missing.body.error.code).toBe('unauthorized');
    const wrong = await postJson(scratch.app, '/api/documents', harbourArticle, {
      authorization: 'Bearer not-the-token-at-all-0000',
    });
    expect(wrong.status).toBe(401);
    expect((await scratch.archive.index.current()).documentCount).toBe(0);
  });

  it('accepts a write with the token; reads need none', async () => {
    const created = await postJson(scratch.app, '/api/documents', harbourArticle, { authorization: `Bearer ${TOKEN}` });
    expect(created.status).toBe(201);
    expect((await getJson(scratch.app, `/api/documents/${created.body.id}`)).status).toBe(200);
    expect((await getJson(scratch.app, '/api/search?q=harbour')).body.total).toBe(1);
  });
});

describe('DELETE /api/documents/:id', () => {
  it('needs the token, then removes the document from search, reading and storage', async () => {
    const created = await postJson(
      scratch.app,
      '/api/documents',
      { text: 'The orchard festival was cancelled because of hail, organisers said.' },
      { authorization: `Bearer ${TOKEN}` },
    );
    const id = created.body.id;
    expect((await scratch.app.request(`/api/documents/${id}`, { method: 'DELETE' })).status).toBe(401);
    expect((await getJson(scratch.app, '/api/search?q=orchard')).body.total).toBe(1);
    const deleted = await scratch.app.request(`/api/documents/${id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(deleted.status).toBe(204);
    expect((await getJson(scratch.app, '/api/search?q=orchard')).body.total).toBe(0);
    expect((await getJson(scratch.app, `/api/documents/${id}`)).status).toBe(404);
    expect(await scratch.archive.blobs.get(`originals/${id}`)).toBeNull();
    const again = await scratch.app.request(`/api/documents/${id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(again.status).toBe(404);
    // The same text can be archived again afterwards.
    const readded = await postJson(
      scratch.app,
      '/api/documents',
      { text: 'The orchard festival was cancelled because of hail, organisers said.' },
      { authorization: `Bearer ${TOKEN}` },
    );
    expect(readded.status).toBe(201);
    expect((await getJson(scratch.app, '/api/search?q=orchard')).body.total).toBe(1);
  });
});
