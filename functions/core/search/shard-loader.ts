/**
 * How a partly loaded segment fetches the rest of its shard file (layout in `segment-codec.ts`):
 * term blocks, document-table blocks and postings by byte range, neighbouring ranges together
 * (`read-ranges.ts`), or everything after the directory in one range.
 */
import { inflateRawSync } from 'node:zlib';
import { corrupt } from './shard-corrupt.ts';
import { readRanges, type RangeReader } from './read-ranges.ts';
import type { DocumentBlock, TermBlock } from './segment-blocks.ts';
import { FIELD_COUNT, type Segment, type SegmentLoader } from './segment.ts';
import type { StoredDocument } from './stored-document.ts';
import type { StoredBlockReader } from './segment-stored.ts';

/** Where a shard file's blocks and postings are, from its directory. */
export interface ShardLayout {
  directoryEnd: number;
  termBlockKeys: number;
  documentBlockDocuments: number;
  /** Byte offsets of the term blocks, then of the document blocks, each with the end last. */
  termOffsets: Uint32Array;
  documentOffsets: Uint32Array;
  /** Where each term block's postings start (posting numbers), the count last. */
  blockPostings: Uint32Array;
  storedBlockDocuments: number;
  /** Byte offsets of the stored-text blocks (after the postings), the end last. */
  storedOffsets: Uint32Array;
  postingsAt: number;
  postingCount: number;
  positionBytes: number;
}

/** Where the three postings sections of a shard file start, and where the file ends. */
function sections(layout: ShardLayout): { countsAt: number; positionsAt: number; end: number } {
  const countsAt = align(layout.postingsAt + 2 * layout.postingCount);
  const positionsAt = align(countsAt + layout.postingCount);
  return { countsAt, positionsAt, end: positionsAt + layout.positionBytes };
}

const align = (n: number) => (n + 3) & ~3;
const range = (offsets: Uint32Array, block: number) => ({ start: offsets[block], end: offsets[block + 1] });

/** A block's bytes inflated (VS10 deflates term and document blocks), in an array of its own: aligned views. */
function inflated(bytes: Uint8Array, what: string): Uint8Array {
  try {
    return new Uint8Array(inflateRawSync(bytes));
  } catch {
    corrupt(`${what} does not inflate`);
  }
}

/** Term block `block` from its (deflated) bytes. */
function decodeTermBlock(deflated: Uint8Array, block: number, size: number, termCount: number): TermBlock {
  const bytes = inflated(deflated, `term block ${block}`);
  const k = Math.min(size, termCount - block * size);
  const textAt = 12 * (k + 1) + k;
  if (bytes.byteLength < textAt) corrupt(`term block ${block} is short`);
  const u32 = (i: number) => new Uint32Array(bytes.buffer, bytes.byteOffset + 4 * i * (k + 1), k + 1);
  return {
    termStarts: u32(0),
    postingStarts: u32(1),
    positionStarts: u32(2),
    stemCodes: bytes.subarray(12 * (k + 1), textAt),
    text: new TextDecoder().decode(bytes.subarray(textAt)),
  };
}

/** Document block `block` from its (deflated) bytes. */
function decodeDocumentBlock(deflated: Uint8Array, block: number, size: number, documentCount: number): DocumentBlock {
  const bytes = inflated(deflated, `document block ${block}`);
  const k = Math.min(size, documentCount - block * size);
  if (bytes.byteLength < 2 * k * FIELD_COUNT) corrupt(`document block ${block} is short`);
  const fieldLengths = new Uint16Array(bytes.buffer, bytes.byteOffset, k * FIELD_COUNT);
  let rows: unknown;
  try {
    rows = JSON.parse(new TextDecoder().decode(bytes.subarray(2 * k * FIELD_COUNT)));
  } catch {
    corrupt(`document block ${block} is unreadable`);
  }
  if (
    !Array.isArray(rows) ||
    rows.length !== k ||
    !rows.every((d) => Array.isArray(d) && (d.length === 4 || d.length === 5))
  )
    corrupt(`document block ${block} is malformed`);
  const documents = (rows as Array<[string, string, string, string[], string?]>).map(
    ([id, publisher, publishedAt, speakers, wordsPrint]): StoredDocument =>
      wordsPrint === undefined
        ? { id, publisher, publishedAt, speakers }
        : { id, publisher, publishedAt, speakers, wordsPrint },
  );
  return { fieldLengths, documents };
}

