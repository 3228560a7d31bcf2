/**
 * The shard file: a segment's arrays, byte for byte, after a small JSON header. Decoding makes
 * typed-array views onto the bytes (no copy, no per-posting work), decodes the vocabulary once as
 * one string, and parses the stored documents — so loading a shard costs about what reading it does.
 *
 * The postings come last, after the **head** (everything a query needs to plan itself: the
 * vocabulary, where each key's postings are, the documents). A cold start fetches only the heads,
 * then the postings of the keys its first query uses, by byte range; the rest can follow.
 *
 * Layout (typed arrays in the machine's byte order, little-endian on x86 and ARM alike; every
 * array starting on a 4-byte boundary):
 * `VSG7` · u32 header length · u32 head length · u32 0 · header JSON · termStarts · postingStarts ·
 * positionStarts · fieldLengths · stemCodes (u8) · vocabulary (UTF-8) ‖ postingDocuments (u16) ·
 * postingCounts (u8) · positions (varints, see `positions.ts`)
 *
 * A shard of an older layout (VSG1–6; VSG6 had no positions) fails to decode with an internal {@link VerbatimError}; the
 * index reader then rebuilds the index from the ingest log and the next compaction rewrites it.
 */
import { VerbatimError } from '../errors.ts';
import { FIELD_COUNT, FIELDS, Segment, type Postings, type PostingsFetcher, type StoredDocument } from './segment.ts';

const MAGIC = 0x37475356; // "VSG7" read as a little-endian u32 (VSG1–6 had other layouts; VSG6 no positions, VSG5 no stem codes)
const PREAMBLE = 16;

interface Header {
  fields: readonly string[];
  termCount: number;
  postingCount: number;
  vocabularyBytes: number;
  positionBytes: number;
  /** Stored documents as arrays (`[id, publisher, publishedAt, speakers]`): smaller than objects. */
  documents: Array<[string, string, string, string[]]>;
}

/** Where a partly loaded segment's postings are in its shard file. */
interface PostingsLayout {
  postingsAt: number;
  postingCount: number;
  positionBytes: number;
}

const align = (n: number) => (n + 3) & ~3;
const bytesOf = (array: ArrayBufferView) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);

function corrupt(why: string): never {
  throw new VerbatimError('internal', `Index shard is corrupt: ${why}.`);
}

/**
 * @example
 * ```ts
 * const bytes = encodeSegment(segment);
 * decodeSegment(bytes).documents.length === segment.documents.length; // true
 * headLength(bytes); // bytes a cold start fetches before any postings
 * ```
 */
