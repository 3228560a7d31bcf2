/**
 * Stored text: what a result card needs of a document — its title, the part of its text the
 * passage cutter can reach, that text's paragraphs and the quotes {@link matchingQuotes} reads —
 * kept in the shard beside the index, as Lucene's stored fields are, so a result page never reads
 * a document from storage. Documents are grouped into blocks of {@link STORED_BLOCK_DOCUMENTS},
 * each block compressed on its own (`deflate-raw`, `node:zlib`: brotli saved under 5% more here),
 * so a page fetches and inflates one small block per hit, not the shard.
 *
 * A block, once inflated: u32 k · u32 byte offsets (k + 1) · one JSON array per document,
 * `[title, text, [paragraph start, end, …], [[start, end, speaker, mention, verb, kind, text?], …],
 * [sentence gap, length, …]?]` (the sentences' offsets as differences from the previous offset,
 * the first from 0).
 * A quote's text is left out when it is the document text's own slice (it nearly always is).
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { ArchivedDocument, Paragraph, Quote, QuoteKind } from '../document.ts';
import { corrupt } from './shard-corrupt.ts';
import { passageViewOf } from './passage-view.ts';
import { sentenceSpans } from '../text/split-sentences.ts';

/** What passages, quotes and a result card read of one document. */
export interface StoredText {
  title: string;
  /** A prefix of the document's text (offsets unchanged): the part passages can reach. */
  text: string;
  paragraphs: Paragraph[];
  quotes: Quote[];
  /**
   * The paragraphs' sentences as `sentenceSpans` gives them, in order: segmenting
   * is the costliest part of cutting a passage, so it is done once, when the document is indexed.
   * Absent from blocks written before it was stored (passages then segment as they read).
   */
  sentences?: Array<[number, number]>;
}

/**
 * Documents per stored block as written. Measured on the corpora (`test/bench/measure-stored-blocks.ts`,
 * deflate-raw): 8 articles deflate to 0.42 of their JSON (1.07 KB an article), 16 to 0.40 and 32
 * to 0.39, but a block's inflate time grows with it (about 170, 300 and 500 µs here under load),
 * and a page pays it once per hit not cached.
 */
export const STORED_BLOCK_DOCUMENTS = 8;

/** The stored text of a document, cut to what passages and quotes can reach (see `passage-view.ts`). */
export function storedTextOf(document: Pick<ArchivedDocument, 'title' | 'text' | 'paragraphs' | 'quotes'>): StoredText {
  const view = passageViewOf({ ...document, id: '', publisher: null, publishedAt: null });
  const sentences: Array<[number, number]> = [];
  for (const paragraph of view.paragraphs)
    for (const [start, end] of sentenceSpans(view.text, paragraph.start, paragraph.end)) sentences.push([start, end]);
  return { title: document.title, text: view.text, paragraphs: view.paragraphs, quotes: view.quotes, sentences };
}

const KINDS: QuoteKind[] = ['speech', 'term'];

/** One document's stored text as the JSON its block holds. */
export function storedJson(stored: StoredText): string {
  const { title, text, paragraphs, quotes } = stored;
  const rows = quotes.map((q) => {
    const row: unknown[] = [q.start, q.end, q.speaker, q.mention, q.verb, KINDS.indexOf(q.kind)];
    if (text.slice(q.start, q.end) !== q.text) row.push(q.text);
    return row;
  });
  const fields: unknown[] = [title, text, paragraphs.flatMap((p) => [p.start, p.end]), rows];
  // Each sentence as its gap from the last one's end and its length: small numbers, short JSON.
  if (stored.sentences) {
    const flat = stored.sentences.flat();
    fields.push(flat.map((at, i) => at - (i > 0 ? flat[i - 1] : 0)));
  }
  return JSON.stringify(fields);
}

function parseStored(json: string): StoredText {
  const [title, text, flat, rows, gaps] = JSON.parse(json) as [
    string,
    string,
    number[],
    Array<[number, number, string | null, string | null, string | null, number, string?]>,
    number[]?,
  ];
  const paragraphs: Paragraph[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) paragraphs.push({ start: flat[i], end: flat[i + 1] });
  const quotes = rows.map(([start, end, speaker, mention, verb, kind, own]): Quote => ({
    text: own ?? text.slice(start, end),
    start,
    end,
    speaker,
    mention,
    verb,
    kind: KINDS[kind] ?? 'speech',
  }));
  if (!gaps) return { title, text, paragraphs, quotes };
  if (gaps.length % 2 !== 0 || !gaps.every(Number.isInteger)) corrupt('a stored text has unreadable sentences');
  const sentences = new Array<[number, number]>(gaps.length / 2);
  for (let i = 0, at = 0; i < gaps.length; i += 2) sentences[i / 2] = [(at += gaps[i]), (at += gaps[i + 1])];
  return { title, text, paragraphs, quotes, sentences };
}

/** Compresses one block of documents given as their {@link storedJson} bytes. */
export function encodeStoredBlock(documents: Uint8Array[]): Uint8Array {
  const head = new Uint32Array(documents.length + 2);
  head[0] = documents.length;
  let at = 0;
  documents.forEach((bytes, i) => {
    head[i + 1] = at;
    at += bytes.byteLength;
  });
  head[documents.length + 1] = at;
  const raw = new Uint8Array(head.byteLength + at);
  raw.set(new Uint8Array(head.buffer), 0);
  let to = head.byteLength;
  for (const bytes of documents) {
    raw.set(bytes, to);
    to += bytes.byteLength;
  }
  return new Uint8Array(deflateRawSync(raw));
}

/** An inflated block: each document's JSON bytes, parsed only when asked for. */
export class StoredBlock {
  private readonly offsets: Uint32Array;
  private readonly body: Uint8Array;

  constructor(compressed: Uint8Array, block: number) {
    let raw: Uint8Array;
    try {
      raw = new Uint8Array(inflateRawSync(compressed));
    } catch {
      corrupt(`stored block ${block} does not inflate`);
    }
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    const k = raw.byteLength >= 4 ? view.getUint32(0, true) : -1;
    const headBytes = 4 * (k + 2);
    if (k < 0 || raw.byteLength < headBytes) corrupt(`stored block ${block} is short`);
    this.offsets = new Uint32Array(raw.buffer.slice(raw.byteOffset + 4, raw.byteOffset + headBytes));
    this.body = raw.subarray(headBytes);
    if (this.offsets[k] !== this.body.byteLength) corrupt(`stored block ${block} is malformed`);
  }

  get count(): number {
    return this.offsets.length - 1;
  }

  /** How much memory the block holds, for a cache bounded in bytes. */
  get bytes(): number {
    return this.body.byteLength + this.offsets.byteLength;
  }

  /** Document `i`'s JSON bytes, as a merge copies them into a new block. */
  json(i: number): Uint8Array {
    return this.body.subarray(this.offsets[i], this.offsets[i + 1]);
  }

  text(i: number): StoredText {
    try {
      return parseStored(new TextDecoder().decode(this.json(i)));
    } catch {
      corrupt(`a stored text is unreadable`);
    }
  }
}
