import { describe, expect, it } from 'vitest';
import { activeFilters, searchHref, withFilter, withoutFilters } from '../../web/views/query-filters.ts';

describe('query filters', () => {
  it('adds a filter, replacing an earlier value of the same field', () => {
    expect(withFilter('embassy', 'publisher', 'Northern Wire')).toBe('embassy publisher:"Northern Wire"');
    expect(withFilter('embassy publisher:BBC year:2019', 'year', '2020')).toBe('embassy publisher:BBC year:2020');
    expect(withFilter('embassy speaker:"Ana Ruiz"', 'speaker', 'Tomas Berg')).toBe('embassy speaker:"Tomas Berg"');
  });

  it('lists active filters with the query as it would be without each', () => {
    expect(activeFilters('embassy publisher:"Northern Wire" year:2024')).toEqual([
      { field: 'publisher', value: 'Northern Wire', without: 'embassy year:2024' },
      { field: 'year', value: '2024', without: 'embassy publisher:"Northern Wire"' },
    ]);
    expect(withoutFilters('embassy publisher:"Northern Wire" -drone year:2024')).toBe('embassy -drone');
  });

  it('builds search URLs', () => {
    expect(searchHref('a "b" c', 3)).toBe('/?q=a%20%22b%22%20c&page=3');
  });
});
