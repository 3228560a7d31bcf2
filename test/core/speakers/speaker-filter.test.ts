import { describe, expect, it } from 'vitest';
import type { StoredDocument } from '../../../functions/core/search/index.ts';
import { SpeakerDirectory } from '../../../functions/core/speakers/speaker-directory.ts';
import {
  PeopleCounter,
  speakerDocumentFilter,
  speakerMatcher,
} from '../../../functions/core/speakers/speaker-filter.ts';

const doc = (id: string, speakers: string[]): StoredDocument => ({
  id,
  publisher: 'Wire',
  publishedAt: '2024-01-01',
  speakers,
});
const documents = [
  doc('a', ['Zelenskyy', 'Mr Zelensky']),
  doc('b', ['Zelensky']),
  doc('c', ['Jane Smith']),
  doc('d', ['John Smith', 'the ministry']),
];
const directory = SpeakerDirectory.build(documents);

describe('speakerMatcher', () => {
  it('matches every form of a known person and no one else', () => {
    const isZelenskyy = speakerMatcher(directory, 'Zelensky');
    expect(['Zelenskyy', 'Mr Zelensky', 'Zelensky'].every(isZelenskyy)).toBe(true);
    expect(isZelenskyy('Jane Smith')).toBe(false);
    const isJane = speakerMatcher(directory, 'Jane Smith');
    expect(isJane('Jane Smith')).toBe(true);
    expect(isJane('John Smith')).toBe(false);
  });

  it('falls back to folded words for a name the directory does not know', () => {
    expect(speakerMatcher(directory, 'Jane')('Jane Smith')).toBe(true);
    expect(speakerMatcher(directory, 'Jane')('John Smith')).toBe(false);
    expect(speakerMatcher(directory, 'Nobody')('Jane Smith')).toBe(false);
  });

  it('filters documents, together with another filter', () => {
    const filter = speakerDocumentFilter(speakerMatcher(directory, 'Mr Zelensky'), (d) => d.id !== 'b');
    expect(documents.filter(filter).map((d) => d.id)).toEqual(['a']);
  });
});

describe('PeopleCounter', () => {
  it('counts each person once per document, under one of their forms', () => {
    const counter = new PeopleCounter();
    for (const d of documents) counter.add(d.id, d.speakers);
    const counts = counter.counts();
    const zelensky = [...counts].filter(([name]) => /zelensk/i.test(name));
    expect(zelensky).toHaveLength(1);
    expect(zelensky[0][1]).toBe(2);
    expect(counts.get('Jane Smith')).toBe(1);
    expect(counts.get('John Smith')).toBe(1);
  });
});
