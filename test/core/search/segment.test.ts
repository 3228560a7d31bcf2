import { describe, expect, it } from 'vitest';
import { VerbatimError } from '../../../functions/core/errors.ts';
import { buildSegment, mergeSegments, type IndexableDocument } from '../../../functions/core/search/build-segment.ts';
import {
  MAX_REQUIRED,
  searchSegments,
  type Hits,
  type IndexQuery,
} from '../../../functions/core/search/search-segments.ts';
import { decodeSegment, encodeSegment } from '../../../functions/core/search/segment-codec.ts';
import { FIELD_COUNT, FIELDS, termKey, type Segment } from '../../../functions/core/search/segment.ts';

const doc = (id: string, title: string, text: string, speakers: string[] = [], publisher = ''): IndexableDocument => ({
  id,
  title,
  text,
  speakers,
  publisher,
  publishedAt: '2024-01-01',
});

const FIXTURE: IndexableDocument[] = [
  doc('d1', 'Government budget day', 'The minister presented the budget to parliament.', ['Ana Ruiz'], 'Daily Planet'),
  doc(
    'd2',
    'Harbour ferry strike',
    'Ferry workers at the Café du Port said the strike would continue over wine.',
    ['Tom Okafor'],
    'Coastal Times',
  ),
  doc(
    'd3',
    'Weather report',
    'Rain and wind; the government issued a warning about the ferry service.',
    [],
    'Daily Planet',
  ),
  doc(
    'd4',
    'Governor visits school',
    'The governor spoke to pupils about the budget.',
    ['Ana Ruiz', 'Lee Chan'],
    'Northern Herald',
  ),
];

const fixture = () => buildSegment(FIXTURE);

/** The ids of every hit, sorted (the set of matches). */
const ids = (hits: Hits): string[] => Array.from({ length: hits.total }, (_, i) => hits.document(i).id).sort();
/** The ids of every hit, best first. */
const ranked = (hits: Hits): string[] => hits.top(hits.total).map((i) => hits.document(i).id);
const search = (segment: Segment | Segment[], query: IndexQuery) =>
  searchSegments(Array.isArray(segment) ? segment : [segment], query);
const keysOf = (segment: Segment) => Array.from({ length: segment.termCount }, (_, i) => segment.key(i));

