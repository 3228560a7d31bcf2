/**
 * A segment: an immutable full-text index of a set of documents, held in a handful of typed arrays
 * instead of millions of small objects. It is what an index shard is, on disk and in memory — the
 * same arrays either way, so loading a shard is a view of its bytes rather than a decoding of them
 * (see `segment-codec.ts`), and it costs a few bytes per posting where a map-based index costs tens.
 *
 * Terms are stored per field as keys `<folded word>\u0001<field digit>` (`budget\u00011` is "budget"
 * in the text), sorted: one binary search finds a word, a range of keys is every word with a prefix,
 * and a word's keys in every field are neighbours — so are their postings, which a partly loaded
 * shard then fetches in one byte range instead of one per field. Beside each key, a byte says how
 * to derive its word's stem (see `word-stems.ts`), so a query word finds its other forms.
 */
import { LoadedBlocks, type DocumentBlock, type ShardDirectory, type TermBlock } from './segment-blocks.ts';
import type { StoredDocument } from './stored-document.ts';
import type { StoredBlocks } from './segment-stored.ts';

/** The searchable fields, in key-digit order. `title` holds the title and the publisher's name. */
export const FIELDS = ['title', 'text', 'speakers'] as const;
export type Field = (typeof FIELDS)[number];
export const FIELD_COUNT = FIELDS.length;

/**
 * A segment holds at most this many documents, so a document number fits in 16 bits: postings
 * are the bulk of an index, and this halves them (shards hold far fewer, see `SHARD_DOCUMENTS`).
 */
export const MAX_SEGMENT_DOCUMENTS = 65_535;

/** Separates a key's word from its field digit; words never contain it (they are letters and digits). */
const FIELD_MARK = '\u0001';

/** The key of a folded word in a field: `termKey('text', 'budget') === 'budget\u00011'`. */
export const termKey = (field: Field, term: string): string => `${term}${FIELD_MARK}${FIELDS.indexOf(field)}`;

/** The field number of a key. */
export const fieldOf = (key: string): number => key.charCodeAt(key.length - 1) - 48;

/** The folded word of a key. */
export const wordOf = (key: string): string => key.slice(0, -2);

export type { StoredDocument } from './stored-document.ts';

/** The documents that have one key and how often each has it: all that scoring reads. */
export interface Occurrences {
  documents: Uint16Array;
  counts: Uint8Array;
}

/**
 * {@link Occurrences} and where: `positions` holds, posting after posting, a varint count and the
 * word positions in that field, delta-coded (see `positions.ts`). Only phrases read positions.
 */
export interface Postings extends Occurrences {
  positions: Uint8Array;
}

/** The arrays of a segment; see {@link Segment} for what each holds. */
export interface SegmentArrays {
  documents: StoredDocument[];
  /** Every key, concatenated in sorted order; key i is `vocabulary.slice(termStarts[i], termStarts[i + 1])`. */
  vocabulary: string;
  termStarts: Uint32Array;
  /** Postings of key i are positions `postingStarts[i]` to `postingStarts[i + 1]` of the two arrays below. */
  postingStarts: Uint32Array;
  /** How to get key i's stem from its word, one byte per key (see `word-stems.ts`): word forms. */
  stemCodes: Uint8Array;
  /**
   * Document numbers (positions in `documents`), ascending within a key: 16 bits, see
   * {@link MAX_SEGMENT_DOCUMENTS}. Absent while a shard is only partly loaded (see {@link Segment.postings}).
   */
  postingDocuments?: Uint16Array;
  /** How often the word occurs in that field of that document, capped at 255 (BM25 saturates long before). */
  postingCounts?: Uint8Array;
  /** Words per field per document: `fieldLengths[document * FIELD_COUNT + field]`, capped at 65,535. */
  fieldLengths: Uint16Array;
  /** Key i's positions are bytes `positionStarts[i]` to `positionStarts[i + 1]` of `positions`. */
  positionStarts: Uint32Array;
  /** Every key's positions, concatenated in key order (see {@link Postings.positions}); absent while partly loaded. */
  positions?: Uint8Array;
  /** Each document's stored text (title, reachable text, paragraphs, quotes), in compressed blocks. */
  stored: StoredBlocks;
}

/**
 * Fetches what a partly loaded segment lacks, by byte range from its shard file: term blocks,
 * document-table blocks, postings, or everything. Given to the segment by whoever decoded its directory.
 */
export interface SegmentLoader {
  /** Term blocks, and with those of `withOccurrences` (among them) every key's documents and counts, in one round. */
  termBlocks(segment: Segment, blocks: number[], withOccurrences: number[]): Promise<void>;
  documentBlocks(segment: Segment, blocks: number[]): Promise<void>;
  /** The occurrences of `terms` and the positions of `positioned` (a phrase's words), those not here. */
  postings(segment: Segment, terms: number[], positioned: number[]): Promise<void>;
  all(segment: Segment): Promise<void>;
}