/** A copy starting at offset 0 (aligned views), of bytes `start` to `end` of `bytes`, which begin at file offset `at`. */
const copyOf = (bytes: Uint8Array, at: number, start: number, end: number) =>
  new Uint8Array(bytes.subarray(start - at, end - at));

/**
 * Fills `segment` with every term and document block from `bytes`, the shard file from offset
 * `at` on (at most its directory left out). Each block is copied out, so `bytes` is not kept.
 */
function attachBlocks(segment: Segment, layout: ShardLayout, bytes: Uint8Array, at: number): void {
  const { termOffsets, documentOffsets } = layout;
  if (at + bytes.byteLength < layout.postingsAt || at > layout.directoryEnd) corrupt('truncated');
  for (let b = 0; b + 1 < termOffsets.length; b++) {
    const block = copyOf(bytes, at, termOffsets[b], termOffsets[b + 1]);
    segment.addTermBlock(b, decodeTermBlock(block, b, layout.termBlockKeys, segment.termCount));
  }
  for (let b = 0; b + 1 < documentOffsets.length; b++) {
    const block = copyOf(bytes, at, documentOffsets[b], documentOffsets[b + 1]);
    segment.addDocumentBlock(b, decodeDocumentBlock(block, b, layout.documentBlockDocuments, segment.documents.length));
  }
}

/**
 * Completes `segment` with its postings and stored blocks from `bytes`, the shard file from
 * offset `at` (at most `postingsAt`) to its end. Views, not copies: they are most of the file.
 */
function attachRest(segment: Segment, layout: ShardLayout, bytes: Uint8Array, at: number): void {
  const { countsAt, positionsAt } = sections(layout);
  const { storedOffsets } = layout;
  if (at + bytes.byteLength < storedOffsets[storedOffsets.length - 1] || at > layout.postingsAt) corrupt('truncated');
  // `at` and the sections are multiples of 4, so the views are aligned once `bytes` is (copied
  // once if it arrived unaligned).
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes);
  const base = aligned.byteOffset - at;
  segment.stored.hold(
    Array.from(storedOffsets.subarray(1), (end, b) => aligned.subarray(storedOffsets[b] - at, end - at)),
  );
  segment.attachPostings(
    new Uint16Array(aligned.buffer, base + layout.postingsAt, layout.postingCount),
    new Uint8Array(aligned.buffer, base + countsAt, layout.postingCount),
    new Uint8Array(aligned.buffer, base + positionsAt, layout.positionBytes),
  );
}

/**
 * Fills `segment` with every block, posting and stored text from `bytes`, the shard file from
 * offset `at` on (at most its directory left out): a whole file's decoding.
 */
export function attachAll(segment: Segment, layout: ShardLayout, bytes: Uint8Array, at: number): void {
  attachBlocks(segment, layout, bytes, at);
  attachRest(segment, layout, bytes, at);
}

/**
 * The loader of a segment decoded from its directory (see `segment-codec.ts`).
 *
 * @example
 * ```ts
 * const segment = Segment.partlyLoaded(directory, shardLoader(layout, (start, end) => readShard(key, start, end)));
 * ```
 */
