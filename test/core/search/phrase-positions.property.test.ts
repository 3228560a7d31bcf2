import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildSegment, mergeSegments, type IndexableDocument } from '../../../functions/core/search/build-segment.ts';
import { allPositions, pushPositions, PositionReader } from '../../../functions/core/search/positions.ts';
import { evaluate } from '../../../functions/core/search/search-segments.ts';
import { prepareQuery } from '../../../functions/core/search/load-for-query.ts';
import {
  decodeSegment,
  decodeSegmentHead,
  encodeSegment,
  headLength,
} from '../../../functions/core/search/segment-codec.ts';
import { termKey, type Segment } from '../../../functions/core/search/segment.ts';
import { foldTerm, tokenize } from '../../../functions/core/text/tokenize.ts';

// Few words, so random documents are full of near-misses: the words of a phrase in another order,
// apart, or repeated ("the the said").
const WORDS = ['the', 'said', 'that', 'Minister', 'according', 'to', 'café', 'CAFE', '2024'];
const word = fc.constantFrom(...WORDS);
const separator = fc.constantFrom(' ', ', ', '. ', '\n', ' — ', "'");
const text = fc
  .array(fc.tuple(word, separator), { maxLength: 60 })
  .map((parts) => parts.map(([w, s]) => w + s).join(''));
const documents = fc.array(text, { minLength: 1, maxLength: 12 });
const phrase = fc.array(word, { minLength: 2, maxLength: 4 });

const asDocument = (body: string, i: number): IndexableDocument => ({
  id: `d${i}`,
  title: 'the said that',
  text: body,
  speakers: [],
  publisher: '',
  publishedAt: '',
});

/** The reference model: the folded words of the text, and the phrase as a run of them. */
function hasPhrase(body: string, words: string[]): boolean {
  const tokens = tokenize(body).map((t) => t.folded);
  const wanted = words.map(foldTerm);
  for (let i = 0; i + wanted.length <= tokens.length; i++) if (wanted.every((w, j) => tokens[i + j] === w)) return true;
  return false;
}

async function phraseIds(segments: Segment[], phrases: string[][]): Promise<string[]> {
  const hits = evaluate(await prepareQuery(segments, { all: phrases.flat().map((term) => ({ term })), phrases }));
  return hits
    .top(hits.total)
    .map((hit) => hits.document(hit).id)
    .sort();
}

const expected = (bodies: string[], phrases: string[][]) =>
  bodies
    .map((body, i) => (phrases.every((p) => hasPhrase(body, p)) ? `d${i}` : null))
    .filter((id): id is string => id !== null)
    .sort();

/** A segment decoded from its head only, reading the rest of its bytes by range as a shard would. */
function partlyLoaded(segment: Segment): Segment {
  const bytes = encodeSegment(segment);
  return decodeSegmentHead(bytes.slice(0, headLength(bytes)), async (start, end) => bytes.slice(start, end));
}

describe('phrases from positions', () => {
  it('positions round-trip through varints, gaps above 127 and 16383 included', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(3_000_000), { maxLength: 50 }), (raw) => {
        const positions = [...raw].sort((a, b) => a - b);
        const out: number[] = [];
        pushPositions(out, positions);
        pushPositions(out, [7]);
        const reader = new PositionReader(Uint8Array.from(out));
        const into: number[] = [];
        expect(into.slice(0, reader.next(into))).toEqual(positions);
        expect(into.slice(0, reader.next(into))).toEqual([7]);
        expect(reader.offset).toBe(out.length);
      }),
    );
  });

  it('finds exactly the documents whose text has the phrase, like the reference (built, decoded, partly loaded)', async () => {
    await fc.assert(
      fc.asyncProperty(documents, phrase, async (bodies, words) => {
        const built = buildSegment(bodies.map(asDocument));
        const want = expected(bodies, [words]);
        expect(await phraseIds([built], [words])).toEqual(want);
        expect(await phraseIds([decodeSegment(encodeSegment(built))], [words])).toEqual(want);
        expect(await phraseIds([partlyLoaded(built)], [words])).toEqual(want);
      }),
      { numRuns: 150 },
    );
  });

  it('requires every phrase, across several segments, and merging keeps the positions', async () => {
    await fc.assert(
      fc.asyncProperty(documents, documents, phrase, phrase, async (first, second, a, b) => {
        const bodies = [...first, ...second];
        const all = bodies.map(asDocument);
        const segments = [buildSegment(all.slice(0, first.length)), buildSegment(all.slice(first.length))];
        const want = expected(bodies, [a, b]);
        expect(await phraseIds(segments, [a, b])).toEqual(want);
        expect(await phraseIds([mergeSegments(segments)], [a, b])).toEqual(want);
      }),
      { numRuns: 100 },
    );
  });

  it('a merge without a deleted document drops its positions and keeps the others', () => {
    const segment = buildSegment(['said that the', 'the the said that', 'that said'].map(asDocument));
    segment.kill('d0');
    const merged = mergeSegments([segment]);
    const the = merged.postings(merged.find(termKey('text', 'the')))!;
    expect(Array.from(the.documents)).toEqual([0]);
    expect(allPositions(the)).toEqual([[0, 1]]);
    const said = merged.postings(merged.find(termKey('text', 'said')))!;
    expect(allPositions(said)).toEqual([[2], [1]]);
  });

  it('does not match a phrase across the title and the text, nor across fields', async () => {
    // The title is "the said that": only the text counts for a phrase, as the phrase check did.
    const segment = buildSegment(['minister', 'said minister'].map(asDocument));
    expect(await phraseIds([segment], [['said', 'that']])).toEqual([]);
    expect(await phraseIds([segment], [['said', 'minister']])).toEqual(['d1']);
  });
});
