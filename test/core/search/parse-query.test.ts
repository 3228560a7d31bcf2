import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../functions/core/search/parse-query.ts';

describe('parseQuery', () => {
  it('splits words, phrases, exclusions and filters', () => {
    expect(parseQuery('Embassy “strong protest” -drone publisher:Wikinews speaker:"Ilham Aliyev"')).toEqual({
      terms: ['embassy'],
      exact: [],
      phrases: [['strong', 'protest']],
      excluded: ['drone'],
      excludedExact: [],
      mode: 'all',
      publisher: 'Wikinews',
      speaker: 'Ilham Aliyev',
    });
  });

  it('reads OR as "any of these words", and a one-word phrase as that exact word', () => {
    expect(parseQuery('ferry OR "bridge"')).toMatchObject({
      terms: ['ferry'],
      exact: ['bridge'],
      phrases: [],
      mode: 'any',
    });
  });

  it('reads =word as an exact form, folded, and a lone = as nothing', () => {
    expect(parseQuery('=Embassies protest')).toMatchObject({ terms: ['protest'], exact: ['embassies'] });
    expect(parseQuery('=embassies')).toMatchObject({ terms: [], exact: ['embassies'] });
    expect(parseQuery('embassy -=protests -"strikes" -drones')).toMatchObject({
      excluded: ['drones'],
      excludedExact: ['protests', 'strikes'],
    });
    expect(() => parseQuery('=')).toThrow(/no words/);
  });

  it('folds accents and case, and splits words the way the index does (apostrophes, currency signs)', () => {
    expect(parseQuery('Café Baku’s £10bn').terms).toEqual(['cafe', 'baku', 's', '10bn']);
  });

  it.each([[''], ['   '], ['-only -exclusions'], ['!!! ???'], ['x'.repeat(1001)]])('rejects %j', (q) => {
    expect(() => parseQuery(q)).toThrow(/query/i);
  });
});
