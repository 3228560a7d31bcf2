import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../functions/core/parse-query.ts';

describe('parseQuery', () => {
  it('splits words, phrases, exclusions and filters', () => {
    expect(parseQuery('Embassy “strong protest” -drone publisher:Wikinews speaker:"Ilham Aliyev"')).toEqual({
      terms: ['embassy'],
      phrases: [['strong', 'protest']],
      excluded: ['drone'],
      mode: 'all',
      publisher: 'Wikinews',
      speaker: 'Ilham Aliyev',
    });
  });

  it('reads OR as "any of these words", and a one-word phrase as a word', () => {
    expect(parseQuery('ferry OR "bridge"')).toMatchObject({ terms: ['ferry', 'bridge'], phrases: [], mode: 'any' });
  });

  it('folds accents and case, and splits words the way the index does (apostrophes, currency signs)', () => {
    expect(parseQuery('Café Baku’s £10bn').terms).toEqual(['cafe', 'baku', 's', '10bn']);
  });

  it.each([[''], ['   '], ['-only -exclusions'], ['!!! ???'], ['x'.repeat(1001)]])('rejects %j', (q) => {
    expect(() => parseQuery(q)).toThrow(/query/i);
  });
});
