import { describe, expect, it } from 'vitest';
import { cleanMetadata, toIsoDate } from '../../../functions/core/formats/clean-metadata.ts';

describe('cleanMetadata', () => {
  it('trims, drops empties and "By ", keeps only absolute http(s) URLs', () => {
    expect(cleanMetadata({ title: '  Big \n news ', author: 'By Jane Roe', publisher: '', url: '/relative' })).toEqual({
      title: 'Big news',
      author: 'Jane Roe',
    });
    expect(cleanMetadata({ url: 'javascript:alert(1)' })).toEqual({});
    expect(cleanMetadata({ url: 'https://a.test/x?y=1' })).toEqual({ url: 'https://a.test/x?y=1' });
  });

  it('accepts people and organisations as JSON-LD and YAML give them', () => {
    expect(cleanMetadata({ author: [{ name: 'A' }, 'B'], publisher: { name: 'P' } })).toEqual({
      author: 'A, B',
      publisher: 'P',
    });
    expect(cleanMetadata({ author: 42, title: ['x'] })).toEqual({});
  });
});

describe('toIsoDate', () => {
  it('reads ISO strings, dates and PDF dates', () => {
    expect(toIsoDate('2025-11-14')).toBe('2025-11-14');
    expect(toIsoDate('2025-11-14T09:30:00+02:00')).toBe('2025-11-14T07:30:00.000Z');
    expect(toIsoDate(new Date(Date.UTC(2020, 0, 2)))).toBe('2020-01-02T00:00:00.000Z');
    expect(toIsoDate("D:20251114093000+02'00'")).toBe('2025-11-14T07:30:00.000Z');
    expect(toIsoDate('D:2025')).toBe('2025-01-01');
  });

  it('rejects what is not a date', () => {
    for (const value of ['5', 'yesterday', '2025-13-45', '', null, 12, new Date('x')])
      expect(toIsoDate(value)).toBeUndefined();
  });
});
