import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../bench/bench-queries.ts';
import { SearchIndex } from '../../../functions/core/search/search-index.ts';
import { buildSegment, type IndexableDocument } from '../../../functions/core/search/build-segment.ts';
import { prepareQuery } from '../../../functions/core/search/load-for-query.ts';
import {
  evaluate,
  searchSegments,
  type Hits,
  type IndexQuery,
} from '../../../functions/core/search/search-segments.ts';
import { DOCUMENT_BLOCK_DOCUMENTS, TERM_BLOCK_KEYS } from '../../../functions/core/search/segment-blocks.ts';
import { wordOf, type Segment } from '../../../functions/core/search/segment.ts';
import { decodeSegmentHead, encodeSegment, headLength } from '../../../functions/core/search/segment-codec.ts';

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

const directoryOnly = (bytes: Uint8Array, read = reader(bytes).read) =>
  decodeSegmentHead(bytes.slice(0, headLength(bytes)), read);

const ranked = (hits: Hits) => hits.top(hits.total).map((hit) => [hits.document(hit).id, hits.score(hit)]);

/** An archive over a random vocabulary large enough for many term blocks and document blocks. */
function randomArchive(seed: number, documentCount?: number) {
  const next = seededRandom(seed);
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)];
  const letters = 'abcdefghijklmnoprstuvwy';
  const vocabulary = [
    ...new Set(
      Array.from({ length: 300 + Math.floor(next() * 900) }, () =>
        Array.from({ length: 3 + Math.floor(next() * 7) }, () => pick([...letters])).join(''),
      ),
    ),
    // Forms, so that word forms and prefixes have something to find.
    'protest',
    'protests',
    'protested',
    'embassy',
    'embassies',
  ];
  const documents: IndexableDocument[] = Array.from(
    { length: documentCount ?? 40 + Math.floor(next() * 120) },
    (_, n) => ({
      id: `d${n}`,
      title: Array.from({ length: 3 }, () => pick(vocabulary)).join(' '),
      text: Array.from({ length: 10 + Math.floor(next() * 40) }, () => pick(vocabulary)).join(' '),
      speakers: next() < 0.3 ? [pick(['Ana Ruiz', 'Tom Lee'])] : [],
      publisher: pick(['Daily Planet', 'Coastal Times', '']),
      publishedAt: pick(['2019-05-01', '2021-02-03', '']),
    }),
  );
  return { documents, vocabulary, next, pick };
}

/** Queries of every kind over an archive: present and absent words, block edges, prefixes, forms, typos, phrases, filters. */
function queriesFor(full: Segment, archive: ReturnType<typeof randomArchive>, blockKeys: number): IndexQuery[] {
  const { documents, vocabulary, next, pick } = archive;
  const edges: string[] = [];
  for (let b = blockKeys; b < full.termCount; b += blockKeys) edges.push(wordOf(full.key(b - 1)), wordOf(full.key(b)));
  const word = () => (edges.length > 0 && next() < 0.4 ? pick(edges) : pick(vocabulary));
  const typo = (w: string) => w.slice(0, 1) + 'q' + w.slice(2);
  const plain = (term: string, prefix = false) => ({ term, prefix, fuzzy: true, forms: true });
  const text = pick(documents).text.split(' ');
  const at = Math.floor(next() * (text.length - 1));
  return [
    { all: [plain(word())] },
    { all: [{ term: word() }] },
    { all: [plain('zzqx'), plain(word())] },
    { all: [plain(word()), plain(word().slice(0, 4), true)] },
    { all: [plain('protests')] },
    { all: [plain('embassies'), plain('prot', true)] },
    { all: [plain(typo(pick(vocabulary.filter((w) => w.length >= 5))))] },
    { any: [plain(word()), plain(word())], none: [{ term: word(), forms: true }] },
    { all: text.slice(at, at + 2).map((term) => ({ term })), phrases: [text.slice(at, at + 2)] },
    { all: [plain(word())], filter: (d) => d.publisher === 'Daily Planet' },
    { filter: (d) => d.publishedAt.startsWith('2019') },
    { all: [{ term: 'ruiz', fields: ['speakers'] }] },
  ];
}

/** The shipped block sizes, or tiny ones. */
const blockSizes = fc.oneof(
  fc.constant({ termBlockKeys: TERM_BLOCK_KEYS, documentBlockDocuments: DOCUMENT_BLOCK_DOCUMENTS }),
  fc.record({ termBlockKeys: fc.integer({ min: 1, max: 6 }), documentBlockDocuments: fc.integer({ min: 1, max: 5 }) }),
);

