import { describe, expect, it } from 'vitest';
import { harbourArticle } from '../fixtures/articles.ts';
import { getJson, postJson, useScratchArchive } from '../helpers/scratch-archive.ts';

const DESK = 'desk-token-0123456789abcdef';
const BOT = 'bot-token-fedcba9876543210';
const scratch = useScratchArchive({ apiTokens: `newsdesk:${DESK}, importer-bot:${BOT}` });

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const audit = async (query = '', token = DESK) => {
  const response = await scratch.app.request(`/api/audit${query}`, { headers: bearer(token) });
  return { status: response.status, body: (await response.json()) as any };
};

describe('Bearer is required, and refusals say how to authenticate', () => {
  it('refuses the bare token (no "Bearer ") with 401 and a WWW-Authenticate challenge', async () => {
    const bare = await postJson(scratch.app, '/api/documents', harbourArticle, { authorization: DESK });
    expect(bare.status).toBe(401);
    expect(bare.body.error).toEqual({ code: 'unauthorized', message: expect.stringMatching(/Bearer/) });
    expect((await getJson(scratch.app, '/api/search?q=harbour')).body.total).toBe(0);
  });

  it('sends WWW-Authenticate: Bearer with every 401: missing, wrong, malformed', async () => {
    for (const authorization of [
      undefined,
      'Bearer wrong-token-000000000000',
      'Basic ZGVzazpwYXNz',
      'Bearer two words',
      DESK,
    ]) {
      const response = await scratch.app.request(`/api/documents/0123456789abcdef`, {
        method: 'DELETE',
        headers: authorization ? { authorization } : {},
      });
      expect(response.status, String(authorization)).toBe(401);
      expect(response.headers.get('www-authenticate'), String(authorization)).toMatch(/^Bearer\b/);
      expect(((await response.json()) as any).error.code).toBe('unauthorized');
    }
  });
});

describe('named tokens attribute every write', () => {
  it("records the token's name as the uploader", async () => {
    const created = await postJson(scratch.app, '/api/documents', harbourArticle, bearer(DESK));
    expect(created.status).toBe(201);
    expect(created.body.uploader).toBe('newsdesk');
    const other = await postJson(
      scratch.app,
      '/api/documents',
      { text: 'The ferry timetable changes on Monday, the operator said in a statement.' },
      bearer(BOT),
    );
    expect(other.body.uploader).toBe('importer-bot');
    expect((await getJson(scratch.app, `/api/documents/${other.body.id}`)).body.uploader).toBe('importer-bot');
  });
});

describe('GET /api/audit', () => {
  it('needs a token', async () => {
    const response = await scratch.app.request('/api/audit');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('lists writes and deletes newest first: who, what, when, which document, how it ended', async () => {
    const text = 'The lighthouse keeper retired after forty years, the council announced on Friday.';
    const created = await postJson(scratch.app, '/api/documents', { text }, bearer(BOT));
    const again = await postJson(scratch.app, '/api/documents', { text }, bearer(DESK));
    expect(again.body.duplicate).toBe(true);
    const refused = await postJson(scratch.app, '/api/documents', { text: '   ' }, bearer(DESK));
    expect(refused.status).toBeGreaterThanOrEqual(400);
    const deleted = await scratch.app.request(`/api/documents/${created.body.id}`, {
      method: 'DELETE',
      headers: bearer(DESK),
    });
    expect(deleted.status).toBe(204);
    await scratch.app.request(`/api/documents/${created.body.id}`, { method: 'DELETE', headers: bearer(BOT) });

    const { status, body } = await audit('?limit=5');
    expect(status).toBe(200);
    const rows = body.entries.map((e: any) => [e.actor, e.action, e.documentId, e.outcome, e.status]);
    expect(rows).toEqual([
      ['importer-bot', 'delete', created.body.id, 'refused', 404],
      ['newsdesk', 'delete', created.body.id, 'deleted', 204],
      ['newsdesk', 'ingest', null, 'refused', refused.status],
      ['newsdesk', 'ingest', created.body.id, 'duplicate', 200],
      ['importer-bot', 'ingest', created.body.id, 'created', 201],
    ]);
    expect(body.entries[0].errorCode).toBe('not_found');
    expect(body.entries[2].errorCode).toBe(refused.body.error.code);
    const times = body.entries.map((e: any) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(Date.now() - times[0]).toBeLessThan(60_000);
  });

  it('pages with before, without repeating or skipping an entry', async () => {
    const all = (await audit('?limit=100')).body.entries.map((e: any) => e.id);
    expect(all.length).toBeGreaterThanOrEqual(7);
    const seen: string[] = [];
    let before: string | null = null;
    do {
      const page: { status: number; body: any } = await audit(
        `?limit=3${before ? `&before=${encodeURIComponent(before)}` : ''}`,
      );
      expect(page.body.entries.length).toBeLessThanOrEqual(3);
      seen.push(...page.body.entries.map((e: any) => e.id));
      before = page.body.next;
    } while (before);
    expect(seen).toEqual(all);
  });

  it('refuses a malformed before or limit with a 400 in the error shape', async () => {
    for (const query of ['?before=yesterday', '?limit=0', '?limit=101', '?limit=abc']) {
      const { status, body } = await audit(query);
      expect(status, query).toBe(400);
      expect(body.error.code).toBe('bad_request');
    }
  });

  it('is in the OpenAPI document', async () => {
    const { body } = await getJson(scratch.app, '/api/openapi.json');
    expect(body.paths['/api/audit'].get.security).toEqual([{ bearer: [] }]);
    expect(body.components.schemas).toHaveProperty('AuditEntry');
  });
});