/** Arrays one query uses per segment, zero between queries. */
export interface QueryScratch {
  scores: Float64Array;
  masks: Uint32Array;
  touched: Uint32Array;
  /** A word's count per document summed over its forms, and the documents that have one (zero again after each word). */
  formCounts: Float64Array;
  formDocuments: Uint32Array;
}

/** A lookup in a term block of a partly loaded segment that was not fetched (see `load-for-query.ts`). */
export class UnloadedTermBlockError extends Error {
  constructor(
    readonly segment: Segment,
    readonly block: number,
  ) {
    super(`Term block ${block} was looked up before it was loaded.`);
  }
}

/**
 * A segment is either whole (built in memory, or decoded from a whole shard file) or **partly
 * loaded**: decoded from its shard's directory only, it fetches term blocks, document blocks and
 * postings as queries need them (see `segment-blocks.ts`), and everything at {@link loadAllPostings}.
 * Its arrays have their full sizes from the start, filled block by block: term `i`'s entries are
 * valid once its block is here, document `d`'s once its block is.
 *
 * @example
 * ```ts
 * const segment = buildSegment([{ id: 'a1', title: 'Budget day', text: 'The budget…', speakers: [], publisher: '', publishedAt: '' }]);
 * segment.find(termKey('text', 'budget')); // a key index ≥ 0
 * ```
 */
export class Segment implements SegmentArrays {
  readonly documents: StoredDocument[];
  private wholeVocabulary: string;
  readonly termStarts: Uint32Array;
  readonly postingStarts: Uint32Array;
  readonly stemCodes: Uint8Array;
  postingDocuments?: Uint16Array;
  postingCounts?: Uint8Array;
  readonly fieldLengths: Uint16Array;
  readonly positionStarts: Uint32Array;
  positions?: Uint8Array;
  /** The documents' stored texts: what a result page shows, without reading a document. */
  readonly stored: StoredBlocks;
  /** Total words per field over all documents, for BM25's average field length. */
  readonly fieldTotals: number[];
  /** Documents deleted (or replaced) since this segment was written; set by {@link kill}. */
  private dead: Uint8Array | null = null;
  private deadCount = 0;
  private ids: Map<string, number> | null = null;
  /** Ids killed before the document-table block that would hold them arrived (partly loaded only). */
  private readonly pendingKills = new Set<string>();
  /**
   * Postings fetched one key at a time, while the segment's full arrays are not loaded yet: a key's
   * positions only once a phrase needs them (they are most of a common word's bytes).
   */
  private readonly partial = new Map<number, Occurrences>();
  private readonly partialPositions = new Map<number, Uint8Array>();
  /** The blocks here so far, while partly loaded; null once whole. */
  private blocks: LoadedBlocks | null;
  /** Fetches what a partly loaded segment lacks; dropped once it is whole. */
  private loader: SegmentLoader | null;
  /** Per-query scratch, reused: allocating it per query would cost more than the query. */
  private scratch: QueryScratch | null = null;

  /**
   * @param loader how to fetch what the arrays lack (a segment decoded from a shard's directory,
   *   see {@link Segment.partlyLoaded}); none for a whole segment.
   */
  constructor(arrays: SegmentArrays, loader: SegmentLoader | null = null, blocks: LoadedBlocks | null = null) {
    this.loader = loader;
    this.blocks = blocks;
    this.documents = arrays.documents;
    this.wholeVocabulary = arrays.vocabulary;
    this.termStarts = arrays.termStarts;
    this.postingStarts = arrays.postingStarts;
    this.stemCodes = arrays.stemCodes;
    this.postingDocuments = arrays.postingDocuments;
    this.postingCounts = arrays.postingCounts;
    this.fieldLengths = arrays.fieldLengths;
    this.positionStarts = arrays.positionStarts;
    this.positions = arrays.positions;
    this.stored = arrays.stored;
    if (blocks) this.fieldTotals = [...blocks.directory.fieldTotals];
    else {
      this.fieldTotals = FIELDS.map(() => 0);
      for (let i = 0; i < this.fieldLengths.length; i++) this.fieldTotals[i % FIELD_COUNT] += this.fieldLengths[i];
    }
  }

  /** A segment that knows only its shard's directory: every array sized, none filled yet. */
  static partlyLoaded(directory: ShardDirectory, loader: SegmentLoader | null, stored: StoredBlocks): Segment {
    const { termCount, documentCount } = directory;
    const arrays: SegmentArrays = {
      documents: new Array<StoredDocument>(documentCount),
      vocabulary: '',
      termStarts: new Uint32Array(termCount + 1),
      postingStarts: new Uint32Array(termCount + 1),
      positionStarts: new Uint32Array(termCount + 1),
      stemCodes: new Uint8Array(termCount),
      fieldLengths: new Uint16Array(documentCount * FIELD_COUNT),
      stored,
    };
    return new Segment(arrays, loader, new LoadedBlocks(directory));
  }

