/**
 * The shard file: a small **directory** first, then the term dictionary and the document table in
 * blocks, then the postings, then the stored texts. A cold start fetches only the directory (see
 * `segment-blocks.ts`); each query then fetches the term blocks its words fall in, the postings of
 * the keys it uses, and the document-table blocks of its candidates, and a result page the stored
 * blocks of its hits, by byte range (`shard-loader.ts`) — so what a first answer waits for grows
 * with the query, not with the shard.
 *
 * Layout (typed arrays little-endian, as x86 and ARM both are):
 * `VS10` · u32 header length · u32 directory length · u32 where the postings start · header JSON (counts, field
 * totals, block sizes) · packed directory (`shard-directory.ts`: every term block's first key, front-coded; the
 * sizes of the term blocks, of their keys, of the document blocks and of the stored blocks, varints) ‖ term
 * blocks ‖ document blocks ‖
 * postingDocuments (u16) · postingCounts (u8) · positions (varints, see `positions.ts`) ‖ stored blocks
 *
 * Term and document blocks are each deflate-raw of: for a term block of k keys, termStarts,
 * postingStarts, positionStarts (u32, k + 1 each: the last is the next key's start) · stemCodes
 * (u8, k) · the keys (UTF-8); for a document block of k documents,
 * fieldLengths (u16, 3k) · the documents as JSON arrays `[id, publisher, publishedAt, speakers, wordsPrint]`
 * (a row without `wordsPrint`, from a build before it, is read as a document without a fingerprint,
 * which is never taken for a copy). A stored block: see `stored-text.ts`. Blocks are packed
 * without padding: a reader inflates each one into an aligned array anyway.
 *
 * A shard of an older layout (VSG1–9; VSG9 held the same directory as JSON keys and u32 offsets,
 * twice the bytes; VSG8 had no stored texts, VSG7 one head with the whole vocabulary and document
 * table, VSG6 no positions) fails to decode with an internal error; the index reader then rebuilds
 * the index from the ingest log and the next compaction rewrites it as VS10.
 */
import { deflateRawSync } from 'node:zlib';
import { DOCUMENT_BLOCK_DOCUMENTS, TERM_BLOCK_KEYS, type ShardDirectory } from './segment-blocks.ts';
import { FIELD_COUNT, FIELDS, Segment } from './segment.ts';
import type { RangeReader } from './read-ranges.ts';
import { attachAll, shardLoader, storedReader, type ShardLayout } from './shard-loader.ts';
import { StoredBlocks } from './segment-stored.ts';
import { corrupt } from './shard-corrupt.ts';
import { packDirectory, unpackDirectory } from './shard-directory.ts';

const MAGIC = 0x30315356; // "VS10" read as a little-endian u32 (VSG1–9 had other layouts)
const PREAMBLE = 16;

interface Header {
  fields: readonly string[];
  termCount: number;
  documentCount: number;
  postingCount: number;
  positionBytes: number;
  fieldTotals: number[];
  termBlockKeys: number;
  documentBlockDocuments: number;
  storedBlockDocuments: number;
  /** The packed directory's length (it is followed by up to 3 bytes of padding). */
  packedBytes: number;
}

const align = (n: number) => (n + 3) & ~3;
const bytesOf = (array: ArrayBufferView) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
/** Writes `parts` one after another into `out` from `at`; returns where they end. */
function pack(out: Uint8Array, parts: Uint8Array[], at: number): number {
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return at;
}
const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  pack(out, parts, 0);
  return out;
};

/** The block sizes to write a shard with: the defaults, or tiny ones in tests (every edge is then near). */
export interface BlockSizes {
  termBlockKeys: number;
  documentBlockDocuments: number;
}

const DEFAULT_SIZES: BlockSizes = { termBlockKeys: TERM_BLOCK_KEYS, documentBlockDocuments: DOCUMENT_BLOCK_DOCUMENTS };

/**
 * A term or document block as written: deflate-raw of it (a third to a half of the bytes; a query
 * fetches a few blocks per word in every shard, which at a hundred shards is most of its bytes).
 */
const deflated = (block: Uint8Array) => new Uint8Array(deflateRawSync(block));

/** Where the stored blocks start: after the postings' three sections, each 4-aligned. */
const storedStart = (postingsAt: number, postingCount: number, positionBytes: number) =>
  align(align(align(postingsAt + 2 * postingCount) + postingCount) + positionBytes);

/** Where `blocks` lie when packed from `from` on, the end last. */
const offsets = (blocks: Uint8Array[], from: number) => {
  const out = new Uint32Array(blocks.length + 1);
  out[0] = from;
  blocks.forEach((block, b) => (out[b + 1] = out[b] + block.byteLength));
  return out;
};

