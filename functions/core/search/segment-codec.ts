/**
 * The shard file: a segment's arrays, byte for byte, after a small JSON header. Decoding makes
 * typed-array views onto the bytes (no copy, no per-posting work), decodes the vocabulary once as
 * one string, and parses the stored documents — so loading a shard costs about what reading it does.
 *
 * Layout (little-endian, every array starting on a 4-byte boundary):
 * `VSG2` · u32 header length · header JSON · termStarts · postingStarts · postingDocuments ·
 * fieldLengths · postingCounts · vocabulary (UTF-8)
 */
import { VerbatimError } from '../errors.ts';
import { FIELD_COUNT, FIELDS, Segment, type StoredDocument } from './segment.ts';

const MAGIC = 0x32475356; // "VSG2" read as a little-endian u32 (VSG1 had 32-bit document numbers)

interface Header {
  fields: readonly string[];
  termCount: number;
  postingCount: number;
  vocabularyBytes: number;
  /** Stored documents as arrays (`[id, title, publisher, publishedAt, speakers]`): a third the size of objects. */
  documents: Array<[string, string, string, string, string[]]>;
}

const align = (n: number) => (n + 3) & ~3;

/**
 * @example
 * ```ts
 * const bytes = encodeSegment(segment);
 * decodeSegment(bytes).documents.length === segment.documents.length; // true
 * ```
 */
export function encodeSegment(segment: Segment): Uint8Array {
  const vocabulary = new TextEncoder().encode(segment.vocabulary);
  const header: Header = {
    fields: FIELDS,
    termCount: segment.termCount,
    postingCount: segment.postingDocuments.length,
    vocabularyBytes: vocabulary.byteLength,
    documents: segment.documents.map((d) => [d.id, d.title, d.publisher, d.publishedAt, d.speakers]),
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const parts: Uint8Array[] = [
    new Uint8Array(new Uint32Array([MAGIC, headerBytes.byteLength]).buffer),
    headerBytes,
    new Uint8Array(segment.termStarts.buffer, segment.termStarts.byteOffset, segment.termStarts.byteLength),
    new Uint8Array(segment.postingStarts.buffer, segment.postingStarts.byteOffset, segment.postingStarts.byteLength),
    new Uint8Array(segment.postingDocuments.buffer, segment.postingDocuments.byteOffset, segment.postingDocuments.byteLength),
    new Uint8Array(segment.fieldLengths.buffer, segment.fieldLengths.byteOffset, segment.fieldLengths.byteLength),
    segment.postingCounts,
    vocabulary,
  ];
  const size = parts.reduce((total, part) => align(total) + part.byteLength, 0);
  const out = new Uint8Array(align(size));
  let offset = 0;
  for (const part of parts) {
    offset = align(offset);
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

function corrupt(why: string): never {
  throw new VerbatimError('internal', `Index shard is corrupt: ${why}.`);
}

/**
 * Views a shard's bytes as a segment. The bytes must not be modified afterwards.
 *
 * @example
 * ```ts
 * const segment = decodeSegment((await blobs.get(key))!.body);
 * ```
 */
export function decodeSegment(input: Uint8Array): Segment {
  // Typed-array views need 4-byte alignment: copy once if the bytes arrived unaligned.
  const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
  if (bytes.byteLength < 8) corrupt('too short');
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, 2);
  if (words[0] !== MAGIC) corrupt('not a Verbatim segment');
  let offset = 8;
  if (offset + words[1] > bytes.byteLength) corrupt('truncated header');
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(offset, offset + words[1]))) as Header;
  } catch {
    corrupt('unreadable header');
  }
  offset += words[1];
  if (!Array.isArray(header.fields) || !Array.isArray(header.documents)) corrupt('header without fields or documents');
  if (header.fields.join() !== FIELDS.join()) corrupt(`written for fields ${header.fields.join(', ')}`);
  const view = <T>(make: (buffer: ArrayBufferLike, at: number, length: number) => T, length: number, width: number): T => {
    offset = align(offset);
    if (offset + length * width > bytes.byteLength) corrupt('truncated');
    const array = make(bytes.buffer, bytes.byteOffset + offset, length);
    offset += length * width;
    return array;
  };
  const documents: StoredDocument[] = header.documents.map(([id, title, publisher, publishedAt, speakers]) => ({ id, title, publisher, publishedAt, speakers }));
  const termStarts = view((b, at, n) => new Uint32Array(b, at, n), header.termCount + 1, 4);
  const postingStarts = view((b, at, n) => new Uint32Array(b, at, n), header.termCount + 1, 4);
  const postingDocuments = view((b, at, n) => new Uint16Array(b, at, n), header.postingCount, 2);
  const fieldLengths = view((b, at, n) => new Uint16Array(b, at, n), documents.length * FIELD_COUNT, 2);
  const postingCounts = view((b, at, n) => new Uint8Array(b, at, n), header.postingCount, 1);
  const vocabularyBytes = view((b, at, n) => new Uint8Array(b, at, n), header.vocabularyBytes, 1);
  const vocabulary = new TextDecoder().decode(vocabularyBytes);
  return new Segment({ documents, vocabulary, termStarts, postingStarts, postingDocuments, postingCounts, fieldLengths });
}