  /** Every key, concatenated in sorted order; a key of a term block not loaded yet reads as NUL characters. */
  get vocabulary(): string {
    return this.blocks && !this.blocks.allTerms ? this.blocks.text() : this.wholeVocabulary;
  }

  get termCount(): number {
    return this.termStarts.length - 1;
  }

  /** Documents not deleted. */
  get liveCount(): number {
    return this.documents.length - this.deadCount;
  }

  key(index: number): string {
    return this.vocabulary.slice(this.termStarts[index], this.termStarts[index + 1]);
  }

  /** The first key index whose key is `>= key` (`termCount` when none is). */
  lowerBound(key: string): number {
    let low = 0;
    let high = this.termCount;
    if (this.blocks && !this.blocks.allTerms) {
      // Only the block that would hold the key is searched: the others may not be here.
      const block = this.blocks.termBlockOf(key);
      if (!this.blocks.terms[block]) throw new UnloadedTermBlockError(this, block);
      low = block * this.blocks.directory.termBlockKeys;
      high = Math.min(high, low + this.blocks.directory.termBlockKeys);
    }
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.key(middle) < key) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The index of `key`, or -1. */
  find(key: string): number {
    const index = this.lowerBound(key);
    return index < this.termCount && this.key(index) === key ? index : -1;
  }

  /** How many documents have the key (deleted ones included, as in any inverted index). */
  frequency(index: number): number {
    return this.postingStarts[index + 1] - this.postingStarts[index];
  }

  isDead(document: number): boolean {
    return this.dead !== null && this.dead[document] === 1;
  }

  /** The document number of `id`, or -1 (also while the block that would hold it is not loaded). */
  documentNumber(id: string): number {
    if (!this.ids) {
      this.ids = new Map();
      this.documents.forEach((d, i) => this.ids!.set(d.id, i));
    }
    return this.ids.get(id) ?? -1;
  }

  /**
   * Marks `id` deleted here; returns whether this segment held it alive. While the document table
   * is partly loaded, an id not found yet is remembered and marked when its block arrives.
   */
  kill(id: string): boolean {
    const document = this.documentNumber(id);
    if (document < 0) {
      if (this.blocks && !this.blocks.allDocuments) this.pendingKills.add(id);
      return false;
    }
    if (this.isDead(document)) return false;
    this.dead ??= new Uint8Array(this.documents.length);
    this.dead[document] = 1;
    this.deadCount++;
    return true;
  }

  /** Whether `id` is here and alive (as far as the document-table blocks loaded tell). */
  has(id: string): boolean {
    const document = this.documentNumber(id);
    return document >= 0 && !this.isDead(document);
  }

  /** Whether every posting and block is in memory (a segment must be, to be merged or encoded). */
  get complete(): boolean {
    return (
      this.postingDocuments !== undefined &&
      this.postingCounts !== undefined &&
      this.positions !== undefined &&
      (!this.blocks || (this.blocks.allTerms && this.blocks.allDocuments))
    );
  }

  /** The documents and counts of key index `term`, or null if this partly loaded segment has not fetched them. */
  occurrences(term: number): Occurrences | null {
    if (this.postingDocuments && this.postingCounts) {
      const from = this.postingStarts[term];
      const to = this.postingStarts[term + 1];
      return { documents: this.postingDocuments.subarray(from, to), counts: this.postingCounts.subarray(from, to) };
    }
    return this.partial.get(term) ?? null;
  }

  /** The postings of key index `term` with its positions, or null if they are not all here. */
  postings(term: number): Postings | null {
    const occurrences = this.occurrences(term);
    const positions = this.positions
      ? this.positions.subarray(this.positionStarts[term], this.positionStarts[term + 1])
      : this.partialPositions.get(term);
    return occurrences && positions ? { ...occurrences, positions } : null;
  }

  /** Of `terms`, those whose occurrences are not in memory. */
  missing(terms: Iterable<number>): number[] {
    return this.postingDocuments ? [] : [...terms].filter((term) => !this.partial.has(term));
  }

  /** Of `terms`, those whose positions are not in memory. */
  missingPositions(terms: Iterable<number>): number[] {
    return this.positions ? [] : [...terms].filter((term) => !this.partialPositions.has(term));
  }

