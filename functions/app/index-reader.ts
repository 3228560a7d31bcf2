/**
 * The live search index of one process. It starts from the shards of the newest snapshot, loaded
 * in parallel, and then applies the ingest log entries written since — so a document is searchable
 * as soon as its ingest returns, whether or not the indexer has written a new snapshot yet.
 *
 * Reading the log costs a DynamoDB round trip, more than a search itself: the log is read before a
 * search when this process wrote since the last read, or when the last read is older than
 * `freshnessMs` (0: before every search). Writes by this process are therefore always visible to
 * its next search; writes by other processes within `freshnessMs`.
 */
import { VerbatimError } from '../core/errors.ts';
import type { BlobStore, IndexManifest, LogEntry, MetadataStore, ShardInfo } from '../core/ports.ts';
import { SearchIndex, SHARD_DOCUMENTS, toIndexableDocument, type Shard } from '../core/search-index.ts';
import { decodeSegment, decodeSegmentHead, fetchAllPostings, fetchPostings } from '../core/search/segment-codec.ts';
import type { Segment } from '../core/search/segment.ts';
import type { DocumentLoader } from './document-loader.ts';

/** How long after the first search the rest of the postings start loading. */
const BACKGROUND_LOAD_DELAY_MS = 250;

/**
 * @example
 * ```ts
 * const reader = new IndexReader(blobs, metadata, documents, { freshnessMs: 1000 });
 * const index = await reader.current(); // fresh as of this call (or of the last second)
 * ```
 */
export class IndexReader {
  private index: SearchIndex | null = null;
  /** The manifest the index was loaded from (null: none yet). */
  private manifest: IndexManifest | null = null;
  /** Every log entry with `seq <= through` is in `index`. */
  private through = 0;
  /** When the log was last read (performance.now()), and whether this process wrote since. */
  private readAt = -Infinity;
  private wrote = true;
  /** Segments by shard key: a reload after a compaction fetches only the shards it lacks. */
  private readonly loaded = new Map<string, Segment>();
  /** One refresh at a time: concurrent requests share it instead of applying the log twice. */
  private refreshing: Promise<SearchIndex> | null = null;
  /** The refresh that follows the running one, shared by every request that arrived during it. */
  private queued: Promise<SearchIndex> | null = null;
  private readonly freshnessMs: number;

  constructor(
    private readonly blobs: BlobStore,
    private readonly metadata: MetadataStore,
    private readonly documents: DocumentLoader,
    options: { freshnessMs?: number } = {},
  ) {
    this.freshnessMs = options.freshnessMs ?? 0;
  }

