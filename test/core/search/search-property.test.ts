import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { groupIntoShards, type Shard } from '../../../functions/core/search/plan-shards.ts';
import { SearchIndex } from '../../../functions/core/search/search-index.ts';
import { buildSegment, mergeSegments, type IndexableDocument } from '../../../functions/core/search/build-segment.ts';
import {
  searchSegments,
  type Hits,
  type IndexQuery,
  type TermClause,
} from '../../../functions/core/search/search-segments.ts';
import { decodeSegment, encodeSegment } from '../../../functions/core/search/segment-codec.ts';
import { FIELDS, type Field, type Segment } from '../../../functions/core/search/segment.ts';

// A small vocabulary, so that random documents and queries overlap a lot. One word has an accent,
// one is a number, one is a prefix of another ("port" / "portrait"), two are one edit apart.
const WORDS = [
  'budget',
  'ferry',
  'strike',
  'minister',
  'café',
  'rain',
  'harbour',
  'vote',
  'port',
  'portrait',
  '2024',
  'wind',
  'wine',
];
/** A query word no document has. */
const ABSENT = WORDS.length;
const wordAt = (w: number) => (w === ABSENT ? 'zebra' : WORDS[w]);

/** A word of the vocabulary and how it is written: as is, Capitalised, UPPER, or without accents. */
interface Word {
  w: number;
  v: number;
}
const render = ({ w, v }: Word): string => {
  const word = wordAt(w);
  if (v === 1) return word[0].toUpperCase() + word.slice(1);
  if (v === 2) return word.toUpperCase();
  if (v === 3) return word.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return word;
};

interface GenDoc {
  title: Word[];
  publisher: Word[];
  text: Word[];
  speakers: Word[][];
  separator: string;
}

const wordArb: fc.Arbitrary<Word> = fc.record({ w: fc.nat(WORDS.length - 1), v: fc.nat(3) });
const words = (maxLength: number) => fc.array(wordArb, { maxLength });
const docArb: fc.Arbitrary<GenDoc> = fc.record({
  title: words(4),
  publisher: words(2),
  text: words(12),
  speakers: fc.array(words(2), { maxLength: 2 }),
  separator: fc.constantFrom(' ', ', ', '. ', '\n', ' — ', '’', '  (', '!'),
});
const corpusArb = fc.array(docArb, { maxLength: 20 });

const idOf = (n: number) => `doc${n}`;
const toIndexable = (id: string, g: GenDoc): IndexableDocument => {
  const join = (ws: Word[]) => ws.map(render).join(g.separator);
  return {
    id,
    title: join(g.title),
    publisher: join(g.publisher),
    text: join(g.text),
    speakers: g.speakers.map(join),
    publishedAt: '',
  };
};

/** The reference: which vocabulary words each field holds, straight from the generated words. */
const fieldWords = (g: GenDoc): Record<Field, Set<number>> => ({
  title: new Set([...g.title, ...g.publisher].map((x) => x.w)),
  text: new Set(g.text.map((x) => x.w)),
  speakers: new Set(g.speakers.flat().map((x) => x.w)),
});

interface GenClause {
  w: number;
  v: number;
  fields?: Field[];
}
interface GenQuery {
  all?: GenClause[];
  any?: GenClause[];
  none?: GenClause[];
  /** Only these ids pass the filter. */
  filter?: string[];
}

const fieldsArb = fc.option(fc.subarray([...FIELDS] as Field[], { minLength: 1 }), { nil: undefined });
const clauseArb: fc.Arbitrary<GenClause> = fc.record(
  { w: fc.nat(ABSENT), v: fc.nat(3), fields: fieldsArb },
  { requiredKeys: ['w', 'v'] },
);
const clauses = (maxLength: number) => fc.option(fc.array(clauseArb, { maxLength }), { nil: undefined });
const queryArb: fc.Arbitrary<GenQuery> = fc.record(
  {
    all: clauses(3),
    any: clauses(3),
    none: clauses(2),
    filter: fc.option(fc.uniqueArray(fc.nat(19).map(idOf), { maxLength: 20 }), { nil: undefined }),
  },
  { requiredKeys: [] },
);