  /** Keeps a key's occurrences, and its positions when given, fetched while partly loaded. */
  addPostings(term: number, occurrences: Occurrences, positions?: Uint8Array): void {
    if (!this.postingDocuments) this.partial.set(term, occurrences);
    if (positions && !this.positions) this.partialPositions.set(term, positions);
  }

  /** Fills in one term block of a partly loaded segment (see `segment-blocks.ts`). */
  addTermBlock(block: number, arrays: TermBlock): void {
    if (!this.blocks || this.blocks.terms[block]) return;
    const at = block * this.blocks.directory.termBlockKeys;
    this.termStarts.set(arrays.termStarts, at);
    this.postingStarts.set(arrays.postingStarts, at);
    this.positionStarts.set(arrays.positionStarts, at);
    this.stemCodes.set(arrays.stemCodes, at);
    this.blocks.addTerms(block, arrays.text);
    if (this.blocks.allTerms) this.wholeVocabulary = this.blocks.text();
  }

  /** Fills in one document-table block, marking dead the ids killed before it arrived. */
  addDocumentBlock(block: number, arrays: DocumentBlock): void {
    if (!this.blocks?.addDocuments(block)) return;
    const at = block * this.blocks.directory.documentBlockDocuments;
    this.fieldLengths.set(arrays.fieldLengths, at * FIELD_COUNT);
    arrays.documents.forEach((document, i) => {
      this.documents[at + i] = document;
      this.ids?.set(document.id, at + i);
      if (this.pendingKills.delete(document.id)) this.kill(document.id);
    });
  }

  /** The term blocks of a partly loaded segment that `[from, to)` needs and it lacks (see {@link LoadedBlocks.termBlocksFor}). */
  missingTermBlocks(from: string, to: string, maxKeys?: number): number[] {
    const blocks = this.blocks;
    if (!blocks || blocks.allTerms) return [];
    return blocks.termBlocksFor(from, to, maxKeys).filter((b) => !blocks.terms[b]);
  }

  /** The document-table blocks holding `documents` (every block for null) that are not loaded yet. */
  missingDocumentBlocks(documents: Iterable<number> | null): number[] {
    const blocks = this.blocks;
    if (!blocks || blocks.allDocuments) return [];
    const wanted = new Set<number>();
    if (documents === null) blocks.documents.forEach((_, b) => wanted.add(b));
    else for (const document of documents) wanted.add(Math.floor(document / blocks.directory.documentBlockDocuments));
    return [...wanted].filter((b) => !blocks.documents[b]);
  }

  /** Completes a partly loaded segment with all its postings (its blocks are all here by then). */
  attachPostings(documents: Uint16Array, counts: Uint8Array, positions: Uint8Array): void {
    this.postingDocuments = documents;
    this.postingCounts = counts;
    this.positions = positions;
    this.partial.clear();
    this.partialPositions.clear();
    if (!this.blocks || (this.blocks.allTerms && this.blocks.allDocuments)) {
      this.loader = null;
      this.blocks = null;
      this.pendingKills.clear();
    }
  }

  /** Fetches the term blocks `[from, to)` needs (see {@link missingTermBlocks}); a query plans only then. */
  async loadTermBlocks(blocks: number[], withOccurrences: number[] = []): Promise<void> {
    if (this.loader && blocks.length > 0) await this.loader.termBlocks(this, blocks, withOccurrences);
  }

  /** The bytes of a term block's keys' documents (u16) and counts (u8) in its shard file; 0 once whole. */
  blockOccurrenceBytes(block: number): number {
    const starts = this.blocks?.directory.blockPostings;
    return starts ? 3 * (starts[block + 1] - starts[block]) : 0;
  }

  /** Fetches document-table blocks: what scoring, filters and facets read of a query's candidates. */
  async loadDocumentBlocks(blocks: number[]): Promise<void> {
    if (this.loader && blocks.length > 0) await this.loader.documentBlocks(this, blocks);
  }

  /**
   * Fetches the occurrences of `terms` and the positions of `positioned` that are not in memory
   * yet (a search awaits this first).
   */
  async loadPostings(terms: number[], positioned: number[] = []): Promise<void> {
    if (this.loader && !this.complete) await this.loader.postings(this, terms, positioned);
  }

  /** Fetches everything still missing: merging and encoding need whole segments. */
  async loadAllPostings(): Promise<void> {
    if (this.loader && !this.complete) await this.loader.all(this);
  }

  /** The per-query scratch arrays, sized to this segment; callers leave them zeroed. */
  queryScratch(): QueryScratch {
    const n = this.documents.length;
    if (!this.scratch || this.scratch.scores.length < n) {
      this.scratch = {
        scores: new Float64Array(n),
        masks: new Uint32Array(n),
        touched: new Uint32Array(n),
        formCounts: new Float64Array(n),
        formDocuments: new Uint32Array(n),
      };
    }
    return this.scratch;
  }
}