describe('Segment', () => {
  it('stores keys as <folded word>\\u0001<field digit>, sorted, with ascending postings', () => {
    const segment = fixture();
    expect(termKey('text', 'budget')).toBe('budget\u00011');
    const keys = keysOf(segment);
    expect(keys).toEqual([...keys].sort());
    expect(new Set(keys).size).toBe(keys.length);
    expect(segment.vocabulary).toBe(keys.join(''));
    for (let term = 0; term < segment.termCount; term++) {
      for (let p = segment.postingStarts[term] + 1; p < segment.postingStarts[term + 1]; p++) {
        expect(segment.postingDocuments![p]).toBeGreaterThan(segment.postingDocuments![p - 1]);
      }
    }

    const government = segment.find(termKey('title', 'government'));
    expect(government).toBeGreaterThanOrEqual(0);
    expect(segment.key(government)).toBe('government\u00010');
    expect(segment.frequency(government)).toBe(1);

    const ferry = segment.find(termKey('text', 'ferry'));
    expect(segment.frequency(ferry)).toBe(2);
    expect(
      Array.from(segment.postingDocuments!.subarray(segment.postingStarts[ferry], segment.postingStarts[ferry + 1])),
    ).toEqual([1, 2]);

    // "the" occurs twice in d1's text.
    const the = segment.find(termKey('text', 'the'));
    const d1 = Array.from(
      segment.postingDocuments!.subarray(segment.postingStarts[the], segment.postingStarts[the + 1]),
    ).indexOf(0);
    expect(segment.postingCounts![segment.postingStarts[the] + d1]).toBe(2);

    expect(segment.find(termKey('title', 'minister'))).toBe(-1);
    expect(segment.find(termKey('text', 'minister'))).toBeGreaterThanOrEqual(0);
    expect(segment.find(termKey('text', 'zzz'))).toBe(-1);
    expect(segment.find('')).toBe(-1);
    expect(segment.lowerBound('')).toBe(0);
    expect(segment.lowerBound('\uffff')).toBe(segment.termCount);
    expect(segment.key(segment.lowerBound('gov'))).toBe('government\u00010');
    // A word's keys in every field are neighbours.
    const budget = segment.lowerBound('budget');
    expect([segment.key(budget), segment.key(budget + 1)]).toEqual([
      termKey('title', 'budget'),
      termKey('text', 'budget'),
    ]);
  });

  it('counts words per field (title includes the publisher, speakers are joined)', () => {
    const segment = fixture();
    const lengths = (document: number) =>
      Array.from(segment.fieldLengths.subarray(document * FIELD_COUNT, (document + 1) * FIELD_COUNT));
    expect(lengths(0)).toEqual([3 + 2, 7, 2]);
    expect(lengths(2)).toEqual([2 + 2, 12, 0]);
    expect(lengths(3)).toEqual([3 + 2, 8, 4]);
    expect(segment.fieldTotals).toEqual(FIELDS.map((_, f) => [0, 1, 2, 3].reduce((sum, d) => sum + lengths(d)[f], 0)));
  });

  it('keeps fields apart: a title-only word is found in the title, not in the text', () => {
    const segment = fixture();
    expect(ids(search(segment, { all: [{ term: 'harbour', fields: ['title'] }] }))).toEqual(['d2']);
    expect(search(segment, { all: [{ term: 'harbour', fields: ['text'] }] }).total).toBe(0);
    expect(search(segment, { all: [{ term: 'harbour', fields: ['speakers'] }] }).total).toBe(0);
    expect(ids(search(segment, { all: [{ term: 'harbour' }] }))).toEqual(['d2']);
    // A word in both: each field finds only its own documents.
    expect(ids(search(segment, { all: [{ term: 'government', fields: ['title'] }] }))).toEqual(['d1']);
    expect(ids(search(segment, { all: [{ term: 'government', fields: ['text'] }] }))).toEqual(['d3']);
    expect(ids(search(segment, { all: [{ term: 'government', fields: ['title', 'text'] }] }))).toEqual(['d1', 'd3']);
  });

  it('makes publisher words searchable through the title field', () => {
    const segment = fixture();
    expect(ids(search(segment, { all: [{ term: 'planet', fields: ['title'] }] }))).toEqual(['d1', 'd3']);
    expect(ids(search(segment, { all: [{ term: 'Herald', fields: ['title'] }] }))).toEqual(['d4']);
    expect(search(segment, { all: [{ term: 'planet', fields: ['text', 'speakers'] }] }).total).toBe(0);
  });

  it('finds speakers through the speakers field only', () => {
    const segment = fixture();
    expect(ids(search(segment, { all: [{ term: 'ruiz', fields: ['speakers'] }] }))).toEqual(['d1', 'd4']);
    expect(ids(search(segment, { all: [{ term: 'chan', fields: ['speakers'] }] }))).toEqual(['d4']);
    expect(search(segment, { all: [{ term: 'ruiz', fields: ['text', 'title'] }] }).total).toBe(0);
    // Two speakers are two words each, not one run-on word.
    expect(search(segment, { all: [{ term: 'ruizlee', fields: ['speakers'] }] }).total).toBe(0);
  });

  it('folds case and accents, in documents and in queries', () => {
    const segment = fixture();
    expect(segment.find(termKey('text', 'cafe'))).toBeGreaterThanOrEqual(0);
    expect(segment.find(termKey('text', 'café'))).toBe(-1);
    for (const term of ['cafe', 'Café', 'CAFÉ', 'cafè'])
      expect(ids(search(segment, { all: [{ term }] }))).toEqual(['d2']);
    expect(ids(search(segment, { all: [{ term: 'GOVERNMENT' }] }))).toEqual(['d1', 'd3']);
  });

  it('kill marks a document dead once; has and liveCount follow', () => {
    const segment = fixture();
    expect(segment.liveCount).toBe(4);
    expect(segment.has('d2')).toBe(true);
    expect(segment.has('nope')).toBe(false);
    expect(segment.kill('d2')).toBe(true);
    expect(segment.kill('d2')).toBe(false);
    expect(segment.kill('nope')).toBe(false);
    expect(segment.has('d2')).toBe(false);
    expect(segment.isDead(1)).toBe(true);
    expect(segment.isDead(0)).toBe(false);
    expect(segment.liveCount).toBe(3);
    expect(segment.documents).toHaveLength(4);
    // Dead documents are no longer found, by words or by the wildcard.
    expect(ids(search(segment, { all: [{ term: 'ferry' }] }))).toEqual(['d3']);
    expect(search(segment, { all: [{ term: 'harbour' }] }).total).toBe(0);
    expect(ids(search(segment, {}))).toEqual(['d1', 'd3', 'd4']);
    segment.kill('d1');
    expect(segment.liveCount).toBe(2);
  });
});