const toClause = (c: GenClause): TermClause => ({ term: render(c), ...(c.fields ? { fields: c.fields } : {}) });
const toQuery = (q: GenQuery): IndexQuery => ({
  all: q.all?.map(toClause),
  any: q.any?.map(toClause),
  none: q.none?.map(toClause),
  filter: q.filter
    ? (
        (allowed) => (d) =>
          allowed.has(d.id)
      )(new Set(q.filter))
    : undefined,
});

/** The ids a query should find among live documents: AND of `all`, else OR of `any`, minus `none`. */
function reference(live: Array<[string, GenDoc]>, q: GenQuery): string[] {
  const matches = (g: GenDoc, c: GenClause) => {
    const present = fieldWords(g);
    return (c.fields ?? FIELDS).some((f) => present[f].has(c.w));
  };
  return live
    .filter(([id, g]) => {
      if (q.filter && !q.filter.includes(id)) return false;
      const all = q.all ?? [];
      const any = q.any ?? [];
      if (all.length > 0 && !all.every((c) => matches(g, c))) return false;
      if (all.length === 0 && any.length > 0 && !any.some((c) => matches(g, c))) return false;
      return !(q.none ?? []).some((c) => matches(g, c));
    })
    .map(([id]) => id)
    .sort();
}

// Queries for comparing implementations with each other (no reference): prefixes and typos too.
const looseClauseArb: fc.Arbitrary<TermClause> = fc
  .record({
    w: fc.nat(ABSENT),
    v: fc.nat(3),
    shape: fc.constantFrom('word', 'prefix', 'typo'),
    cut: fc.nat(8),
    prefix: fc.boolean(),
    fuzzy: fc.boolean(),
    fields: fieldsArb,
  })
  .map(({ w, v, shape, cut, prefix, fuzzy, fields }) => {
    let term = render({ w, v });
    if (shape === 'prefix') term = term.slice(0, Math.max(1, Math.min(cut, term.length)));
    if (shape === 'typo' && term.length > 1) {
      const at = 1 + (cut % (term.length - 1));
      term = term.slice(0, at) + 'x' + term.slice(at + 1);
    }
    return { term, prefix, fuzzy, ...(fields ? { fields } : {}) };
  });
const looseQueryArb: fc.Arbitrary<IndexQuery> = fc.record(
  {
    all: fc.array(looseClauseArb, { maxLength: 3 }),
    any: fc.array(looseClauseArb, { maxLength: 3 }),
    none: fc.array(looseClauseArb, { maxLength: 2 }),
  },
  { requiredKeys: [] },
);

const ids = (hits: Hits): string[] => Array.from({ length: hits.total }, (_, i) => hits.document(i).id).sort();
const scoresById = (hits: Hits): Map<string, number> =>
  new Map(Array.from({ length: hits.total }, (_, i) => [hits.document(i).id, hits.score(i)]));
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

function expectSameScores(actual: Hits, expected: Hits): void {
  const a = scoresById(actual);
  const e = scoresById(expected);
  expect([...a.keys()].sort()).toEqual([...e.keys()].sort());
  for (const [id, score] of e) {
    if (!close(a.get(id)!, score)) expect.fail(`score of ${id}: ${a.get(id)} ≠ ${score}`);
  }
}

/** Ids best first, score ties broken by archive order (`order`): a ranking independent of hit numbering. */
const canonicalRanking = (hits: Hits, order: string[]): string[] => {
  const position = new Map(order.map((id, i) => [id, i]));
  const scores = scoresById(hits);
  return [...scores.keys()].sort((a, b) => scores.get(b)! - scores.get(a)! || position.get(a)! - position.get(b)!);
};

/** Splits documents at the cut points into consecutive pieces. */
const split = <T>(items: T[], cuts: number[]): T[][] => {
  const points = [0, ...cuts.map((c) => Math.min(c, items.length)).sort((a, b) => a - b), items.length];
  return points.slice(1).map((end, i) => items.slice(points[i], end));
};

