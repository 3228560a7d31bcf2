/**
 * Stored texts in the shards: a result page cuts its passages from the blocks the index stores
 * instead of the document, so those blocks must give back exactly what went in — through a whole
 * shard file, a shard read from its directory, and a merge — and the passages and quotes cut from
 * them must be the document's own, for any text and query.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Paragraph, Quote } from '../../../functions/core/document.ts';
import { buildSegment, mergeSegments, type IndexableDocument } from '../../../functions/core/search/build-segment.ts';
import { findPassages, matchingQuotes } from '../../../functions/core/search/find-passages.ts';
import { parseQuery } from '../../../functions/core/search/parse-query.ts';
import { decodeSegment, decodeSegmentHead, encodeSegment } from '../../../functions/core/search/segment-codec.ts';
import { StoredBlocks } from '../../../functions/core/search/segment-stored.ts';
import { storedJson, storedTextOf, type StoredText } from '../../../functions/core/search/stored-text.ts';

const WORDS = [
  'the',
  'Council',
  'said',
  'road',
  'roads',
  'closing',
  'closed',
  'ferry',
  'Zoë',
  'naïve',
  '"quoted"',
  '—',
  'x',
];

/** A document of random sentences of pool words and any characters, with paragraphs and quotes over its text. */
const documentArb = fc
  .record({
    title: fc.string({ maxLength: 20 }),
    paragraphs: fc.array(
      fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 30 }),
      { minLength: 0, maxLength: 6 },
    ),
    quoteSeeds: fc.array(fc.tuple(fc.nat(), fc.nat(40), fc.option(fc.constantFrom('Ana Ruiz', 'Zoë'))), {
      maxLength: 4,
    }),
    ownText: fc.boolean(),
  })
  .map(({ title, paragraphs: words, quoteSeeds, ownText }) => {
    const paragraphs: Paragraph[] = [];
    let text = '';
    for (const paragraph of words) {
      if (text) text += '\n\n';
      const body = `${paragraph.join(' ')}.`;
      paragraphs.push({ start: text.length, end: text.length + body.length });
      text += body;
    }
    const quotes: Quote[] = quoteSeeds.map(([at, length, speaker], i) => {
      const start = text.length === 0 ? 0 : at % text.length;
      const end = Math.min(text.length, start + length);
      // One quote in a few with text of its own, as a quote past a long document's cut has.
      const own = ownText && i === 0 ? 'words of its own' : text.slice(start, end);
      return { text: own, start, end, speaker, mention: speaker, verb: 'said', kind: i % 2 ? 'term' : 'speech' };
    });
    return { title, text, paragraphs, quotes };
  });

const indexable = (
  d: { title: string; text: string; paragraphs: Paragraph[]; quotes: Quote[] },
  i: number,
): IndexableDocument => ({
  id: `d${i}`,
  title: d.title,
  text: d.text,
  publisher: '',
  publishedAt: '',
  speakers: [],
  stored: storedTextOf(d),
});

/** A segment read from its directory only, its stored blocks fetched through `read` (counted). */
function fromDirectory(bytes: Uint8Array, requests = { count: 0 }) {
  const read = async (start: number, end: number) => {
    requests.count++;
    return bytes.slice(start, end);
  };
  return decodeSegmentHead(bytes.slice(0, new DataView(bytes.buffer).getUint32(8, true)), read);
}

const all = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('stored texts in the shards', () => {
  it('round-trip through blocks of any size', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(documentArb, { maxLength: 40 }), fc.integer({ min: 1, max: 9 }), async (docs, size) => {
        const texts = docs.map(storedTextOf);
        const blocks = StoredBlocks.build(
          texts.map((t) => new TextEncoder().encode(storedJson(t))),
          size,
        );
        expect(blocks.blockCount).toBe(Math.ceil(docs.length / size));
        expect(await blocks.texts(all(docs.length))).toEqual(texts);
      }),
      { numRuns: 60 },
    );
  });

  it('come back the same from a whole shard, from a shard read by range, and after a merge', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(documentArb, { minLength: 1, maxLength: 40 }), async (docs) => {
        const documents = docs.map(indexable);
        const want: StoredText[] = documents.map((d) => d.stored! as StoredText);
        const segment = buildSegment(documents);
        const bytes = encodeSegment(segment);
        expect(await decodeSegment(bytes).stored.texts(all(docs.length))).toEqual(want);
        // Any documents, in any order, from a shard read by range: one request round.
        const requests = { count: 0 };
        const wanted = all(docs.length).reverse();
        expect(await fromDirectory(bytes, requests).stored.texts(wanted)).toEqual(wanted.map((d) => want[d]));
        expect(requests.count).toBe(1); // blocks closer than COALESCE_GAP come in one range
        const half = Math.floor(docs.length / 2);
        const merged = mergeSegments([
          buildSegment(documents.slice(0, half)),
          decodeSegment(encodeSegment(buildSegment(documents.slice(half)))),
        ]);
        expect(await merged.stored.texts(all(docs.length))).toEqual(want);
      }),
      { numRuns: 40 },
    );
  });

  it('give the passages and quotes the document gives, for any query', async () => {
    const queryArb = fc
      .array(
        fc.constantFrom('road', 'closing', 'council', 'zoe', 'naive', '"the road"', 'speaker:Ruiz', 'said', 'ferr'),
        {
          minLength: 1,
          maxLength: 3,
        },
      )
      .map((words) => words.join(' '));
    await fc.assert(
      fc.asyncProperty(fc.array(documentArb, { minLength: 1, maxLength: 20 }), queryArb, async (docs, q) => {
        const documents = docs.map(indexable);
        const stored = await fromDirectory(encodeSegment(buildSegment(documents))).stored.texts(all(docs.length));
        const query = parseQuery(q);
        docs.forEach((document, i) => {
          expect(findPassages(stored[i], query)).toEqual(findPassages(document, query));
          expect(matchingQuotes(stored[i].quotes, query)).toEqual(matchingQuotes(document.quotes, query));
        });
      }),
      { numRuns: 60 },
    );
  });
});