function termBlockBytes(segment: Segment, block: number, size: number): Uint8Array {
  const from = block * size;
  const to = Math.min(segment.termCount, from + size);
  const text = segment.vocabulary.slice(segment.termStarts[from], segment.termStarts[to]);
  return concat([
    bytesOf(segment.termStarts.slice(from, to + 1)),
    bytesOf(segment.postingStarts.slice(from, to + 1)),
    bytesOf(segment.positionStarts.slice(from, to + 1)),
    segment.stemCodes.slice(from, to),
    new TextEncoder().encode(text),
  ]);
}

function documentBlockBytes(segment: Segment, block: number, size: number): Uint8Array {
  const from = block * size;
  const to = Math.min(segment.documents.length, from + size);
  const rows = segment.documents
    .slice(from, to)
    .map((d) => [d.id, d.publisher, d.publishedAt, d.speakers, ...(d.wordsPrint ? [d.wordsPrint] : [])]);
  return concat([
    bytesOf(segment.fieldLengths.slice(from * FIELD_COUNT, to * FIELD_COUNT)),
    new TextEncoder().encode(JSON.stringify(rows)),
  ]);
}

/**
 * @example
 * ```ts
 * const bytes = encodeSegment(segment);
 * decodeSegment(bytes).documents.length === segment.documents.length; // true
 * headLength(bytes); // the directory: the bytes a cold start fetches before any block
 * ```
 */
export function encodeSegment(segment: Segment, sizes: BlockSizes = DEFAULT_SIZES): Uint8Array {
  const { termBlockKeys, documentBlockDocuments } = sizes;
  if (!segment.complete) throw new Error('Only a fully loaded segment can be encoded.');
  const termBlocks = Array.from({ length: Math.ceil(segment.termCount / termBlockKeys) }, (_, b) =>
    deflated(termBlockBytes(segment, b, termBlockKeys)),
  );
  const documentBlocks = Array.from({ length: Math.ceil(segment.documents.length / documentBlockDocuments) }, (_, b) =>
    deflated(documentBlockBytes(segment, b, documentBlockDocuments)),
  );
  const storedBlocks = Array.from({ length: segment.stored.blockCount }, (_, b) => segment.stored.compressed(b));
  const firstKeys = termBlocks.map((_, b) => segment.key(b * termBlockKeys));
  const blockChars = Uint32Array.from(
    { length: termBlocks.length + 1 },
    (_, b) => segment.termStarts[Math.min(segment.termCount, b * termBlockKeys)],
  );
  // The packed directory holds sizes, not offsets: it is written first, and where it ends is where the blocks start.
  const packed = packDirectory({
    firstKeys,
    termOffsets: offsets(termBlocks, 0),
    blockChars,
    blockPostings: Uint32Array.from(
      { length: termBlocks.length + 1 },
      (_, b) => segment.postingStarts[Math.min(segment.termCount, b * termBlockKeys)],
    ),
    documentOffsets: offsets(documentBlocks, 0),
    storedOffsets: offsets(storedBlocks, 0),
  });
  const header: Header = {
    fields: FIELDS,
    termCount: segment.termCount,
    documentCount: segment.documents.length,
    postingCount: segment.postingDocuments!.length,
    positionBytes: segment.positions!.byteLength,
    fieldTotals: segment.fieldTotals,
    termBlockKeys,
    documentBlockDocuments,
    storedBlockDocuments: segment.stored.blockDocuments,
    packedBytes: packed.byteLength,
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const headerLength = headerBytes.byteLength;
  const directoryEnd = align(PREAMBLE + headerLength + packed.byteLength);
  const termOffsets = offsets(termBlocks, directoryEnd);
  const documentOffsets = offsets(documentBlocks, termOffsets[termBlocks.length]);
  const postingsAt = align(documentOffsets[documentBlocks.length]);
  const storedOffsets = offsets(storedBlocks, storedStart(postingsAt, header.postingCount, header.positionBytes));
  const countsAt = align(postingsAt + 2 * header.postingCount);
  const positionsAt = align(countsAt + header.postingCount);
  const out = new Uint8Array(storedOffsets[storedBlocks.length]);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, headerLength, true);
  view.setUint32(8, directoryEnd, true);
  view.setUint32(12, postingsAt, true);
  out.set(headerBytes, PREAMBLE);
  out.set(packed, PREAMBLE + headerLength);
  pack(out, [...termBlocks, ...documentBlocks], directoryEnd);
  out.set(bytesOf(segment.postingDocuments!), postingsAt);
  out.set(segment.postingCounts!, countsAt);
  out.set(segment.positions!, positionsAt);
  pack(out, storedBlocks, storedOffsets[0]);
  return out;
}

/** The length of a shard file's directory: the bytes {@link decodeSegmentHead} needs. */
export function headLength(bytes: Uint8Array): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
}

