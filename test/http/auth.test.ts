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
    const wrong = await postJson(scratch.app, '/api/documents', harbourArticle, { authorization: 'Bearer not-the-token-at-all-0000' });
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