  /** The index, brought up to date with the ingest log (see the module comment for how fresh). */
  async current(): Promise<SearchIndex> {
    if (this.index && !this.wrote && performance.now() - this.readAt < this.freshnessMs) return this.index;
    if (!this.refreshing) {
      this.refreshing = this.refresh().finally(() => {
        this.refreshing = null;
      });
      return this.refreshing;
    }
    // The running refresh may have read the log before this caller's own write landed: joining it
    // could miss that write. Wait for one more refresh, shared by everyone arriving meanwhile.
    this.queued ??= this.refreshing
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.current();
      });
    return this.queued;
  }

  /** This process wrote to the log: the next {@link current} reads it, whatever the freshness. */
  noteWrite(): void {
    this.wrote = true;
  }

  /**
   * A compaction wrote `manifest`: start from it at the next {@link current}, reusing `segments`
   * (by shard key) instead of downloading what this process just uploaded.
   */
  adopt(segments: Map<string, Segment>): void {
    for (const [key, segment] of segments) this.loaded.set(key, segment);
    this.index = null;
  }

  /** The log position the index contains (as of the last {@link current}). */
  get position(): number {
    return this.through;
  }

  /** The manifest the current index was loaded from. */
  get loadedManifest(): IndexManifest | null {
    return this.manifest;
  }

  /**
   * A shard, as little of it as a first query needs: its head (vocabulary, documents), with the
   * postings fetched by byte range as queries need them, and all of them soon after (see load).
   */
  private async fetch(info: ShardInfo): Promise<Segment> {
    const missing = () => new VerbatimError('internal', `Index shard ${info.key} is missing.`);
    if (!info.headBytes) {
      const blob = await this.blobs.get(info.key);
      if (!blob) throw missing();
      return decodeSegment(blob.body);
    }
    const head = await this.blobs.getRange(info.key, 0, info.headBytes);
    if (!head) throw missing();
    const segment = decodeSegmentHead(head);
    const read = async (start: number, end: number) => {
      const bytes = await this.blobs.getRange(info.key, start, end);
      if (bytes) return bytes;
      // Retired and deleted before this process loaded all of it (a container frozen for minutes):
      // this request fails, the next one starts from the current snapshot.
      this.index = null;
      this.loaded.delete(info.key);
      throw missing();
    };
    segment.loader = { some: (terms) => fetchPostings(segment, terms, read), all: () => fetchAllPostings(segment, read) };
    return segment;
  }

  private async refresh(): Promise<SearchIndex> {
    this.wrote = false;
    this.readAt = performance.now();
    let prefetched: Promise<LogEntry[]> | null = null;
    if (!this.index) {
      const manifest = await this.metadata.getManifest();
      // The log after the snapshot is read while the shards load: a cold start waits for one, not both.
      const from = manifest && Array.isArray(manifest.shards) ? manifest.through : 0;
      prefetched = this.metadata.readLog(from);
      prefetched.catch(() => undefined);
      await this.load(manifest);
      if (this.through !== from) prefetched = null;
    }
    let index = this.index!;
    // A long-lived process accumulates what the indexer has long since compacted: start over from
    // the newer snapshot (its unchanged shards are reused) rather than carry an ever larger tail.
    if (index.recent.reduce((n, s) => n + s.documents.length, 0) > SHARD_DOCUMENTS) {
      const manifest = await this.metadata.getManifest();
      if (manifest && manifest.through > (this.manifest?.through ?? 0)) {
        await this.load(manifest);
        index = this.index!;
      }
    }
    const entries = await (prefetched ?? this.metadata.readLog(this.through));
    if (entries.length === 0) return index;
    // The last entry for an id decides: added (again) or deleted.
    const last = new Map<string, 'add' | 'delete'>();
    for (const entry of entries) last.set(entry.id, entry.op);
    const addIds = [...last].filter(([, op]) => op === 'add').map(([id]) => id);
    const removed = [...last].filter(([, op]) => op === 'delete').map(([id]) => id);
    const added = await this.documents.getMany(addIds);
    for (const id of removed) this.documents.forget(id);
    index.apply(
      addIds.flatMap((id) => (added.has(id) ? [toIndexableDocument(added.get(id)!)] : [])),
      // An added document that can no longer be read was deleted meanwhile: it must not linger.
      [...removed, ...addIds.filter((id) => !added.has(id))],
    );
    this.through = entries[entries.length - 1].seq;
    return index;
  }

  private async load(manifest: IndexManifest | null): Promise<void> {
    // A manifest without shards, or with shards this version cannot read, was written by an older
    // Verbatim: replaying the whole log rebuilds the index (and the next compaction rewrites it).
    let usable = manifest && Array.isArray(manifest.shards) ? manifest : null;
    let shards: Shard[] = [];
    try {
      shards = await Promise.all((usable?.shards ?? []).map(async (info) => ({ key: info.key, segment: this.loaded.get(info.key) ?? (await this.fetch(info)) })));
    } catch (error) {
      // Only an unreadable or missing shard: a storage outage must fail the request, not trigger a rebuild.
      if (!(error instanceof VerbatimError)) throw error;
      console.warn(`Index snapshot v${manifest?.version} is unreadable (${error instanceof Error ? error.message : error}); rebuilding from the ingest log.`);
      usable = null;
      shards = [];
    }
    this.loaded.clear();
    for (const shard of shards) this.loaded.set(shard.key, shard.segment);
    const index = (this.index = new SearchIndex(shards));
    // The rest of the postings follow in the background once the first query has had time to
    // answer (its documents are still loading when its search ends), so they never compete with
    // it; until then each query fetches the few it needs.
    index.afterFirstSearch = () => {
      const loadRest = () => index.loadAll().catch((error) => console.warn(`Loading index postings failed; queries will fetch what they need: ${error}`));
      setTimeout(loadRest, BACKGROUND_LOAD_DELAY_MS).unref();
    };
    this.manifest = manifest;
    this.through = usable?.through ?? 0;
  }
}
