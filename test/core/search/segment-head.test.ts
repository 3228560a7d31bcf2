import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../../functions/core/search/search-index.ts';
import { buildSegment, type IndexableDocument } from '../../../functions/core/search/build-segment.ts';
import {
  evaluate,
  missingPostings,
  planQuery,
  searchSegments,
  type Hits,
  type IndexQuery,
} from '../../../functions/core/search/search-segments.ts';
import { termKey } from '../../../functions/core/search/segment.ts';
import { decodeSegmentHead, encodeSegment, headLength } from '../../../functions/core/search/segment-codec.ts';

const WORDS = [
  'budget',
  'budgets',
  'ferry',
  'strike',
  'harbour',
  'minister',
  'government',
  'governor',
  'rain',
  'wind',
  'school',
  'the',
];

const doc = (n: number, words: string[]): IndexableDocument => ({
  id: `d${n}`,
  title: words.slice(0, 2).join(' '),
  text: words.join(' '),
  speakers: n % 3 === 0 ? ['Ana Ruiz'] : [],
  publisher: n % 2 === 0 ? 'Daily Planet' : 'Coastal Times',
  publishedAt: '2024-01-01',
});

/** Reads byte ranges of a shard file, counting the requests and bytes, as a blob store would serve them. */
function reader(bytes: Uint8Array) {
  const stats = { requests: 0, bytes: 0 };
  const read = async (start: number, end: number) => {
    stats.requests++;
    stats.bytes += end - start;
    return bytes.slice(start, end);
  };
  return { read, stats };
}

const ranked = (hits: Hits) => hits.top(hits.total).map((hit) => [hits.document(hit).id, hits.score(hit)]);

describe('a segment loaded from its head', () => {
  const documents = Array.from({ length: 40 }, (_, n) =>
    doc(
      n,
      WORDS.filter((_, w) => (n * 7 + w * 3) % 5 < 2 + (w % 2)),
    ),
  );
  const full = buildSegment(documents);
  const bytes = encodeSegment(full);

  it('knows its documents and vocabulary but no postings, and says which a query needs', () => {
    const head = decodeSegmentHead(bytes.subarray(0, headLength(bytes)), reader(bytes).read);
    expect(headLength(bytes)).toBeLessThan(bytes.byteLength);
    expect(head.complete).toBe(false);
    expect(head.documents).toEqual(full.documents);
    expect(head.vocabulary).toBe(full.vocabulary);
    const plan = planQuery([head], { all: [{ term: 'ferry' }, { term: 'budg', prefix: true }] });
    const wanted = missingPostings(plan).get(head)!;
    // ferry, and every completion of "budg" (budget, budgets) in the fields the clause searches.
    expect(wanted.map((term) => head.key(term)).sort()).toEqual(
      (['title', 'text'] as const)
        .flatMap((field) => ['budget', 'budgets', 'ferry'].map((word) => termKey(field, word)))
        .filter((key) => full.find(key) >= 0)
        .sort(),
    );
    expect(() => evaluate(plan)).toThrow(/postings/);
  });

  it('answers exactly like the whole segment once the postings a query needs are fetched', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.subarray(WORDS, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        fc.subarray(WORDS, { maxLength: 1 }),
        async (words, prefix, none) => {
          const head = decodeSegmentHead(bytes.slice(0, headLength(bytes)), reader(bytes).read);
          const query: IndexQuery = {
            all: words.map((term, i) => ({
              term: prefix && i === words.length - 1 ? term.slice(0, 4) : term,
              prefix: prefix && i === words.length - 1,
            })),
            none: none.map((term) => ({ term })),
          };
          const plan = planQuery([head], query);
          for (const [segment, terms] of missingPostings(plan)) await segment.loadPostings(terms);
          expect(missingPostings(plan).size).toBe(0);
          expect(ranked(evaluate(plan))).toEqual(ranked(searchSegments([full], query)));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('fetches neighbouring postings together, and far fewer bytes than the whole file', async () => {
    const { read, stats } = reader(bytes);
    const head = decodeSegmentHead(bytes.slice(0, headLength(bytes)), read);
    const plan = planQuery([head], { all: [{ term: 'gover', prefix: true }] });
    await head.loadPostings(missingPostings(plan).get(head)!);
    // Two sections (document numbers, counts), each one range: the small file's ranges all coalesce.
    expect(stats.requests).toBeLessThanOrEqual(2);
    expect(stats.bytes).toBeLessThan(bytes.byteLength - headLength(bytes));
  });

  it('completes from one range and is then the same segment', async () => {
    const { read, stats } = reader(bytes);
    const head = decodeSegmentHead(bytes.slice(0, headLength(bytes)), read);
    await head.loadAllPostings();
    expect(stats.requests).toBe(1);
    expect(head.complete).toBe(true);
    expect(Array.from(head.postingDocuments!)).toEqual(Array.from(full.postingDocuments!));
    expect(Array.from(head.postingCounts!)).toEqual(Array.from(full.postingCounts!));
    expect(encodeSegment(head)).toEqual(bytes);
  });

  it('lets a SearchIndex search partly loaded shards, which fetch their own postings', async () => {
    const { read, stats } = reader(bytes);
    const head = decodeSegmentHead(bytes.slice(0, headLength(bytes)), read);
    const index = new SearchIndex([{ key: 'shard-0', segment: head }]);
    const hits = await index.search({ all: [{ term: 'harbour' }] });
    expect(ranked(hits)).toEqual(ranked(searchSegments([full], { all: [{ term: 'harbour' }] })));
    expect(index.complete).toBe(false);
    await index.loadAll();
    expect(index.complete).toBe(true);
    expect(stats.requests).toBeGreaterThan(1);
  });
});
