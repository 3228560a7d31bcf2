import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoredDocument } from '../../../functions/core/search/index.ts';
import {
  formsOf,
  joinVariants,
  SpeakerDirectory,
  type FormCount,
} from '../../../functions/core/speakers/speaker-directory.ts';
import { countPeople, speakerDocumentFilter, speakerMatcher } from '../../../functions/core/speakers/speaker-filter.ts';

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

describe('countPeople', () => {
  it('counts each person once per document, under one of their forms', () => {
    const counts = countPeople(documents.map((d) => d.speakers));
    const zelensky = [...counts].filter(([name]) => /zelensk/i.test(name));
    expect(zelensky).toHaveLength(1);
    expect(zelensky[0][1]).toBe(2);
    expect(counts.get('Jane Smith')).toBe(1);
    expect(counts.get('John Smith')).toBe(1);
  });

  // The count joins without sets; the directory's own join (joinVariants over per-form sets)
  // is the reference it must agree with, person for person and count for count.
  it('counts what the directory join counts, over any documents (property)', () => {
    const form = fc.constantFrom(
      'Zelenskyy',
      'Mr Zelensky',
      'President Volodymyr Zelenskyy',
      'Zelensky',
      'Ilham Aliyev',
      'Aliyev',
      'Mehriban Aliyeva',
      'the ministry',
      'John Smith',
      'Jane Smith',
      'Smith',
      'Ms Smith',
      'officials',
      '',
    );
    fc.assert(
      fc.property(fc.array(fc.array(form, { maxLength: 4 }), { maxLength: 14 }), (speakersOf) => {
        const perName = new Map<string, FormCount>();
        speakersOf.forEach((speakers, n) => {
          for (const speaker of speakers) {
            const entry = perName.get(speaker) ?? { count: 0, documentIds: new Set<string>() };
            entry.count++;
            entry.documentIds.add(String(n));
            perName.set(speaker, entry);
          }
        });
        const expected = new Map(
          [...joinVariants(perName).values()].map((group) => [formsOf(group)[0], group.documentIds.size]),
        );
        expect([...countPeople(speakersOf)].sort()).toEqual([...expected].sort());
        // Records outlive a count: after counting other documents, the same documents give the same answer.
        countPeople(speakersOf.slice(1).reverse());
        expect([...countPeople(speakersOf)].sort()).toEqual([...expected].sort());
      }),
      { numRuns: 1000 },
    );
  });
});
