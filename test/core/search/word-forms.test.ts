import { describe, expect, it } from 'vitest';
import { buildSegment, mergeSegments, type IndexableDocument } from '../../../functions/core/search/build-segment.ts';
import {
  MAX_FORM_SCAN,
  searchSegments,
  type Hits,
  type IndexQuery,
} from '../../../functions/core/search/search-segments.ts';
import { decodeSegment, encodeSegment } from '../../../functions/core/search/segment-codec.ts';
import { wordOf, type Segment } from '../../../functions/core/search/segment.ts';
import { formsOf, isFormOf, NO_STEM, stemCode, stemOf } from '../../../functions/core/search/word-stems.ts';
import { wordKey } from '../../../functions/core/text/word-keys.ts';

const doc = (id: string, title: string, text: string): IndexableDocument => ({
  id,
  title,
  text,
  speakers: [],
  publisher: '',
  publishedAt: '',
});

const FIXTURE = [
  doc('singular', 'Report', 'Protesters gathered outside the embassy on Monday.'),
  doc('plural', 'Roundup', 'Both embassies were closed after the protest.'),
  doc('verb', 'Statement', 'The ministry protested strongly and went home.'),
  doc('other', 'Weather', 'Rain and wind over the harbour.'),
];

const ranked = (hits: Hits): string[] => hits.top(hits.total).map((i) => hits.document(i).id);
const search = (segments: Segment[], query: IndexQuery) => ranked(searchSegments(segments, query));

describe('stem codes', () => {
  it('give back the stem the quote finder uses for every word they can encode', () => {
    for (const word of [
      'embassy',
      'embassies',
      'protested',
      'protesting',
      'hoping',
      'nation',
      'relational',
      'running',
      'zelenskyy',
      '2020',
      'cafe',
    ]) {
      const code = stemCode(word);
      expect(code).not.toBe(NO_STEM);
      expect(stemOf(word, code)).toBe(wordKey(word));
    }
  });

  it('mark irregular forms that no prefix rule gives, which are found through the lemma table', () => {
    expect(stemCode('went')).toBe(NO_STEM);
    expect(stemOf('went', NO_STEM)).toBeNull();
    expect(formsOf('go').irregular).toContain('went');
  });

  it('are stored per key and survive merging and the file format', () => {
    const whole = buildSegment(FIXTURE);
    const merged = mergeSegments([buildSegment(FIXTURE.slice(0, 2)), buildSegment(FIXTURE.slice(2))]);
    const decoded = decodeSegment(encodeSegment(whole));
    for (const segment of [merged, decoded]) expect(segment.stemCodes).toEqual(whole.stemCodes);
    for (let term = 0; term < whole.termCount; term++)
      expect(whole.stemCodes[term]).toBe(stemCode(wordOf(whole.key(term))));
  });

  it('refuse a shard of an older layout (VSG9) with an internal error, so the reader rebuilds', () => {
    const bytes = encodeSegment(buildSegment(FIXTURE));
    bytes.set(new TextEncoder().encode('VSG9'), 0);
    expect(() => decodeSegment(bytes)).toThrow(/not a Verbatim segment of this version/);
  });
});