describe('segment codec', () => {
  const QUERIES: IndexQuery[] = [
    { all: [{ term: 'budget' }] },
    { any: [{ term: 'ferry' }, { term: 'ruiz' }, { term: 'cafe' }] },
    { all: [{ term: 'the' }], none: [{ term: 'ferry' }] },
    { all: [{ term: 'gov', prefix: true }] },
    { all: [{ term: 'goverment', fuzzy: true }] },
    {},
  ];
  const sameResults = (a: Segment, b: Segment) => {
    for (const query of QUERIES) {
      const x = search(a, query);
      const y = search(b, query);
      expect(ranked(y)).toEqual(ranked(x));
      expect(Array.from({ length: y.total }, (_, i) => y.score(i))).toEqual(
        Array.from({ length: x.total }, (_, i) => x.score(i)),
      );
    }
  };
  const expectSameArrays = (decoded: Segment, segment: Segment) => {
    expect(decoded.documents).toEqual(segment.documents);
    expect(decoded.vocabulary).toBe(segment.vocabulary);
    expect(decoded.termStarts).toEqual(segment.termStarts);
    expect(decoded.postingStarts).toEqual(segment.postingStarts);
    expect(decoded.postingDocuments).toEqual(segment.postingDocuments);
    expect(decoded.postingCounts).toEqual(segment.postingCounts);
    expect(decoded.fieldLengths).toEqual(segment.fieldLengths);
    expect(decoded.fieldTotals).toEqual(segment.fieldTotals);
  };

  it('round-trips: same arrays, documents, vocabulary and search results', () => {
    const segment = fixture();
    const bytes = encodeSegment(segment);
    expect(bytes.byteLength % 4).toBe(0);
    const decoded = decodeSegment(bytes);
    expectSameArrays(decoded, segment);
    sameResults(decoded, segment);
    // And encoding the decoded segment gives the same bytes.
    expect(encodeSegment(decoded)).toEqual(bytes);
  });

  it('fingerprints each text by its words: copies differing in case or punctuation share it, through encode and merge', () => {
    const segment = buildSegment([
      doc('a', 'One title', 'The pier will be rebuilt, the council said.'),
      doc('b', 'Another title', 'THE PIER WILL BE REBUILT! The council said...'),
      doc('c', 'One title', 'The pier will be rebuilt, the council said again.'),
      doc('d', 'One title', 'The council said the pier will be rebuilt.'),
    ]);
    const prints = segment.documents.map((d) => d.wordsPrint);
    expect(prints[0]).toMatch(/^[0-9a-z]{14}$/);
    expect(prints[1]).toBe(prints[0]);
    // One more word, or the same words in another order, is another text.
    expect(new Set(prints).size).toBe(3);
    const decoded = decodeSegment(encodeSegment(segment));
    expect(decoded.documents.map((d) => d.wordsPrint)).toEqual(prints);
    expect(mergeSegments([decoded]).documents.map((d) => d.wordsPrint)).toEqual(prints);
  });

  it('round-trips an empty segment and non-ASCII vocabulary', () => {
    const empty = buildSegment([]);
    expectSameArrays(decodeSegment(encodeSegment(empty)), empty);
    const wide = buildSegment([doc('x', 'Ελληνικά Straße', 'Київ 東京 😀 naïve', ['Zoë']), doc('y', '', '')]);
    const decoded = decodeSegment(encodeSegment(wide));
    expectSameArrays(decoded, wide);
    expect(ids(search(decoded, { all: [{ term: 'kyiv' }] }))).toEqual([]);
    expect(ids(search(decoded, { all: [{ term: 'київ' }] }))).toEqual(['x']);
    expect(ids(search(decoded, { all: [{ term: '東京' }] }))).toEqual(['x']);
    expect(ids(search(decoded, { all: [{ term: 'zoe', fields: ['speakers'] }] }))).toEqual(['x']);
  });

  it('decodes bytes that start at an unaligned offset of a larger buffer', () => {
    const segment = fixture();
    const bytes = encodeSegment(segment);
    const larger = new Uint8Array(bytes.byteLength + 7).fill(0xee);
    larger.set(bytes, 1);
    const unaligned = larger.subarray(1, 1 + bytes.byteLength);
    expect(unaligned.byteOffset).toBe(1);
    const decoded = decodeSegment(unaligned);
    expectSameArrays(decoded, segment);
    sameResults(decoded, segment);
  });

  it('views the postings in place when the bytes are aligned within a larger buffer', () => {
    const segment = fixture();
    const bytes = encodeSegment(segment);
    const larger = new Uint8Array(bytes.byteLength + 16).fill(0xee);
    larger.set(bytes, 8);
    const decoded = decodeSegment(larger.subarray(8, 8 + bytes.byteLength));
    expect(decoded.postingDocuments!.buffer).toBe(larger.buffer);
    expect(decoded.positions!.buffer).toBe(larger.buffer);
    expectSameArrays(decoded, segment);
  });

  const expectCorrupt = (bytes: Uint8Array) => {
    let thrown: unknown;
    try {
      decodeSegment(bytes);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(VerbatimError);
    expect((thrown as VerbatimError).code).toBe('internal');
  };

  it('rejects garbage with an internal VerbatimError', () => {
    expectCorrupt(new Uint8Array(0));
    expectCorrupt(new Uint8Array([0x56, 0x53, 0x47]));
    expectCorrupt(new Uint8Array(64).fill(0xab));
    expectCorrupt(new TextEncoder().encode('{"this is": "json, not a segment"}'));
    // The right magic, but written for other fields.
    const header = new TextEncoder().encode(
      JSON.stringify({ fields: ['body'], termCount: 0, postingCount: 0, vocabularyBytes: 0, documents: [] }),
    );
    const other = new Uint8Array(8 + header.byteLength + 16);
    new DataView(other.buffer).setUint32(0, 0x31475356, true);
    new DataView(other.buffer).setUint32(4, header.byteLength, true);
    other.set(header, 8);
    expectCorrupt(other);
  });

  it('rejects bytes truncated inside the arrays with an internal VerbatimError', () => {
    const bytes = encodeSegment(fixture());
    const headerEnd = 8 + new DataView(bytes.buffer).getUint32(4, true);
    for (const length of [headerEnd, headerEnd + 2, headerEnd + 40, bytes.byteLength - 12])
      expectCorrupt(bytes.slice(0, length));
  });

  // Bugs found by these tests once: corrupt input must fail as a VerbatimError, never read past its view.
  describe('regressions', () => {
    it('rejects bytes truncated inside the JSON header with a VerbatimError', () => {
      const bytes = encodeSegment(fixture());
      expectCorrupt(bytes.slice(0, 12));
    });

    it('rejects a truncated view of a larger buffer', () => {
      const bytes = encodeSegment(fixture());
      // A view onto the first bytes of a buffer that holds more (as a pooled Node Buffer would).
      expectCorrupt(bytes.subarray(0, bytes.byteLength - 12));
    });
  });
});

describe('mergeSegments', () => {
  it('drops dead documents and keeps the order of the rest', () => {
    const a = buildSegment(FIXTURE.slice(0, 2));
    const b = buildSegment(FIXTURE.slice(2));
    a.kill('d1');
    b.kill('d4');
    const merged = mergeSegments([a, b]);
    expect(merged.documents.map((d) => d.id)).toEqual(['d2', 'd3']);
    expect(merged.liveCount).toBe(2);
    // Words only the dead documents had are gone from the vocabulary.
    expect(merged.find(termKey('text', 'minister'))).toBe(-1);
    expect(merged.find(termKey('speakers', 'ruiz'))).toBe(-1);
    expect(search(merged, { all: [{ term: 'budget' }] }).total).toBe(0);
    expect(ids(search(merged, { all: [{ term: 'ferry' }] }))).toEqual(['d2', 'd3']);
    // The same segment as one built from the live documents.
    const built = buildSegment([FIXTURE[1], FIXTURE[2]]);
    expect(merged.vocabulary).toBe(built.vocabulary);
    expect(merged.termStarts).toEqual(built.termStarts);
    expect(merged.postingStarts).toEqual(built.postingStarts);
    expect(merged.postingDocuments).toEqual(built.postingDocuments);
    expect(merged.postingCounts).toEqual(built.postingCounts);
    expect(merged.fieldLengths).toEqual(built.fieldLengths);
    expect(merged.documents).toEqual(built.documents);
  });

  it('merges without deletions into the concatenation, and handles empty input', () => {
    const merged = mergeSegments([buildSegment(FIXTURE.slice(0, 1)), buildSegment([]), buildSegment(FIXTURE.slice(1))]);
    const whole = fixture();
    expect(merged.documents).toEqual(whole.documents);
    expect(merged.vocabulary).toBe(whole.vocabulary);
    expect(merged.postingDocuments).toEqual(whole.postingDocuments);
    expect(merged.fieldLengths).toEqual(whole.fieldLengths);
    const none = mergeSegments([]);
    expect(none.documents).toEqual([]);
    expect(none.termCount).toBe(0);
    const allDead = buildSegment(FIXTURE.slice(0, 1));
    allDead.kill('d1');
    expect(mergeSegments([allDead]).termCount).toBe(0);
  });
});

describe('searchSegments', () => {
  it('ANDs `all`, ORs `any`, and excludes `none`', () => {
    const segment = fixture();
    expect(ids(search(segment, { all: [{ term: 'budget' }] }))).toEqual(['d1', 'd4']);
    expect(ids(search(segment, { all: [{ term: 'budget' }, { term: 'governor' }] }))).toEqual(['d4']);
    expect(ids(search(segment, { all: [{ term: 'budget' }, { term: 'ferry' }] }))).toEqual([]);
    expect(ids(search(segment, { any: [{ term: 'budget' }, { term: 'ferry' }] }))).toEqual(['d1', 'd2', 'd3', 'd4']);
    expect(ids(search(segment, { any: [{ term: 'harbour' }, { term: 'governor' }, { term: 'absent' }] }))).toEqual([
      'd2',
      'd4',
    ]);
    expect(ids(search(segment, { any: [{ term: 'absent' }] }))).toEqual([]);
    expect(ids(search(segment, { all: [{ term: 'the' }], none: [{ term: 'ferry' }] }))).toEqual(['d1', 'd4']);
    expect(ids(search(segment, { any: [{ term: 'budget' }, { term: 'ferry' }], none: [{ term: 'ruiz' }] }))).toEqual([
      'd2',
      'd3',
    ]);
    // `none` respects fields: "planet" is in d1's and d3's title (publisher), nowhere in text.
    expect(ids(search(segment, { all: [{ term: 'the' }], none: [{ term: 'planet', fields: ['text'] }] }))).toEqual([
      'd1',
      'd2',
      'd3',
      'd4',
    ]);
    expect(ids(search(segment, { all: [{ term: 'the' }], none: [{ term: 'planet', fields: ['title'] }] }))).toEqual([
      'd2',
      'd4',
    ]);
  });

  it('with `all` present, `any` words only add to the score', () => {
    const segment = fixture();
    const plain = search(segment, { all: [{ term: 'budget' }] });
    const boosted = search(segment, { all: [{ term: 'budget' }], any: [{ term: 'governor' }, { term: 'absent' }] });
    expect(ids(boosted)).toEqual(['d1', 'd4']);
    const score = (hits: Hits, id: string) => hits.score(hits.top(hits.total).find((i) => hits.document(i).id === id)!);
    expect(score(boosted, 'd1')).toBeCloseTo(score(plain, 'd1'), 12);
    expect(score(boosted, 'd4')).toBeGreaterThan(score(plain, 'd4'));
  });

  it('returns nothing when a required word is absent', () => {
    const segment = fixture();
    expect(search(segment, { all: [{ term: 'zebra' }] }).total).toBe(0);
    expect(search(segment, { all: [{ term: 'budget' }, { term: 'zebra' }] }).total).toBe(0);
    expect(search(segment, { all: [{ term: 'zebra' }], any: [{ term: 'budget' }] }).total).toBe(0);
    expect(search(segment, { all: [{ term: 'budget', fields: ['speakers'] }] }).total).toBe(0);
  });

  it('expands a prefix to longer words', () => {
    const segment = fixture();
    expect(search(segment, { all: [{ term: 'gover' }] }).total).toBe(0);
    expect(ids(search(segment, { all: [{ term: 'gover', prefix: true }] }))).toEqual(['d1', 'd3', 'd4']);
    expect(ids(search(segment, { all: [{ term: 'gover', prefix: true, fields: ['title'] }] }))).toEqual(['d1', 'd4']);
    // The word itself still matches, and ranks above a mere prefix match of the same field.
    const hits = search(segment, { all: [{ term: 'governor', prefix: true }] });
    expect(ids(hits)).toEqual(['d4']);
    const partial = search(segment, { all: [{ term: 'gov', prefix: true, fields: ['title'] }] });
    const exact = search(segment, { all: [{ term: 'government', fields: ['title'] }] });
    expect(partial.score(partial.top(2).find((i) => partial.document(i).id === 'd1')!)).toBeLessThan(exact.score(0));
  });

  it('falls back to fuzzy matching only for words the archive does not have', () => {
    const segment = fixture();
    expect(search(segment, { all: [{ term: 'goverment' }] }).total).toBe(0);
    expect(ids(search(segment, { all: [{ term: 'goverment', fuzzy: true }] }))).toEqual(['d1', 'd3']);
    expect(ids(search(segment, { all: [{ term: 'Goverment', fuzzy: true, fields: ['text'] }] }))).toEqual(['d3']);
    // "winx" is near both "wind" (d3) and "wine" (d2) …
    expect(ids(search(segment, { all: [{ term: 'winx', fuzzy: true }] }))).toEqual(['d2', 'd3']);
    // … but "wind" exists, so it matches only itself, not "wine".
    expect(ids(search(segment, { all: [{ term: 'wind', fuzzy: true }] }))).toEqual(['d3']);
    // Different first letter, or a word too short for typos: no match.
    expect(search(segment, { all: [{ term: 'bind', fuzzy: true }] }).total).toBe(0);
    expect(search(segment, { all: [{ term: 'thx', fuzzy: true }] }).total).toBe(0);
    // Two edits only from eight letters.
    expect(search(segment, { all: [{ term: 'bugdet', fuzzy: true }] }).total).toBe(0);
    expect(ids(search(segment, { all: [{ term: 'goverxmnt', fuzzy: true }] }))).toEqual(['d1', 'd3']);
    expect(ids(search(segment, { all: [{ term: 'minxxter', fuzzy: true }] }))).toEqual(['d1']);
    expect(search(segment, { all: [{ term: 'harbxxr', fuzzy: true }] }).total).toBe(0);
    expect(ids(search(segment, { all: [{ term: 'harbxur', fuzzy: true }] }))).toEqual(['d2']);
  });

  it('expands a prefix to at most the 32 most frequent words', () => {
    // word00 … word31 are in two documents each, word32 only in one: the 33rd word is left out.
    const common = Array.from({ length: 32 }, (_, w) => `word${String(w).padStart(2, '0')}`).join(' ');
    const segment = buildSegment([doc('a', '', common), doc('b', '', common), doc('lonely', '', 'word32')]);
    expect(ids(search(segment, { all: [{ term: 'word', prefix: true }] }))).toEqual(['a', 'b']);
    // A longer prefix has fewer words to choose from: all three fit.
    expect(ids(search(segment, { all: [{ term: 'word3', prefix: true }] }))).toEqual(['a', 'b', 'lonely']);
    expect(ids(search(segment, { all: [{ term: 'word32' }] }))).toEqual(['lonely']);
  });

  it(`evaluates at most ${MAX_REQUIRED} required words, the rarest`, () => {
    const rare = Array.from({ length: MAX_REQUIRED }, (_, i) => `rare${i}`).join(' ');
    const segment = buildSegment([
      doc('all', '', `${rare} common`),
      doc('most', '', rare),
      doc('c1', '', 'common'),
      doc('c2', '', 'common'),
    ]);
    const all = [...Array.from({ length: MAX_REQUIRED }, (_, i) => ({ term: `rare${i}` })), { term: 'common' }];
    // "common" is the most frequent of 31 required words: it is not evaluated.
    expect(ids(search(segment, { all }))).toEqual(['all', 'most']);
    // With 30, every one counts.
    expect(ids(search(segment, { all: all.slice(1) }))).toEqual(['all']);
  });

  it('top(k) equals a full sort by score, ties going to the lower hit number', () => {
    // Duplicated documents make ties.
    const segment = buildSegment([...FIXTURE, ...FIXTURE.map((d) => ({ ...d, id: `${d.id}-copy` }))]);
    for (const query of [
      { any: [{ term: 'the' }, { term: 'budget' }, { term: 'ferry' }, { term: 'ruiz' }] },
      { all: [{ term: 'the' }] },
      {},
    ] as IndexQuery[]) {
      const hits = search(segment, query);
      expect(hits.total).toBeGreaterThan(2);
      const sorted = Array.from({ length: hits.total }, (_, i) => i).sort(
        (a, b) => hits.score(b) - hits.score(a) || a - b,
      );
      for (let k = 0; k <= hits.total + 1; k++) expect(hits.top(k)).toEqual(sorted.slice(0, k));
    }
  });

  it('ranks a title match above a single body mention in a document of the same length', () => {
    const segment = buildSegment([
      doc('body', 'Morning news', 'alpha budget gamma delta'),
      doc('title', 'Budget news', 'alpha beta gamma delta'),
      doc('other', 'Evening news', 'alpha beta gamma delta'),
    ]);
    const hits = search(segment, { all: [{ term: 'budget' }] });
    expect(ranked(hits)).toEqual(['title', 'body']);
    expect(hits.score(hits.top(1)[0])).toBeGreaterThan(hits.score(hits.top(2)[1]));
  });

  it('scores a word in all its fields as one term (BM25F): the fields saturate together, under one idf', () => {
    const segment = buildSegment([
      doc('title', 'Ferry news', 'alpha beta gamma delta'),
      doc('text', 'Morning news', 'ferry beta gamma delta'),
      doc('both', 'Ferry news', 'ferry beta gamma delta'),
      doc('other', 'Evening news', 'alpha beta gamma delta'),
    ]);
    const hits = search(segment, { all: [{ term: 'ferry' }] });
    const score = new Map(Array.from({ length: hits.total }, (_, i) => [hits.document(i).id, hits.score(i)]));
    expect(ranked(hits)).toEqual(['both', 'title', 'text']);
    // Per-field BM25 would add the two fields' scores; one saturated term gives less than their sum.
    expect(score.get('both')!).toBeLessThan(score.get('title')! + score.get('text')!);
  });

  it('scores like BM25: more occurrences help, with diminishing returns; shorter fields help', () => {
    const segment = buildSegment([
      doc('once', '', 'ferry alpha beta gamma'),
      doc('twice', '', 'ferry ferry beta gamma'),
      doc('thrice', '', 'ferry ferry ferry gamma'),
      doc('short', '', 'ferry alpha'),
      doc('none', '', 'alpha beta gamma delta'),
    ]);
    const hits = search(segment, { all: [{ term: 'ferry' }] });
    const score = new Map(Array.from({ length: hits.total }, (_, i) => [hits.document(i).id, hits.score(i)]));
    expect(hits.total).toBe(4);
    const [once, twice, thrice] = [score.get('once')!, score.get('twice')!, score.get('thrice')!];
    expect(twice).toBeGreaterThan(once);
    expect(thrice).toBeGreaterThan(twice);
    expect(twice - once).toBeLessThan(once);
    expect(thrice - twice).toBeLessThan(twice - once);
    expect(score.get('short')!).toBeGreaterThan(once);
    // A rarer word weighs more: in the same document, "delta" (in one document) outscores "gamma" (in four).
    const rare = search(segment, { all: [{ term: 'delta' }] });
    const common = search(segment, { all: [{ term: 'gamma' }], filter: (d) => d.id === 'none' });
    expect(rare.total).toBe(1);
    expect(common.total).toBe(1);
    expect(rare.score(0)).toBeGreaterThan(common.score(0));
  });

  it('applies the filter', () => {
    const segment = fixture();
    const planet = (d: { publisher: string }) => d.publisher === 'Daily Planet';
    expect(ids(search(segment, { any: [{ term: 'government' }, { term: 'governor' }], filter: planet }))).toEqual([
      'd1',
      'd3',
    ]);
    expect(ids(search(segment, { all: [{ term: 'ferry' }], filter: (d) => d.id !== 'd2' }))).toEqual(['d3']);
    expect(search(segment, { all: [{ term: 'ferry' }], filter: () => false }).total).toBe(0);
  });

  it('treats empty `all` and `any` as every live document, filtered and excluded', () => {
    const segment = fixture();
    for (const query of [{}, { all: [], any: [] }] as IndexQuery[]) {
      const hits = search(segment, query);
      expect(ids(hits)).toEqual(['d1', 'd2', 'd3', 'd4']);
      for (let i = 0; i < hits.total; i++) expect(hits.score(i)).toBe(0);
      expect(ranked(hits)).toEqual(['d1', 'd2', 'd3', 'd4']);
    }
    expect(ids(search(segment, { filter: (d) => d.speakers.length > 0 }))).toEqual(['d1', 'd2', 'd4']);
    expect(ids(search(segment, { none: [{ term: 'ferry' }] }))).toEqual(['d1', 'd4']);
    expect(ids(search(segment, { none: [{ term: 'ferry' }, { term: 'Ruiz' }] }))).toEqual([]);
    expect(
      ids(search(segment, { none: [{ term: 'ferry', fields: ['title'] }], filter: (d) => d.id !== 'd4' })),
    ).toEqual(['d1', 'd3']);
    segment.kill('d1');
    expect(ids(search(segment, { none: [{ term: 'ferry' }] }))).toEqual(['d4']);
  });

  it('searches across segments, in segment order', () => {
    const a = buildSegment(FIXTURE.slice(0, 2));
    const b = buildSegment(FIXTURE.slice(2));
    expect(ids(search([a, b], { all: [{ term: 'budget' }] }))).toEqual(['d1', 'd4']);
    expect(ids(search([a, b], { all: [{ term: 'ferry' }, { term: 'strike' }] }))).toEqual(['d2']);
    expect(ranked(search([a, b], {}))).toEqual(['d1', 'd2', 'd3', 'd4']);
    expect(search([], { all: [{ term: 'budget' }] }).total).toBe(0);
    expect(search([], {}).total).toBe(0);
  });

  // Hit numbers follow the order documents were first touched by a posting list; ties must still
  // go to the earlier-archived document, as `Hits.top` promises.
  describe('regressions', () => {
    it('leaves no trace of a query that threw halfway (the scratch arrays are reused)', () => {
      const segment = fixture();
      const before = ids(search(segment, { all: [{ term: 'budget' }] }));
      expect(() =>
        search(segment, {
          all: [{ term: 'budget' }],
          filter: () => {
            throw new Error('filter failed');
          },
        }),
      ).toThrow('filter failed');
      expect(ids(search(segment, { all: [{ term: 'budget' }] }))).toEqual(before);
    });

    it('breaks score ties in favour of the earlier-archived document', () => {
      const segment = buildSegment([doc('first', '', 'beta'), doc('second', '', 'alpha')]);
      const hits = search(segment, { any: [{ term: 'alpha' }, { term: 'beta' }] });
      expect(hits.score(0)).toBe(hits.score(1));
      expect(ranked(hits)).toEqual(['first', 'second']);
    });
  });
});