export function encodeSegment(segment: Segment): Uint8Array {
  if (!segment.postingDocuments || !segment.postingCounts || !segment.positions)
    throw new Error('Only a fully loaded segment can be encoded.');
  const vocabulary = new TextEncoder().encode(segment.vocabulary);
  const header: Header = {
    fields: FIELDS,
    termCount: segment.termCount,
    postingCount: segment.postingDocuments.length,
    vocabularyBytes: vocabulary.byteLength,
    positionBytes: segment.positions.byteLength,
    documents: segment.documents.map((d) => [d.id, d.publisher, d.publishedAt, d.speakers]),
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const head = [
    headerBytes,
    bytesOf(segment.termStarts),
    bytesOf(segment.postingStarts),
    bytesOf(segment.positionStarts),
    bytesOf(segment.fieldLengths),
    segment.stemCodes,
    vocabulary,
  ];
  const tail = [bytesOf(segment.postingDocuments), segment.postingCounts, segment.positions];
  const place = (parts: Uint8Array[], from: number) => parts.reduce((at, part) => align(at) + part.byteLength, from);
  const headEnd = align(place(head, PREAMBLE));
  const out = new Uint8Array(align(place(tail, headEnd)));
  new DataView(out.buffer).setUint32(0, MAGIC, true);
  new DataView(out.buffer).setUint32(4, headerBytes.byteLength, true);
  new DataView(out.buffer).setUint32(8, headEnd, true);
  let offset = PREAMBLE;
  for (const part of [...head, ...tail]) {
    offset = part === tail[0] ? headEnd : align(offset);
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

/** The length of a shard file's head: the bytes {@link decodeSegmentHead} needs. */
export function headLength(bytes: Uint8Array): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
}

function decode(input: Uint8Array, read: RangeReader | null): Segment {
  // Typed-array views need 4-byte alignment: copy once if the bytes arrived unaligned (a copy made
  // by the constructor: a Node Buffer's slice() would be another unaligned view).
  const bytes = input.byteOffset % 4 === 0 ? input : new Uint8Array(input);
  if (bytes.byteLength < PREAMBLE) corrupt('too short');
  const preamble = new DataView(bytes.buffer, bytes.byteOffset, PREAMBLE);
  if (preamble.getUint32(0, true) !== MAGIC) corrupt('not a Verbatim segment of this version');
  const headerLength = preamble.getUint32(4, true);
  const postingsAt = preamble.getUint32(8, true);
  if (PREAMBLE + headerLength > bytes.byteLength) corrupt('truncated header');
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(PREAMBLE, PREAMBLE + headerLength))) as Header;
  } catch {
    corrupt('unreadable header');
  }
  if (!Array.isArray(header.fields) || !Array.isArray(header.documents)) corrupt('header without fields or documents');
  if (header.fields.join() !== FIELDS.join()) corrupt(`written for fields ${header.fields.join(', ')}`);
  let offset = PREAMBLE + headerLength;
  const view = <T>(
    make: (buffer: ArrayBufferLike, at: number, length: number) => T,
    length: number,
    width: number,
  ): T => {
    offset = align(offset);
    if (offset + length * width > bytes.byteLength) corrupt('truncated');
    const array = make(bytes.buffer, bytes.byteOffset + offset, length);
    offset += length * width;
    return array;
  };
  if (!header.documents.every((d) => Array.isArray(d) && d.length === 4)) corrupt('malformed document table');
  const documents: StoredDocument[] = header.documents.map(([id, publisher, publishedAt, speakers]) => ({
    id,
    publisher,
    publishedAt,
    speakers,
  }));
  const termStarts = view((b, at, n) => new Uint32Array(b, at, n), header.termCount + 1, 4);
  const postingStarts = view((b, at, n) => new Uint32Array(b, at, n), header.termCount + 1, 4);
  const positionStarts = view((b, at, n) => new Uint32Array(b, at, n), header.termCount + 1, 4);
  const fieldLengths = view((b, at, n) => new Uint16Array(b, at, n), documents.length * FIELD_COUNT, 2);
  const stemCodes = view((b, at, n) => new Uint8Array(b, at, n), header.termCount, 1);
  const vocabulary = new TextDecoder().decode(view((b, at, n) => new Uint8Array(b, at, n), header.vocabularyBytes, 1));
  if (align(offset) !== postingsAt) corrupt('head length does not match its contents');
  const arrays = { documents, vocabulary, termStarts, postingStarts, positionStarts, stemCodes, fieldLengths };
  const { postingCount, positionBytes } = header;
  if (read) return new Segment(arrays, postingsFetcher({ postingsAt, postingCount, positionBytes }, read));
  const segment = new Segment(arrays);
  segment.attachPostings(
    view((b, at, n) => new Uint16Array(b, at, n), postingCount, 2),
    view((b, at, n) => new Uint8Array(b, at, n), postingCount, 1),
    view((b, at, n) => new Uint8Array(b, at, n), positionBytes, 1),
  );
  return segment;
}

/**
 * Views a whole shard file as a segment. The bytes must not be modified afterwards.
 *
 * @example
 * ```ts
 * const segment = decodeSegment((await blobs.get(key))!.body);
 * ```
 */
export function decodeSegment(bytes: Uint8Array): Segment {
  return decode(bytes, null);
}

/**
 * A segment from the head of a shard file only, which fetches its postings through `read`: a
 * search fetches those it needs ({@link Segment.loadPostings}), and it is complete once
 * {@link Segment.loadAllPostings} has run.
 *
 * @example
 * ```ts
 * const segment = decodeSegmentHead((await blobs.getRange(key, 0, shard.headBytes))!, (start, end) => readShard(key, start, end));
 * ```
 */
export function decodeSegmentHead(head: Uint8Array, read: RangeReader): Segment {
  return decode(head, read);
}