describe('a segment loaded from its directory (the hotcache)', () => {
  it('answers every kind of query exactly as the whole segment, over random vocabularies', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), blockSizes, async (seed, sizes) => {
        const archive = randomArchive(seed);
        const full = buildSegment(archive.documents);
        // Tiny blocks as well as the shipped ones: every range then crosses block edges.
        const bytes = encodeSegment(full, sizes);
        for (const query of queriesFor(full, archive, sizes.termBlockKeys)) {
          // A fresh directory per query: each starts cold, fetching only what it needs.
          const index = new SearchIndex([{ key: 'shard-0', segment: directoryOnly(bytes) }]);
          expect(ranked(await index.search(query))).toEqual(ranked(searchSegments([full], query)));
        }
        // And one after another on one cold directory: each finds what earlier ones left (a word's
        // occurrences without its positions, say) and fetches only the rest.
        const shared = new SearchIndex([{ key: 'shard-0', segment: directoryOnly(bytes) }]);
        for (const query of queriesFor(full, archive, sizes.termBlockKeys))
          expect(ranked(await shared.search(query))).toEqual(ranked(searchSegments([full], query)));
      }),
      { numRuns: 20 },
    );
  });

  it('finds present and absent keys across term-block edges as the whole segment does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 0, max: 10_000 }),
        async (seed, at) => {
          const full = buildSegment(randomArchive(seed).documents);
          const head = directoryOnly(encodeSegment(full));
          const present = full.key(at % full.termCount);
          const keys = [
            present,
            `${present}a`,
            present.slice(0, -1) + '9',
            full.key(0),
            full.key(full.termCount - 1),
            'a',
            '~',
          ];
          for (const key of keys) {
            await head.loadTermBlocks(head.missingTermBlocks(key, `${key}\u0000`));
            expect(head.find(key)).toBe(full.find(key));
            if (head.find(key) >= 0) expect(head.frequency(head.find(key))).toBe(full.frequency(full.find(key)));
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('fetches only its directory first, then far less than the file for a rare word', async () => {
    // Large enough that the ranges a query reads lie further apart than they are coalesced.
    const archive = randomArchive(7, 3000);
    archive.documents[1234].text += ' xylophone';
    const full = buildSegment(archive.documents);
    const bytes = encodeSegment(full);
    const { read, stats } = reader(bytes);
    const head = directoryOnly(bytes, read);
    expect(head.complete).toBe(false);
    expect(head.documents.filter(Boolean)).toEqual([]);
    expect(headLength(bytes)).toBeLessThan(bytes.byteLength / 10);
    const rare = 'xylophone';
    const query = { all: [{ term: rare }] };
    const hits = evaluate(await prepareQuery([head], query));
    expect(ranked(hits)).toEqual(ranked(searchSegments([full], query)));
    // A term block or two, the word's postings and one document block: a few small ranges.
    expect(stats.bytes).toBeLessThan((bytes.byteLength - headLength(bytes)) / 20);
    expect(stats.bytes).toBeLessThan(64 * 1024);
    expect(head.documents.filter(Boolean).length).toBeLessThan(full.documents.length);
  });

  it('fetches the document rows of the documents with every required word only, not of the rarest word', async () => {
    const archive = randomArchive(13, 3000);
    // Each word in a third of the documents, both in every 97th.
    archive.documents.forEach((d, n) => {
      if (n % 3 === 0 || n % 97 === 0) d.text += ' alpha';
      if (n % 3 === 1 || n % 97 === 0) d.text += ' omega';
    });
    const full = buildSegment(archive.documents);
    const head = directoryOnly(encodeSegment(full));
    const query = { all: [{ term: 'alpha' }, { term: 'omega' }] };
    const hits = await new SearchIndex([{ key: 'shard-0', segment: head }]).search(query);
    expect(ranked(hits)).toEqual(ranked(searchSegments([full], query)));
    const both = Math.ceil(3000 / 97);
    expect(hits.total).toBe(both);
    // At most one block per document with both words; the rarest word alone is in a thousand, in every block.
    expect(head.documents.filter(Boolean).length).toBeLessThanOrEqual(both * DOCUMENT_BLOCK_DOCUMENTS);
    expect(head.documents.filter(Boolean).length).toBeLessThan(full.documents.length / 2);
  });

  it('fetches a small term block with its keys’ occurrences: a rare word waits on two rounds, not three', async () => {
    const archive = randomArchive(7, 400);
    archive.documents[234].text += ' xylophone';
    const full = buildSegment(archive.documents);
    const bytes = encodeSegment(full);
    const { read } = reader(bytes);
    // A round is a wave of requests: one that starts while none is in flight begins the next.
    let [rounds, inFlight] = [0, 0];
    const head = directoryOnly(bytes, async (start, end) => {
      if (inFlight++ === 0) rounds++;
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight--;
      return read(start, end);
    });
    const query = { all: [{ term: 'xylophone', forms: true }] };
    const hits = await new SearchIndex([{ key: 'shard-0', segment: head }]).search(query);
    expect(ranked(hits)).toEqual(ranked(searchSegments([full], query)));
    expect(head.blockOccurrenceBytes(0)).toBeGreaterThan(0);
    // The term block with the word's documents and counts, then its document's block.
    expect(rounds).toBe(2);
  });

  it('refuses a term block that does not inflate as a corrupt shard, with an internal error', async () => {
    const full = buildSegment(randomArchive(3).documents);
    const bytes = encodeSegment(full);
    // The first term block starts where the directory ends; 0xff is no valid deflate block type.
    bytes.fill(0xff, headLength(bytes), headLength(bytes) + 8);
    const index = new SearchIndex([{ key: 'shard-0', segment: directoryOnly(bytes) }]);
    await expect(index.search({ all: [{ term: full.key(0).slice(0, -2) }] })).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringMatching(/corrupt: term block 0 does not inflate/),
    });
  });

  it('fetches no positions for keyword queries, and a phrase of the same words then fetches and uses them', async () => {
    const archive = randomArchive(9, 3000);
    const full = buildSegment(archive.documents);
    const bytes = encodeSegment(full);
    const ranges: Array<[number, number]> = [];
    const { read } = reader(bytes);
    const head = directoryOnly(bytes, async (start, end) => {
      ranges.push([start, end]);
      return read(start, end);
    });
    // Where the positions section lies (segment-codec.ts): after the documents (u16) and counts (u8), each 4-aligned.
    const align = (n: number) => (n + 3) & ~3;
    const postingsAt = new DataView(bytes.buffer, bytes.byteOffset).getUint32(12, true);
    const positionsAt = align(align(postingsAt + 2 * full.postingDocuments!.length) + full.postingDocuments!.length);
    const positionsEnd = positionsAt + full.positions!.byteLength;
    const inPositions = () => ranges.filter(([start, end]) => start < positionsEnd && end > positionsAt).length;
    const words = archive.documents[17].text.split(' ').slice(3, 5);
    const index = new SearchIndex([{ key: 'shard-0', segment: head }]);
    for (const query of [{ all: words.map((term) => ({ term, forms: true })) }, { any: [{ term: words[0] }] }]) {
      expect(ranked(await index.search(query))).toEqual(ranked(searchSegments([full], query)));
    }
    expect(inPositions()).toBe(0);
    const phrase = { all: words.map((term) => ({ term })), phrases: [words] };
    const hits = await index.search(phrase);
    expect(ranked(hits)).toEqual(ranked(searchSegments([full], phrase)));
    expect(hits.total).toBeGreaterThan(0);
    expect(inPositions()).toBeGreaterThan(0);
  });

  it('completes from one round of two ranges and is then the same segment, byte for byte', async () => {
    const full = buildSegment(randomArchive(11).documents);
    const bytes = encodeSegment(full, { termBlockKeys: 3, documentBlockDocuments: 2 });
    const { read, stats } = reader(bytes);
    const head = directoryOnly(bytes, read);
    await new SearchIndex([{ key: 'shard-0', segment: head }]).search({ all: [{ term: 'protest', forms: true }] });
    const before = stats.requests;
    await head.loadAllPostings();
    // Two ranges in one round: the blocks (copied out, then let go), and the postings with the stored texts.
    expect(stats.requests).toBe(before + 2);
    expect(head.complete).toBe(true);
    expect(head.stored.complete).toBe(true);
    expect(head.documents).toEqual(full.documents);
    expect(head.vocabulary).toBe(full.vocabulary);
    expect(encodeSegment(head, { termBlockKeys: 3, documentBlockDocuments: 2 })).toEqual(bytes);
  });

  it('marks a document killed before its block arrived once the block comes, in a search and in the count', async () => {
    const archive = randomArchive(5);
    const full = buildSegment(archive.documents);
    const bytes = encodeSegment(full);
    const victim = full.documents[full.documents.length - 1].id;
    const head = directoryOnly(bytes);
    expect(head.kill(victim)).toBe(false);
    full.kill(victim);
    const everything = { filter: () => true };
    const index = new SearchIndex([{ key: 'shard-0', segment: head }]);
    expect(ranked(await index.search(everything))).toEqual(ranked(searchSegments([full], everything)));
    expect(head.has(victim)).toBe(false);
    await index.loadAll();
    expect(head.liveCount).toBe(full.liveCount);
  });
});
