import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFts5, Fts5Searcher, fts5Version, toFtsQuery } from './fts5-baseline.ts';
import { startFts5Server } from './fts5-server.ts';

describe('toFtsQuery', () => {
  it('ANDs quoted keywords, the last one a prefix from 4 characters', () => {
    expect(toFtsQuery('budget deficit treasury')).toBe('"budget" "deficit" "treasury"*');
    expect(toFtsQuery('Budget tax')).toBe('"budget" "tax"');
  });

  it('turns a quoted string into a phrase of its words, dropping punctuation', () => {
    expect(toFtsQuery('"The minister said, on Tuesday"')).toBe('"the minister said on tuesday"');
    expect(toFtsQuery("“don't stop-gap”")).toBe('"don t stop gap"');
  });

  it('reads a one-word phrase as a word, as our parser does', () => {
    expect(toFtsQuery('"Protest"')).toBe('"protest"*');
  });

  it.each([[''], ['   '], ['"..."'], ['!!! ???']])('returns null for %j (no words)', (q) => {
    expect(toFtsQuery(q)).toBeNull();
  });

  describe('every translation is valid FTS5', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fts5-query-'));
    let db: Database.Database;
    beforeAll(() => {
      buildFts5(join(dir, 'tiny.db'), [
        { id: 'a', title: "Don't panic", text: 'The £10bn deal was not near AND a "quoted" word.' },
        { id: 'b', title: 'Other', text: 'Nothing to see here.' },
      ]);
      db = new Database(join(dir, 'tiny.db'), { readonly: true });
    });
    afterAll(() => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it.each([
      ['"don\'t"', ['a']],
      ['"a "quoted" b"', []],
      ['"a "quoted" word"', ['a']],
      ['"£10bn"', ['a']],
      ['AND', ['a']],
      ['NOT', ['a']],
      ['near', ['a']],
      ['NEAR(a b)', []],
      ['title:other', []],
      ['col* ^x + - : ( ) {title}', []],
      ['"unterminated', []],
      ['""', null],
    ])('%j', (q, expected) => {
      const match = toFtsQuery(q);
      if (expected === null) return expect(match).toBeNull();
      expect(match).not.toBeNull();
      const rows = db.prepare('SELECT id FROM docs WHERE docs MATCH ? ORDER BY id').all(match) as Array<{ id: string }>;
      expect(rows.map((r) => r.id)).toEqual(expected);
    });
  });
});

describe('Fts5Searcher and the FTS5 server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fts5-search-'));
  const file = join(dir, 'bench.db');
  beforeAll(() => {
    const built = buildFts5(file, [
      { id: 'body', title: 'Weather report', text: 'The treasury reported a budget deficit on Tuesday.' },
      { id: 'title', title: 'Budget deficit grows', text: 'The treasury said so on Tuesday.' },
      { id: 'other', title: 'Football', text: 'A late goal won the match.' },
    ]);
    expect(built.bytes).toBeGreaterThan(0);
    // Rebuilding replaces the file instead of appending to it.
    buildFts5(file, [
      { id: 'body', title: 'Weather report', text: 'The treasury reported a budget deficit on Tuesday.' },
      { id: 'title', title: 'Budget deficit grows', text: 'The treasury said so on Tuesday.' },
      { id: 'other', title: 'Football', text: 'A late goal won the match.' },
    ]);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('ranks a title match above a text match, and prefixes the last keyword', () => {
    const fts = Fts5Searcher.open(file);
    try {
      expect(fts.search('budget defic').ids).toEqual(['title', 'body']);
      expect(fts.search('"reported a budget"').ids).toEqual(['body']);
      expect(fts.search('budget', 1).ids).toEqual(['title']);
      expect(fts.search('"!!"').ids).toEqual([]);
      const [hit] = fts.searchWithSnippets('goal');
      expect(hit).toMatchObject({ id: 'other', title: 'Football' });
      expect(hit.snippet).toContain('<mark>goal</mark>');
    } finally {
      fts.close();
    }
  });

  it('serves searches over HTTP', async () => {
    const server = await startFts5Server(file);
    try {
      const ok = await fetch(`${server.url}/search?q=${encodeURIComponent('treasury')}&limit=1`);
      expect(ok.status).toBe(200);
      const body = (await ok.json()) as { results: Array<{ id: string; title: string; snippet: string }> };
      expect(body.results).toHaveLength(1);
      expect(body.results[0].snippet).toContain('<mark>treasury</mark>');
      expect((await fetch(`${server.url}/search`)).status).toBe(400);
      expect((await fetch(`${server.url}/elsewhere?q=x`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('reports the SQLite version', () => {
    expect(fts5Version()).toMatch(/^3\.\d+\.\d+$/);
  });
});
