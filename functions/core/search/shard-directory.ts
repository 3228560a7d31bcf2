/**
 * The packed part of a shard's directory (VS10, see `segment-codec.ts`): every term block's first
 * key, front-coded (the length it shares with the previous key, then the rest), and the sizes of
 * the term blocks, of their keys (UTF-16 units), of their postings, of the document blocks and of the stored blocks,
 * as varints, then deflate-raw over the whole. VSG9 wrote the keys as JSON and every offset as a
 * u32; sorted keys share most of their letters and a block's size fits in two bytes: 7.0 KB for
 * a 10,000-article shard of the corpus, block posting starts included, against VSG9's 14.3 KB. That is
 * what a cold start fetches per shard before any block, and what grows with the number of shards.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { corrupt } from './shard-corrupt.ts';
import { pushVarint, VarintReader } from './varints.ts';

/** What the packed directory holds: offsets are absolute, each array with its end last. */
export interface PackedDirectory {
  firstKeys: string[];
  /** Byte offsets of the term blocks, from the directory's end on. */
  termOffsets: Uint32Array;
  /** Where each term block's keys start in the whole vocabulary (UTF-16 units), from 0. */
  blockChars: Uint32Array;
  /** Where each term block's postings start (its first key's `postingStarts`), from 0. */
  blockPostings: Uint32Array;
  /** Byte offsets of the document blocks, from the term blocks' end on. */
  documentOffsets: Uint32Array;
  /** Byte offsets of the stored blocks, from the stored section's start on. */
  storedOffsets: Uint32Array;
}

/** How many of each, and where the offset arrays start: what the header and the preamble say. */
export interface DirectoryShape {
  termBlocks: number;
  documentBlocks: number;
  storedBlocks: number;
  directoryEnd: number;
  storedAt: number;
}

/** The length `a` and `b` share, not cutting a surrogate pair. */
function sharedLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  const last = a.charCodeAt(n - 1);
  return n > 0 && last >= 0xd800 && last <= 0xdbff ? n - 1 : n;
}

/**
 * @example
 * ```ts
 * const bytes = packDirectory(directory);
 * unpackDirectory(bytes, shape).firstKeys; // directory.firstKeys
 * ```
 */
export function packDirectory(directory: PackedDirectory): Uint8Array {
  const out: number[] = [];
  const encoder = new TextEncoder();
  let previous = '';
  for (const key of directory.firstKeys) {
    const shared = sharedLength(previous, key);
    const rest = encoder.encode(key.slice(shared));
    pushVarint(out, shared);
    pushVarint(out, rest.byteLength);
    for (const byte of rest) out.push(byte);
    previous = key;
  }
  const { termOffsets, blockChars, blockPostings, documentOffsets, storedOffsets } = directory;
  for (const offsets of [termOffsets, blockChars, blockPostings, documentOffsets, storedOffsets])
    for (let b = 1; b < offsets.length; b++) pushVarint(out, offsets[b] - offsets[b - 1]);
  return new Uint8Array(deflateRawSync(Uint8Array.from(out)));
}

/** Offsets from `start` on, from the next `count` sizes. */
function offsetsFrom(reader: VarintReader, count: number, start: number): Uint32Array {
  const out = new Uint32Array(count + 1);
  out[0] = start;
  for (let b = 0; b < count; b++) {
    const size = reader.varint();
    if (Number.isNaN(size)) corrupt('directory is short');
    out[b + 1] = out[b] + size;
  }
  return out;
}

/** The directory `bytes` pack, shaped as the header says; anything malformed is corrupt. */
export function unpackDirectory(packed: Uint8Array, shape: DirectoryShape): PackedDirectory {
  let bytes: Uint8Array;
  try {
    bytes = inflateRawSync(packed);
  } catch {
    corrupt('directory does not inflate');
  }
  const reader = new VarintReader(bytes);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const firstKeys: string[] = [];
  let previous = '';
  for (let b = 0; b < shape.termBlocks; b++) {
    const shared = reader.varint();
    const length = reader.varint();
    if (!(shared <= previous.length) || !(reader.offset + length <= bytes.byteLength))
      corrupt('directory keys are short');
    try {
      previous = previous.slice(0, shared) + decoder.decode(reader.take(length));
    } catch {
      corrupt('directory keys are unreadable');
    }
    firstKeys.push(previous);
  }
  const termOffsets = offsetsFrom(reader, shape.termBlocks, shape.directoryEnd);
  const blockChars = offsetsFrom(reader, shape.termBlocks, 0);
  const blockPostings = offsetsFrom(reader, shape.termBlocks, 0);
  const documentOffsets = offsetsFrom(reader, shape.documentBlocks, termOffsets[shape.termBlocks]);
  const storedOffsets = offsetsFrom(reader, shape.storedBlocks, shape.storedAt);
  if (reader.offset !== bytes.byteLength) corrupt('directory length does not match its contents');
  return { firstKeys, termOffsets, blockChars, blockPostings, documentOffsets, storedOffsets };
}
