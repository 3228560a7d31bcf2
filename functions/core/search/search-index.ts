/**
 * The full-text index of an archive: the shards of the last snapshot (immutable segments, each
 * holding at most {@link SHARD_DOCUMENTS} documents) plus the segments of documents ingested
 * since. A deletion marks the document dead where it is; the next compaction rewrites only the
 * shards that changed, so the cost of a write never depends on the size of the archive.
 */
import type { ArchivedDocument } from '../document.ts';
import { buildSegment, type IndexableDocument } from './build-segment.ts';
import { groupIntoShards, SHARD_DOCUMENTS, type Shard, type ShardedSegments } from './plan-shards.ts';
import { evaluate, type Hits, type IndexQuery } from './search-segments.ts';
import { loadWords, prepareQuery } from './load-for-query.ts';
import { searchedText } from '../text/tokens-of.ts';
import { FIELDS, type Segment } from './segment.ts';
import { exactKeys } from './word-form-keys.ts';
import { storedTextOf } from './stored-text.ts';

/** Segments added since the snapshot are merged once there are more than this many. */
const MAX_TAIL_SEGMENTS = 8;

/**
 * @example
 * ```ts
 * const index = new SearchIndex(shards);
 * index.apply([toIndexableDocument(document)], []);
 * index.search({ all: [{ term: 'budget' }] }).total; // 1
 * ```
 */
export class SearchIndex implements ShardedSegments {
  private readonly tail: Segment[] = [];

  constructor(readonly shards: readonly Shard[] = []) {}

  /** Whether every segment has all its postings in memory. */
  get complete(): boolean {
    return this.segments.every((segment) => segment.complete);
  }

  /** Every segment, oldest first: the snapshot's shards, then what was added since. */
  get segments(): Segment[] {
    return [...this.shards.map((s) => s.segment), ...this.tail];
  }

  /** Segments added since the snapshot, oldest first. */
  get recent(): readonly Segment[] {
    return this.tail;
  }

  get documentCount(): number {
    return this.segments.reduce((sum, segment) => sum + segment.liveCount, 0);
  }

  /**
   * How many documents have each word (folded) in their text, over every segment (deleted ones
   * included, as in any inverted index), first fetching the term blocks the words fall in from
   * segments only partly loaded: a cold process (a write-only one never loads the rest) reads them
   * as a whole index would.
   *
   * @example
   * ```ts
   * (await index.documentFrequencies(['budget'])).get('budget'); // 12
   * ```
   */
  async documentFrequencies(words: readonly string[]): Promise<Map<string, number>> {
    const segments = this.segments;
    await loadWords(segments, words);
    const text = FIELDS.indexOf('text');
    return new Map(words.map((word) => [word, exactKeys(segments, word)[text]?.frequency ?? 0]));
  }

  has(id: string): boolean {
    return this.segments.some((segment) => segment.has(id));
  }

  /**
   * Applies ingest-log entries: `removed` ids are marked dead wherever they are; `added` documents
   * replace any older copy and become searchable at once.
   */
  apply(batch: IndexableDocument[], removed: string[]): void {
    // The same id twice in one batch is one document (ids are content hashes): keep the last.
    this.applySegments(segmentsOf([...new Map(batch.map((d) => [d.id, d])).values()]), removed);
  }

  /**
   * {@link apply} with the added documents already indexed (a worker built their segments, see
   * `app/index-off-thread.ts`): each segment's documents replace any older copy.
   */
  applySegments(built: Segment[], removed: string[]): void {
    const segments = this.segments;
    const added = built.flatMap((segment) => segment.documents.map((d) => d.id));
    for (const id of [...removed, ...added]) for (const segment of segments) segment.kill(id);
    this.tail.push(...built);
    if (this.tail.length > MAX_TAIL_SEGMENTS) this.tail.splice(0, this.tail.length, ...groupIntoShards(this.tail));
  }

  /** Runs a query, first fetching what it needs from segments that are only partly loaded (`load-for-query.ts`). */
  async search(query: IndexQuery): Promise<Hits> {
    return evaluate(await prepareQuery(this.segments, query));
  }

  /**
   * Says that an answer built on this index's hits has been sent (a result page, a quote check):
   * the first time, {@link afterFirstAnswer} runs. Not the end of {@link search}: a result page
   * still reads its hits' documents then, and a background load started under it competed with it
   * and counted in its bytes (at 100k articles on a loaded machine: 171 MB before the first page).
   */
  answered(): void {
    const first = this.afterFirstAnswer;
    this.afterFirstAnswer = null;
    first?.();
  }

  /** Called once, after the first answer (a reader starts loading the rest then). */
  afterFirstAnswer: (() => void) | null = null;

  /**
   * Fetches every document-table block still missing: for what reads every stored document (the
   * speaker directory, the search help's examples) before the background load has brought them.
   */
  async loadDocuments(): Promise<void> {
    await Promise.all(this.segments.map((segment) => segment.loadDocumentBlocks(segment.missingDocumentBlocks(null))));
  }

  /** Fetches every posting still missing: merging and encoding need whole segments. */
  async loadAll(): Promise<void> {
    await Promise.all(this.segments.map((segment) => segment.loadAllPostings()));
  }
}

/** The fields of a document that go into the index. */
export function toIndexableDocument(document: ArchivedDocument): IndexableDocument {
  const speakers = new Set(document.quotes.map((q) => q.speaker).filter((s): s is string => Boolean(s)));
  return {
    id: document.id,
    title: document.title,
    // The same bound as phrase checks (text/tokens-of.ts): what the index finds, a check confirms.
    text: searchedText(document.text),
    speakers: [...speakers],
    publisher: document.publisher ?? '',
    publishedAt: document.publishedAt ?? '',
    stored: storedTextOf(document),
  };
}

/**
 * Documents indexed as segments of at most {@link SHARD_DOCUMENTS} each, what {@link SearchIndex.applySegments}
 * takes (a worker builds them for large documents: see `app/index-off-thread.ts`).
 */
export function segmentsOf(documents: IndexableDocument[]): Segment[] {
  const segments: Segment[] = [];
  for (let from = 0; from < documents.length; from += SHARD_DOCUMENTS)
    segments.push(buildSegment(documents.slice(from, from + SHARD_DOCUMENTS)));
  return segments;
}