const sameArrays = (a: Segment, b: Segment) => {
  expect(a.documents).toEqual(b.documents);
  expect(a.vocabulary).toBe(b.vocabulary);
  expect(a.termStarts).toEqual(b.termStarts);
  expect(a.postingStarts).toEqual(b.postingStarts);
  expect(a.postingDocuments).toEqual(b.postingDocuments);
  expect(a.postingCounts).toEqual(b.postingCounts);
  expect(a.fieldLengths).toEqual(b.fieldLengths);
};

const killsArb = fc.array(fc.boolean(), { minLength: 20, maxLength: 20 });
const cutsArb = fc.array(fc.nat(20), { maxLength: 2 });
const RUNS = { numRuns: 300 };

describe('searchSegments against a reference', () => {
  it('finds exactly the reference set, with dead documents excluded', () => {
    fc.assert(
      fc.property(corpusArb, killsArb, queryArb, (corpus, kills, q) => {
        const segment = buildSegment(corpus.map((g, n) => toIndexable(idOf(n), g)));
        corpus.forEach((_, n) => kills[n] && expect(segment.kill(idOf(n))).toBe(true));
        const live = corpus.flatMap((g, n): Array<[string, GenDoc]> => (kills[n] ? [] : [[idOf(n), g]]));
        expect(segment.liveCount).toBe(live.length);
        const hits = searchSegments([segment], toQuery(q));
        expect(ids(hits)).toEqual(reference(live, q));
        const wildcard = (q.all ?? []).length === 0 && (q.any ?? []).length === 0;
        for (let i = 0; i < hits.total; i++) {
          if (wildcard) expect(hits.score(i)).toBe(0);
          else expect(hits.score(i)).toBeGreaterThan(0);
          expect(Number.isFinite(hits.score(i))).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('top(k) is the full sort by score, then archive order, cut at k', () => {
    fc.assert(
      fc.property(corpusArb, looseQueryArb, fc.nat(25), (corpus, query, k) => {
        const hits = searchSegments([buildSegment(corpus.map((g, n) => toIndexable(idOf(n), g)))], query);
        const order = new Map(corpus.map((_, n) => [idOf(n), n]));
        const position = (hit: number) => order.get(hits.document(hit).id)!;
        const sorted = Array.from({ length: hits.total }, (_, i) => i).sort(
          (a, b) => hits.score(b) - hits.score(a) || position(a) - position(b),
        );
        expect(hits.top(k)).toEqual(sorted.slice(0, k));
      }),
      RUNS,
    );
  });
});

describe('a later required word searched from the candidates', () => {
  // A common word in most documents beside a rare one: the common word's postings outnumber the
  // rare word's candidates many times over, so the whole segment searches them from each candidate,
  // while segments of one document each walk theirs. Both must find and score the same.
  const mostlyCommon = fc.array(
    fc.record({
      rare: fc.nat(19).map((n) => n === 0),
      common: fc.nat(9).map((n) => n > 0),
      filler: fc.array(fc.constantFrom('rain', 'harbour', 'vote', 'port', 'wind', 'wine'), { maxLength: 6 }),
    }),
    { minLength: 60, maxLength: 200 },
  );
  it('finds and scores what walking the postings finds', () => {
    fc.assert(
      fc.property(mostlyCommon, fc.boolean(), (rows, twoCommon) => {
        const documents = rows.map((row, n) => ({
          id: idOf(n),
          title: '',
          publisher: '',
          text: [...(row.rare ? ['ferry'] : []), ...(row.common ? ['budget', 'strike'] : []), ...row.filler].join(' '),
          speakers: [],
          publishedAt: '',
        }));
        const query: IndexQuery = {
          all: [{ term: 'ferry' }, { term: 'budget' }, ...(twoCommon ? [{ term: 'strike' }] : [])],
        };
        const expected = searchSegments(
          documents.map((document) => buildSegment([document])),
          query,
        );
        expectSameScores(searchSegments([buildSegment(documents)], query), expected);
      }),
      { numRuns: 100 },
    );
  });
});

describe('segments split, killed, merged and encoded', () => {
  it('pieces with kills find what the reference finds, scored like one segment with the same kills', () => {
    fc.assert(
      fc.property(corpusArb, cutsArb, killsArb, queryArb, (corpus, cuts, kills, q) => {
        const documents = corpus.map((g, n) => toIndexable(idOf(n), g));
        const pieces = split(documents, cuts).map(buildSegment);
        // BM25 statistics are global over segments (deleted documents included, as in one segment).
        const whole = buildSegment(documents);
        corpus.forEach((_, n) => {
          if (!kills[n]) return;
          expect(pieces.filter((p) => p.kill(idOf(n)))).toHaveLength(1);
          whole.kill(idOf(n));
        });
        const live = corpus.flatMap((g, n): Array<[string, GenDoc]> => (kills[n] ? [] : [[idOf(n), g]]));
        const query = toQuery(q);
        const hits = searchSegments(pieces, query);
        expect(ids(hits)).toEqual(reference(live, q));
        expectSameScores(hits, searchSegments([whole], query));
      }),
      RUNS,
    );
  });

  it('without kills, pieces score exactly like the unsplit segment (prefix and fuzzy included)', () => {
    fc.assert(
      fc.property(corpusArb, cutsArb, looseQueryArb, (corpus, cuts, query) => {
        const documents = corpus.map((g, n) => toIndexable(idOf(n), g));
        const pieces = split(documents, cuts).map(buildSegment);
        const expected = searchSegments([buildSegment(documents)], query);
        const actual = searchSegments(pieces, query);
        expectSameScores(actual, expected);
        const order = documents.map((d) => d.id);
        expect(canonicalRanking(actual, order)).toEqual(canonicalRanking(expected, order));
        // And hit scores come out best first whatever the segmentation.
        const top = actual.top(actual.total).map((i) => actual.score(i));
        expect(top).toEqual([...top].sort((a, b) => b - a));
      }),
      RUNS,
    );
  });

  it('mergeSegments(pieces) is the segment built from the live documents', () => {
    fc.assert(
      fc.property(
        corpusArb,
        fc.array(fc.nat(20), { maxLength: 3 }),
        killsArb,
        queryArb,
        looseQueryArb,
        (corpus, cuts, kills, q, loose) => {
          const documents = corpus.map((g, n) => toIndexable(idOf(n), g));
          const pieces = split(documents, cuts).map(buildSegment);
          corpus.forEach((_, n) => kills[n] && pieces.forEach((p) => p.kill(idOf(n))));
          const merged = mergeSegments(pieces);
          const unsplit = buildSegment(documents.filter((_, n) => !kills[n]));
          sameArrays(merged, unsplit);
          expect(merged.liveCount).toBe(unsplit.documents.length);
          const live = corpus.flatMap((g, n): Array<[string, GenDoc]> => (kills[n] ? [] : [[idOf(n), g]]));
          for (const query of [toQuery(q), loose]) {
            const a = searchSegments([merged], query);
            const b = searchSegments([unsplit], query);
            expectSameScores(a, b);
            expect(a.top(a.total).map((i) => a.document(i).id)).toEqual(b.top(b.total).map((i) => b.document(i).id));
          }
          expect(ids(searchSegments([merged], toQuery(q)))).toEqual(reference(live, q));
        },
      ),
      RUNS,
    );
  });

  it('encode/decode preserves every piece and every result', () => {
    fc.assert(
      fc.property(corpusArb, cutsArb, killsArb, looseQueryArb, fc.nat(3), (corpus, cuts, kills, query, shift) => {
        const documents = corpus.map((g, n) => toIndexable(idOf(n), g));
        const pieces = split(documents, cuts).map(buildSegment);
        const decoded = pieces.map((p) => {
          const bytes = encodeSegment(p);
          const holder = new Uint8Array(bytes.byteLength + shift);
          holder.set(bytes, shift);
          return decodeSegment(holder.subarray(shift));
        });
        pieces.forEach((p, i) => sameArrays(decoded[i], p));
        // Deletions are not part of a shard file: they are replayed on the decoded segments.
        corpus.forEach((_, n) => kills[n] && [...pieces, ...decoded].forEach((p) => p.kill(idOf(n))));
        const a = searchSegments(decoded, query);
        const b = searchSegments(pieces, query);
        expectSameScores(a, b);
        expect(a.top(a.total).map((i) => a.document(i).id)).toEqual(b.top(b.total).map((i) => b.document(i).id));
      }),
      RUNS,
    );
  });
});

describe('SearchIndex.apply', () => {
  const POOL = 8;
  const poolId = (n: number) => `p${n}`;
  const batchArb = fc
    .record({
      added: fc.uniqueArray(fc.record({ n: fc.nat(POOL - 1), doc: docArb }), { selector: (a) => a.n, maxLength: 4 }),
      removed: fc.uniqueArray(fc.nat(POOL - 1), { maxLength: 3 }),
    })
    // As the index reader passes them: the last log entry for an id decides, so no id is both.
    .map(({ added, removed }) => ({ added, removed: removed.filter((n) => !added.some((a) => a.n === n)) }));

  it('behaves like a map of the latest version of each id', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ n: fc.nat(POOL - 1), doc: docArb }), { selector: (a) => a.n, maxLength: POOL }),
        fc.nat(3),
        fc.array(batchArb, { maxLength: 12 }),
        fc.array(queryArb, { minLength: 1, maxLength: 3 }),
        (initial, cut, batches, queries) => {
          const model = new Map<string, GenDoc>();
          for (const { n, doc } of initial) model.set(poolId(n), doc);
          const shards: Shard[] = split(
            initial.map(({ n, doc }) => toIndexable(poolId(n), doc)),
            [cut],
          ).map((documents, i) => ({ key: `shard-${i}`, segment: buildSegment(documents) }));
          const index = new SearchIndex(shards);
          const check = () => {
            expect(index.documentCount).toBe(model.size);
            for (let n = 0; n < POOL; n++) expect(index.has(poolId(n))).toBe(model.has(poolId(n)));
            expect(index.recent.length).toBeLessThanOrEqual(8);
            for (const q of queries) {
              // Queries name documents by position: the filter ids are doc<n>; map them onto the pool.
              const query = { ...q, filter: q.filter?.map((id) => poolId(Number(id.slice(3)) % POOL)) };
              expect(ids(searchSegments(index.segments, toQuery(query)))).toEqual(reference([...model], query));
            }
          };
          check();
          for (const { added, removed } of batches) {
            index.apply(
              added.map(({ n, doc }) => toIndexable(poolId(n), doc)),
              removed.map(poolId),
            );
            for (const n of removed) model.delete(poolId(n));
            for (const { n, doc } of added) model.set(poolId(n), doc);
            check();
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('groupIntoShards', () => {
  const segmentsArb = fc.array(
    fc.record({
      docs: fc.array(docArb, { maxLength: 6 }),
      kills: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    }),
    { maxLength: 8 },
  );
  const liveIds = (segments: readonly Segment[]) =>
    segments.flatMap((s) => s.documents.filter((d) => s.has(d.id)).map((d) => d.id));

  it('keeps the live ids in order, never overfills a shard (splitting a large segment), and leaves no two neighbours that would fit together', () => {
    fc.assert(
      fc.property(segmentsArb, fc.integer({ min: 1, max: 8 }), (specs, max) => {
        let next = 0;
        const segments = specs.map(({ docs, kills }) => {
          const segment = buildSegment(docs.map((g) => toIndexable(`s${next++}`, g)));
          segment.documents.forEach((d, i) => kills[i] && segment.kill(d.id));
          return segment;
        });
        const before = liveIds(segments);
        const grouped = groupIntoShards(segments, max);
        expect(liveIds(grouped)).toEqual(before);
        for (const shard of grouped) {
          expect(shard.liveCount).toBeLessThanOrEqual(max);
          if (!segments.includes(shard)) expect(shard.liveCount).toBe(shard.documents.length);
        }
        for (let i = 1; i < grouped.length; i++)
          expect(grouped[i - 1].liveCount + grouped[i].liveCount).toBeGreaterThan(max);
        // Unchanged segments without deletions are reused as they are, not rewritten.
        for (const shard of grouped) if (segments.includes(shard)) expect(shard.liveCount).toBe(shard.documents.length);
      }),
      RUNS,
    );
  });
});
