/**
 * The blocks of a partly loaded segment. A shard file (VS10, see `segment-codec.ts`) cuts its term
 * dictionary into blocks of {@link TERM_BLOCK_KEYS} keys and its document table into blocks of
 * {@link DOCUMENT_BLOCK_DOCUMENTS} documents; a cold start reads only the shard's **directory** —
 * every term block's first key and where each block is, as Lucene's terms index and Quickwit's
 * hotcache do — and then the few blocks a query touches, by byte range. This file keeps what has
 * arrived: which blocks, and the vocabulary with the keys not loaded yet standing as NUL characters.
 *
 * Why NUL stands in for a missing key: the engine's scans over the sorted vocabulary (prefixes,
 * forms, typos) read keys until one no longer matches. No key or prefix starts with NUL, so a scan
 * that runs past the blocks a query fetched stops there, exactly where the key it reads would have
 * ended it anyway: the query fetched every block whose first key is inside its range.
 */
import type { StoredDocument } from './stored-document.ts';

/** Keys per term block as written (a block is about 3 KB, and the directory holds one key per block). */
export const TERM_BLOCK_KEYS = 128;
/** Documents per document-table block as written (about 3 KB): a rare word's hits fetch a few of them. */
export const DOCUMENT_BLOCK_DOCUMENTS = 32;

/** The key arrays of one term block, its keys' global numbers from `block * termBlockKeys`. */
export interface TermBlock {
  /** One more than the block's keys: the last is where the next block's first key starts. */
  termStarts: Uint32Array;
  postingStarts: Uint32Array;
  positionStarts: Uint32Array;
  stemCodes: Uint8Array;
  /** The block's keys, concatenated. */
  text: string;
}

/** One block of the document table. */
export interface DocumentBlock {
  fieldLengths: Uint16Array;
  documents: StoredDocument[];
}

/** What a shard's directory says before any block is here. */
export interface ShardDirectory {
  termCount: number;
  documentCount: number;
  /** The block sizes the shard was written with (the file says, so they can change without a new format). */
  termBlockKeys: number;
  documentBlockDocuments: number;
  /** The first key of each term block. */
  firstKeys: string[];
  /** Where each term block's keys start in the whole vocabulary (UTF-16 units), and its length last. */
  blockChars: Uint32Array;
  /** Where each term block's postings start (its first key's posting number), and their count last. */
  blockPostings: Uint32Array;
  /** Words per field over all documents: BM25's average lengths, before any document block. */
  fieldTotals: number[];
}

/** Which blocks of a segment are here, and its vocabulary so far. */
export class LoadedBlocks {
  readonly terms: Uint8Array;
  readonly documents: Uint8Array;
  private termsLeft: number;
  private documentsLeft: number;
  private readonly pieces: string[];
  private vocabulary: string | null = null;

  constructor(readonly directory: ShardDirectory) {
    this.terms = new Uint8Array(directory.firstKeys.length);
    this.documents = new Uint8Array(Math.ceil(directory.documentCount / directory.documentBlockDocuments));
    this.termsLeft = this.terms.length;
    this.documentsLeft = this.documents.length;
    const { blockChars } = directory;
    // Slices of one NUL string: V8 keeps a slice as a view, so the stand-ins cost no copy each.
    let longest = 0;
    for (let b = 0; b < this.terms.length; b++) longest = Math.max(longest, blockChars[b + 1] - blockChars[b]);
    const nul = '\u0000'.repeat(longest);
    this.pieces = Array.from(this.terms, (_, b) => nul.slice(0, blockChars[b + 1] - blockChars[b]));
  }

  get allTerms(): boolean {
    return this.termsLeft === 0;
  }

  get allDocuments(): boolean {
    return this.documentsLeft === 0;
  }

  /** The term block that holds `key` if any does: the last whose first key is not after it. */
  termBlockOf(key: string): number {
    const { firstKeys } = this.directory;
    let low = 0;
    let high = firstKeys.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (firstKeys[middle] <= key) low = middle + 1;
      else high = middle;
    }
    return Math.max(0, low - 1);
  }

  /**
   * The term blocks that hold every key in `[from, to)`, at most `maxKeys` keys past `from` when
   * given (a scan with a cap reads no further).
   */
  termBlocksFor(from: string, to: string, maxKeys = Infinity): number[] {
    const { firstKeys, termBlockKeys } = this.directory;
    const first = this.termBlockOf(from);
    const last = Math.min(firstKeys.length - 1, first + Math.ceil(maxKeys / termBlockKeys));
    const blocks = [first];
    for (let b = first + 1; b <= last && firstKeys[b] < to; b++) blocks.push(b);
    return blocks;
  }

  addTerms(block: number, text: string): void {
    if (this.terms[block]) return;
    this.terms[block] = 1;
    this.termsLeft--;
    this.pieces[block] = text;
    this.vocabulary = null;
  }

  addDocuments(block: number): boolean {
    if (this.documents[block]) return false;
    this.documents[block] = 1;
    this.documentsLeft--;
    return true;
  }

  /** The vocabulary, NUL where a block is missing; joined again only after blocks arrived. */
  text(): string {
    return (this.vocabulary ??= this.pieces.join(''));
  }
}
