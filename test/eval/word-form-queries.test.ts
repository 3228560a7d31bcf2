import { describe, expect, it } from 'vitest';
import { buildFormQueries, inflections } from './word-form-queries.ts';

const words = new Set([
  'embassy',
  'embassies',
  'protest',
  'protests',
  'protested',
  'protesting',
  'protection',
  'protect',
  'hope',
  'hoping',
  'hop',
  'hopping',
  'state',
]);
const isWord = (w: string) => words.has(w);

describe('inflections', () => {
  it('makes plurals, tenses and -ion derivations from a base that is a word', () => {
    expect(inflections('embassy', isWord)).toContain('embassies');
    expect(inflections('embassies', isWord)).toContain('embassy');
    expect(inflections('protesting', isWord)).toEqual(expect.arrayContaining(['protest', 'protests', 'protested']));
    expect(inflections('protection', isWord)).toEqual(expect.arrayContaining(['protect', 'protecting']));
    expect(inflections('hoping', isWord)).toContain('hope');
    expect(inflections('hopping', isWord)).toContain('hop');
    expect(inflections('hopping', isWord)).not.toContain('hope');
    expect(inflections('state', isWord)).not.toContain('station');
  });
});

describe('buildFormQueries', () => {
  const article = (ordinal: number, text: string) => ({ corpus: 'c', ordinal, title: '', text });
  const articles = [
    article(0, 'The embassy lodged a protest; officials were protesting about the protection of staff.'),
    article(1, 'Several embassies protested. Others protect their interests with statements.'),
    article(2, 'Protests continued at embassies, and protection was promised.'),
  ];

  it('is deterministic, and every changed word is a real word the source article lacks', () => {
    const queries = buildFormQueries(articles, 5);
    expect(queries.length).toBeGreaterThan(0);
    expect(buildFormQueries(articles, 5)).toEqual(queries);
    for (const query of queries) {
      const own = articles[query.source].text.toLowerCase();
      for (const [from, to] of query.changed) {
        expect(own).toMatch(new RegExp(`\\b${from}\\b`));
        expect(own).not.toMatch(new RegExp(`\\b${to}\\b`));
      }
    }
  });
});