export function shardLoader(layout: ShardLayout, read: RangeReader): SegmentLoader {
  return {
    async termBlocks(segment, blocks, withOccurrences) {
      const starts = layout.blockPostings;
      const { countsAt } = sections(layout);
      const occurrences = withOccurrences.flatMap((b) => [
        { start: layout.postingsAt + 2 * starts[b], end: layout.postingsAt + 2 * starts[b + 1] },
        { start: countsAt + starts[b], end: countsAt + starts[b + 1] },
      ]);
      const found = await readRanges(read, [...blocks.map((b) => range(layout.termOffsets, b)), ...occurrences]);
      blocks.forEach((b, i) =>
        segment.addTermBlock(b, decodeTermBlock(found[i], b, layout.termBlockKeys, segment.termCount)),
      );
      withOccurrences.forEach((b, i) => {
        const [documents, counts] = [found[blocks.length + 2 * i], found[blocks.length + 2 * i + 1]];
        const all = new Uint16Array(documents.buffer, 0, documents.byteLength / 2);
        const to = Math.min(segment.termCount, (b + 1) * layout.termBlockKeys);
        for (let term = b * layout.termBlockKeys; term < to; term++) {
          const [from, end] = [segment.postingStarts[term] - starts[b], segment.postingStarts[term + 1] - starts[b]];
          segment.addPostings(term, { documents: all.subarray(from, end), counts: counts.subarray(from, end) });
        }
      });
    },
    async documentBlocks(segment, blocks) {
      const found = await readRanges(
        read,
        blocks.map((b) => range(layout.documentOffsets, b)),
      );
      blocks.forEach((b, i) =>
        segment.addDocumentBlock(
          b,
          decodeDocumentBlock(found[i], b, layout.documentBlockDocuments, segment.documents.length),
        ),
      );
    },
    postings: (segment, terms, positioned) => fetchPostings(segment, layout, terms, positioned, read),
    async all(segment) {
      // Two ranges in one round: the blocks are copied out of theirs, which is then let go; the
      // postings and stored texts stay views of the other (what the loaded index holds).
      const { directoryEnd, postingsAt, storedOffsets } = layout;
      const end = storedOffsets[storedOffsets.length - 1];
      const [blocks, rest] = await Promise.all([read(directoryEnd, postingsAt), read(postingsAt, end)]);
      if (blocks.byteLength !== postingsAt - directoryEnd || rest.byteLength !== end - postingsAt)
        corrupt('the rest of the shard came back short');
      attachBlocks(segment, layout, blocks, directoryEnd);
      attachRest(segment, layout, rest, postingsAt);
    },
  };
}

/**
 * Fetches the occurrences of `terms` (document numbers and counts, two byte ranges per key) and
 * the positions of `positioned` (a third): a keyword query never fetches positions, which are most
 * of a common word's bytes. A prefix's completions are neighbours in the sorted vocabulary, so
 * their postings are too, and are fetched together.
 */
async function fetchPostings(
  segment: Segment,
  layout: ShardLayout,
  terms: number[],
  positioned: number[],
  read: RangeReader,
): Promise<void> {
  const wanted = segment.missing(new Set([...terms, ...positioned]));
  const placed = new Set(segment.missingPositions(positioned));
  if (wanted.length === 0 && placed.size === 0) return;
  const { countsAt, positionsAt } = sections(layout);
  const positionsOf = (term: number) => ({
    start: positionsAt + segment.positionStarts[term],
    end: positionsAt + segment.positionStarts[term + 1],
  });
  const ranges = wanted.flatMap((term) => {
    const [from, to] = [segment.postingStarts[term], segment.postingStarts[term + 1]];
    return [
      { start: layout.postingsAt + 2 * from, end: layout.postingsAt + 2 * to },
      { start: countsAt + from, end: countsAt + to },
    ];
  });
  const found = await readRanges(read, [...ranges, ...[...placed].map(positionsOf)]);
  const positions = new Map([...placed].map((term, i) => [term, found[ranges.length + i]]));
  wanted.forEach((term, i) => {
    const documents = found[2 * i];
    const occurrences = {
      documents: new Uint16Array(documents.buffer, 0, documents.byteLength / 2),
      counts: found[2 * i + 1],
    };
    segment.addPostings(term, occurrences, positions.get(term));
    positions.delete(term);
  });
  // Positions of a key whose occurrences were already here (a keyword query's word, now in a phrase).
  for (const [term, bytes] of positions) segment.addPostings(term, segment.occurrences(term)!, bytes);
}

/**
 * How a segment read from its directory fetches stored-text blocks: the ones a result page shows
 * by byte range, or the whole section (after the postings) for a merge.
 */
export function storedReader(layout: ShardLayout, read: RangeReader): StoredBlockReader {
  const { storedOffsets } = layout;
  return {
    blocks: (blocks) =>
      readRanges(
        read,
        blocks.map((b) => range(storedOffsets, b)),
      ),
    async all() {
      const from = storedOffsets[0];
      const bytes = await read(from, storedOffsets[storedOffsets.length - 1]);
      if (bytes.byteLength !== storedOffsets[storedOffsets.length - 1] - from)
        corrupt('the stored texts came back short');
      return Array.from(storedOffsets.subarray(1), (end, b) => copyOf(bytes, from, storedOffsets[b], end));
    },
  };
}
