import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinVariants, SpeakerDirectory, type FormCount } from '../../../functions/core/speakers/speaker-directory.ts';
import type { StoredDocument } from '../../../functions/core/search/index.ts';

const doc = (id: string, speakers: string[], publisher = 'BBC News'): StoredDocument => ({
  id,
  publisher,
  publishedAt: '2024-01-01',
  speakers,
});

const documents = [
  doc('a', ['Zelenskyy', 'the ministry']),
  doc('b', ['Zelenskyy'], 'Reuters'),
  doc('c', ['President Volodymyr Zelenskyy', 'Ilham Aliyev']),
  doc('d', ['Mr Zelensky', 'Aliyev']),
  doc('e', ['Zelenskiy', 'Jane Smith', 'John Smith'], 'Reuters'),
];

describe('SpeakerDirectory', () => {
  const directory = SpeakerDirectory.build(documents);

  it('joins the forms of one person, named by the most frequent form, counted per document', () => {
    const person = directory.person('Mr Zelensky');
    expect(person?.name).toBe('Zelenskyy');
    expect(person?.count).toBe(5);
    expect(new Set(person?.variants)).toEqual(
      new Set(['Zelenskyy', 'President Volodymyr Zelenskyy', 'Mr Zelensky', 'Zelenskiy']),
    );
    expect(directory.canonical('Aliyev')).toBe(directory.canonical('Ilham Aliyev'));
    expect(directory.person('Aliyev')?.count).toBe(2);
  });

  it('keeps different people of one surname apart, and finds an unseen form of a known person', () => {
    expect(directory.person('Jane Smith')?.name).toBe('Jane Smith');
    expect(directory.person('John Smith')?.name).toBe('John Smith');
    expect(directory.person('Volodymyr Zelenskiy')?.name).toBe('Zelenskyy');
    expect(directory.person('Nobody Known')).toBeUndefined();
  });

  it('suggests one entry per person by prefix and fuzzily, and publishers', () => {
    expect(directory.suggest('zelen').speakers).toEqual([{ name: 'Zelenskyy', count: 5 }]);
    expect(directory.suggest('zelemsky').speakers.map((s) => s.name)).toContain('Zelenskyy');
    expect(directory.suggest('reut').publishers).toEqual([{ name: 'Reuters', count: 2 }]);
    expect(directory.suggest('qqqq')).toEqual({ speakers: [], publishers: [] });
  });
});

describe('joinVariants', () => {
  const form = fc.constantFrom(
    'Zelenskyy',
    'Mr Zelensky',
    'Zelensky',
    'Ilham Aliyev',
    'Aliyev',
    'the ministry',
    'John Smith',
    'Jane Smith',
    'Smith',
    '',
  );
  const perName = fc
    .array(fc.tuple(form, fc.nat(9), fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 5 })), {
      maxLength: 12,
    })
    .map((rows) => new Map(rows.map(([name, count, ids]) => [name, { count: count + 1, documentIds: new Set(ids) }])));

  it("gives each group the union of its forms' documents, and leaves its input as it was (property)", () => {
    fc.assert(
      fc.property(perName, (input: Map<string, FormCount>) => {
        const before = [...input].map(([name, entry]) => [name, entry.count, [...entry.documentIds].sort()]);
        const groups = joinVariants(input);
        expect([...input].map(([name, entry]) => [name, entry.count, [...entry.documentIds].sort()])).toEqual(before);
        const seen = new Set<string>();
        for (const group of groups.values()) {
          const union = new Set([...group.forms.keys()].flatMap((name) => [...input.get(name)!.documentIds]));
          expect([...group.documentIds].sort()).toEqual([...union].sort());
          for (const name of group.forms.keys()) {
            expect(seen.has(name)).toBe(false);
            seen.add(name);
          }
        }
        expect([...seen].sort()).toEqual([...input.keys()].sort());
      }),
      { numRuns: 500 },
    );
  });
});