describe('word forms in search', () => {
  const segments = [buildSegment(FIXTURE.slice(0, 2)), buildSegment(FIXTURE.slice(2))];

  it('finds every form of a word when asked for forms, and only the exact one otherwise', () => {
    expect(search(segments, { all: [{ term: 'embassies', forms: true }] }).sort()).toEqual(['plural', 'singular']);
    expect(search(segments, { all: [{ term: 'embassies' }] })).toEqual(['plural']);
    expect(search(segments, { all: [{ term: 'protests', forms: true }] }).sort()).toEqual([
      'plural',
      'singular',
      'verb',
    ]);
    expect(search(segments, { all: [{ term: 'goes', forms: true }] })).toEqual(['verb']);
    expect(
      search(segments, { all: [{ term: 'embassies', forms: true }], none: [{ term: 'closing', forms: true }] }),
    ).toEqual(['singular']);
  });

  it('ranks the exact form above other forms of the word', () => {
    expect(search(segments, { all: [{ term: 'embassy', forms: true }] })).toEqual(['singular', 'plural']);
    expect(search(segments, { all: [{ term: 'embassies', forms: true }] })).toEqual(['plural', 'singular']);
  });

  it('ranks a document with a typed word rarer than its forms above documents repeating a common form', () => {
    // "centered" once, against pages that say "center" three times: the typed word is what is specific.
    const pages = [
      doc('roundup', 'Campaign trail', 'The race centered on the economy and on the voters who stayed home this year.'),
      ...Array.from({ length: 6 }, (_, i) =>
        doc(`center${i}`, 'Storm', 'The center moved west; the center held; the center of the storm.'),
      ),
    ];
    expect(search([buildSegment(pages)], { all: [{ term: 'centered', forms: true }] })[0]).toBe('roundup');
    // Asked for the common form, the pages that say it come first, the other form still found.
    const common = search([buildSegment(pages)], { all: [{ term: 'center', forms: true }] });
    expect(common.at(-1)).toBe('roundup');
    expect(common).toHaveLength(7);
  });

  it('in a query of several words, ranks every word in another form above one word as typed', () => {
    // "centered" alone prefers its own documents (above); with more words, matching all of them
    // well counts, not which one happens to be written as typed.
    const pages = [
      doc('forms', 'Campaign trail', 'The center of the campaign: voters at the center, a centre-right race.'),
      doc('typed', 'Campaign trail', 'The debate centered on taxes and the voters who stayed home this year.'),
      ...Array.from({ length: 6 }, (_, i) => doc(`center${i}`, 'Storm', 'The center of the storm moved west.')),
    ];
    const segments = [buildSegment(pages)];
    const both = [
      { term: 'centered', forms: true },
      { term: 'campaigns', forms: true },
    ];
    expect(search(segments, { all: both })).toEqual(['forms', 'typed']);
    // Alike otherwise, the document with the form as typed still ranks first.
    const alike = [
      doc('other', 'Trail', 'The race was centred on the economy; campaign staff at the center.'),
      doc('exact', 'Trail', 'The race was centred on the economy; campaign staff centered there.'),
    ];
    expect(search([buildSegment(alike)], { all: both })).toEqual(['exact', 'other']);
  });

  it('joins forms the Porter stemmer splits: exceed / exceeded, lie / lied / lying', () => {
    expect(new Set(['exceed', 'exceeds', 'exceeded', 'exceeding'].map(wordKey)).size).toBe(1);
    expect(new Set(['lie', 'lies', 'lied', 'lying'].map(wordKey)).size).toBe(1);
    expect(wordKey('feeding')).toBe(wordKey('feed'));
    const texts = [buildSegment([doc('a', 'x', 'Costs exceed the budget.'), doc('b', 'x', 'He was lying.')])];
    expect(search(texts, { all: [{ term: 'exceeded', forms: true }] })).toEqual(['a']);
    expect(search(texts, { all: [{ term: 'lied', forms: true }] })).toEqual(['b']);
  });

  it('finds the forms porterStem mends: surpluses / surplus, skies / sky, staffed / staff', () => {
    const texts = [
      buildSegment([
        doc('surplus', 'x', 'The budget showed a surplus.'),
        doc('sky', 'x', 'Clear sky over the coast.'),
        doc('staff', 'x', 'The staff went home.'),
      ]),
    ];
    expect(search(texts, { all: [{ term: 'surpluses', forms: true }] })).toEqual(['surplus']);
    expect(search(texts, { all: [{ term: 'skies', forms: true }] })).toEqual(['sky']);
    expect(search(texts, { all: [{ term: 'staffed', forms: true }] })).toEqual(['staff']);
    expect(search(texts, { all: [{ term: 'surpluses' }] })).toEqual([]);
  });

  it('gives an irregular form that is also a word of its own both families: "found" finds "finds" and "founded"', () => {
    expect(formsOf('found').regular).toEqual({ stem: 'found', prefix: 'found' });
    expect(formsOf('finding').regular).toBeUndefined();
    const texts = [
      buildSegment([
        doc('find', 'x', 'She finds the letters.'),
        doc('founder', 'x', 'The company was founded in 1901.'),
        doc('other', 'x', 'Nothing here.'),
      ]),
    ];
    expect(search(texts, { all: [{ term: 'found', forms: true }] }).sort()).toEqual(['find', 'founder']);
    // The other way stays regular: "founded" is no form of "find".
    expect(search(texts, { all: [{ term: 'founding', forms: true }] })).toEqual(['founder']);
    expect(isFormOf('founded', formsOf('found'))).toBe(true);
    expect(isFormOf('finds', formsOf('found'))).toBe(true);
  });

  it('takes a word form for a word form, not a typo: no fuzzy matches when a form exists', () => {
    const typo = [buildSegment([doc('a', 'x', 'the embassy'), doc('b', 'x', 'the embasy')])];
    expect(search(typo, { all: [{ term: 'embassies', forms: true, fuzzy: true }] })).toEqual(['a']);
    // A true typo has no forms: it matches close spellings.
    expect(search(typo, { all: [{ term: 'embasssy', forms: true, fuzzy: true }] }).sort()).toEqual(['a', 'b']);
  });

  it('bounds the scan for forms by MAX_FORM_SCAN keys per segment', () => {
    const many = Array.from({ length: MAX_FORM_SCAN + 10 }, (_, i) => `protest${i}`).join(' ');
    const big = [buildSegment([doc('noise', 'x', many), doc('late', 'x', 'protesting')])];
    // "protesting" sorts after all the noise words, beyond the cap: not found, but no stall either.
    expect(search(big, { all: [{ term: 'protest', forms: true }] })).not.toContain('late');
    expect(search(big, { all: [{ term: 'protesting', forms: true }] })).toEqual(['late']);
  });

  it('marks text words that are forms of a query word', () => {
    const forms = formsOf('embassies');
    expect(['embassy', 'embassies', 'embassi'].every((w) => isFormOf(w, forms))).toBe(true);
    expect(['embark', 'embassador'].some((w) => isFormOf(w, forms))).toBe(false);
  });
});
