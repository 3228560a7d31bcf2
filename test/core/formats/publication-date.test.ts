import { describe, expect, it } from 'vitest';
import { choosePublicationDate, findDatelineDate } from '../../../functions/core/formats/publication-date.ts';

const now = new Date('2026-06-01T12:00:00Z');

describe('findDatelineDate', () => {
  it('takes a "Published …" line near the top', () => {
    expect(findDatelineDate('Bridge reopens\nPublished 14 November 2025\n\nThe bridge reopened.', now)).toBe(
      '2025-11-14',
    );
    expect(findDatelineDate('Bridge reopens\nPosted on: Friday, November 14, 2025\n\nBody.', now)).toBe('2025-11-14');
  });

  it('takes a place-and-date dateline and a line that is only a date', () => {
    expect(findDatelineDate('KYIV, 14 November 2025 (Wire) – The embassy was hit.', now)).toBe('2025-11-14');
    expect(findDatelineDate('Headline\n14/11/2025\n\nBody text here.', now)).toBe('2025-11-14');
  });

  it('never takes a date from inside the story, a partial date, or one below the top', () => {
    expect(findDatelineDate('The ministry said on 14 November 2025 that the wall fell.', now)).toBeNull();
    expect(findDatelineDate('Headline\nNovember 14\n\nBody.', now)).toBeNull();
    const deep = `${'Filler line of the story goes on.\n'.repeat(8)}Published 14 November 2025`;
    expect(findDatelineDate(deep, now)).toBeNull();
  });

  it('drops a dateline in the future', () => {
    expect(findDatelineDate('Published 14 November 2030\n\nBody.', now)).toBeNull();
  });
});

describe('choosePublicationDate', () => {
  it('prefers the uploader, then metadata, then the text, and says which', () => {
    const text = 'Published 1 May 2025\n\nBody.';
    expect(choosePublicationDate({ given: '2025-05-02', found: '2025-05-03', text, now })).toMatchObject({
      publishedAt: '2025-05-02',
      publishedAtSource: 'uploader',
    });
    expect(choosePublicationDate({ found: '2025-05-03', text, now })).toMatchObject({
      publishedAt: '2025-05-03',
      publishedAtSource: 'metadata',
    });
    expect(choosePublicationDate({ text, now })).toMatchObject({
      publishedAt: '2025-05-01',
      publishedAtSource: 'text',
    });
    expect(choosePublicationDate({ text: 'No date here.', now })).toEqual({
      publishedAt: null,
      publishedAtSource: null,
      notes: [],
    });
  });

  it('drops metadata dates in the future or before 1800 with a note, and does not store them', () => {
    const future = choosePublicationDate({ found: '2099-01-01', text: 'Body.', now });
    expect(future).toMatchObject({ publishedAt: null, publishedAtSource: null });
    expect(future.notes[0]).toMatch(/2099-01-01.*in the future.*not kept/);
    const old = choosePublicationDate({ found: '1750-03-01', text: 'Published 1 May 2025\n\nBody.', now });
    expect(old).toMatchObject({ publishedAt: '2025-05-01', publishedAtSource: 'text' });
    expect(old.notes[0]).toMatch(/before 1800/);
  });
});