/** How a segment decoded from its head fetches its postings from the rest of the file. */
function postingsFetcher(layout: PostingsLayout, read: RangeReader): PostingsFetcher {
  return {
    some: (segment, terms) => fetchPostings(segment, layout, terms, read),
    all: (segment) => fetchAllPostings(segment, layout, read),
  };
}

/** Where the three postings sections of a shard file start, and where the file ends. */
function sections(layout: PostingsLayout): { countsAt: number; positionsAt: number; end: number } {
  const countsAt = align(layout.postingsAt + 2 * layout.postingCount);
  const positionsAt = align(countsAt + layout.postingCount);
  return { countsAt, positionsAt, end: positionsAt + layout.positionBytes };
}

/** Reads bytes `start` to `end` (exclusive) of the segment's shard file. */
export type RangeReader = (start: number, end: number) => Promise<Uint8Array>;

/** Ranges closer than this are fetched as one: a request costs more than a few KB of bytes. */
const COALESCE_GAP = 16 * 1024;

/**
 * Fetches the postings of `terms` for a segment from {@link decodeSegmentHead}: three byte ranges
 * per key (document numbers, counts, positions), neighbouring ranges fetched together — a prefix's
 * completions are neighbours in the sorted vocabulary, so their postings are too.
 */
async function fetchPostings(
  segment: Segment,
  layout: PostingsLayout,
  terms: number[],
  read: RangeReader,
): Promise<void> {
  const wanted = segment.missing(terms);
  if (wanted.length === 0) return;
  const { countsAt, positionsAt } = sections(layout);
  const pieces = wanted.flatMap((term) => {
    const from = segment.postingStarts[term];
    const to = segment.postingStarts[term + 1];
    const [first, last] = [segment.positionStarts[term], segment.positionStarts[term + 1]];
    return [
      { term, kind: 'documents' as const, start: layout.postingsAt + 2 * from, end: layout.postingsAt + 2 * to },
      { term, kind: 'counts' as const, start: countsAt + from, end: countsAt + to },
      { term, kind: 'positions' as const, start: positionsAt + first, end: positionsAt + last },
    ];
  });
  pieces.sort((a, b) => a.start - b.start);
  const groups: Array<{ start: number; end: number; members: typeof pieces }> = [];
  for (const piece of pieces) {
    const last = groups.at(-1);
    if (last && piece.start - last.end <= COALESCE_GAP) {
      last.end = Math.max(last.end, piece.end);
      last.members.push(piece);
    } else {
      groups.push({ start: piece.start, end: piece.end, members: [piece] });
    }
  }
  const found = new Map<number, Partial<Postings>>();
  await Promise.all(
    groups.map(async (group) => {
      const bytes = await read(group.start, group.end);
      if (bytes.byteLength !== group.end - group.start) corrupt('a postings range came back short');
      for (const piece of group.members) {
        // A copy of its own (the constructor copies; a Buffer's slice() would not): 16-bit views
        // need an aligned buffer, and the range is small.
        const slice = new Uint8Array(bytes.subarray(piece.start - group.start, piece.end - group.start));
        const entry = found.get(piece.term) ?? {};
        if (piece.kind === 'documents') entry.documents = new Uint16Array(slice.buffer, 0, slice.byteLength / 2);
        else entry[piece.kind] = slice;
        found.set(piece.term, entry);
      }
    }),
  );
  for (const [term, { documents, counts, positions }] of found)
    segment.addPostings(term, { documents: documents!, counts: counts!, positions: positions! });
}

/** Completes a segment from {@link decodeSegmentHead} with all of its postings (one range). */
async function fetchAllPostings(segment: Segment, layout: PostingsLayout, read: RangeReader): Promise<void> {
  if (segment.complete) return;
  const { countsAt, positionsAt, end } = sections(layout);
  const bytes = new Uint8Array(await read(layout.postingsAt, end));
  if (bytes.byteLength !== end - layout.postingsAt) corrupt('the postings came back short');
  segment.attachPostings(
    new Uint16Array(bytes.buffer, 0, layout.postingCount),
    new Uint8Array(bytes.buffer, countsAt - layout.postingsAt, layout.postingCount),
    new Uint8Array(bytes.buffer, positionsAt - layout.postingsAt, layout.positionBytes),
  );
}