/**
 * Where a shard file's stored texts lie, from its directory: a range after the postings, which
 * a result page reads its hits' blocks from.
 *
 * @example
 * ```ts
 * const { start, end } = storedSection(bytes.subarray(0, headLength(bytes)));
 * ```
 */
export function storedSection(head: Uint8Array): { start: number; end: number } {
  const { storedOffsets } = decodeDirectory(head).layout;
  return { start: storedOffsets[0], end: storedOffsets[storedOffsets.length - 1] };
}

/** A shard's directory, and where its blocks and postings are. */
function decodeDirectory(input: Uint8Array): { directory: ShardDirectory; layout: ShardLayout } {
  // Typed-array views need 4-byte alignment: copy once if the bytes arrived unaligned.
  const bytes = input.byteOffset % 4 === 0 ? input : new Uint8Array(input);
  if (bytes.byteLength < PREAMBLE) corrupt('too short');
  const preamble = new DataView(bytes.buffer, bytes.byteOffset, PREAMBLE);
  if (preamble.getUint32(0, true) !== MAGIC) corrupt('not a Verbatim segment of this version');
  const headerLength = preamble.getUint32(4, true);
  const directoryEnd = preamble.getUint32(8, true);
  if (directoryEnd > bytes.byteLength || PREAMBLE + headerLength > directoryEnd) corrupt('truncated directory');
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(PREAMBLE, PREAMBLE + headerLength))) as Header;
  } catch {
    corrupt('unreadable header');
  }
  if (!Array.isArray(header.fields) || header.fields.join() !== FIELDS.join()) corrupt('written for other fields');
  if (!Array.isArray(header.fieldTotals)) corrupt('header without its field totals');
  const { termBlockKeys, documentBlockDocuments, storedBlockDocuments } = header;
  if (!(termBlockKeys >= 1 && documentBlockDocuments >= 1 && storedBlockDocuments >= 1))
    corrupt('header without its block sizes');
  const postingsAt = preamble.getUint32(12, true);
  const { termCount, documentCount, fieldTotals, postingCount, positionBytes } = header;
  const { firstKeys, termOffsets, blockChars, blockPostings, documentOffsets, storedOffsets } = unpackDirectory(
    bytes.subarray(PREAMBLE + headerLength, Math.min(directoryEnd, PREAMBLE + headerLength + header.packedBytes)),
    {
      termBlocks: Math.ceil(termCount / termBlockKeys),
      documentBlocks: Math.ceil(documentCount / documentBlockDocuments),
      storedBlocks: Math.ceil(documentCount / storedBlockDocuments),
      directoryEnd,
      storedAt: storedStart(postingsAt, postingCount, positionBytes),
    },
  );
  if (align(documentOffsets[documentOffsets.length - 1]) !== postingsAt)
    corrupt('blocks do not end where the postings start');
  return {
    directory: {
      termCount,
      documentCount,
      termBlockKeys,
      documentBlockDocuments,
      firstKeys,
      blockChars,
      blockPostings,
      fieldTotals,
    },
    layout: {
      directoryEnd,
      termBlockKeys,
      documentBlockDocuments,
      termOffsets,
      documentOffsets,
      blockPostings,
      storedBlockDocuments,
      storedOffsets,
      postingsAt,
      postingCount,
      positionBytes,
    },
  };
}

/**
 * Views a whole shard file as a (whole) segment. The bytes must not be modified afterwards.
 *
 * @example
 * ```ts
 * const segment = decodeSegment((await blobs.get(key))!.body);
 * ```
 */
export function decodeSegment(input: Uint8Array): Segment {
  const bytes = input.byteOffset % 4 === 0 ? input : new Uint8Array(input);
  const { directory, layout } = decodeDirectory(bytes);
  const stored = new StoredBlocks(directory.documentCount, layout.storedBlockDocuments, [], null);
  const segment = Segment.partlyLoaded(directory, null, stored);
  attachAll(segment, layout, bytes, 0);
  return segment;
}

/**
 * A segment from the directory of a shard file only, which fetches the rest through `read`: a
 * search fetches the blocks and postings it needs (`load-for-query.ts`), and it is whole once
 * {@link Segment.loadAllPostings} has run.
 *
 * @example
 * ```ts
 * const segment = decodeSegmentHead((await blobs.getRange(key, 0, shard.headBytes))!, (start, end) => readShard(key, start, end));
 * ```
 */
export function decodeSegmentHead(head: Uint8Array, read: RangeReader): Segment {
  const { directory, layout } = decodeDirectory(head);
  const stored = new StoredBlocks(directory.documentCount, layout.storedBlockDocuments, [], storedReader(layout, read));
  return Segment.partlyLoaded(directory, shardLoader(layout, read), stored);
}
