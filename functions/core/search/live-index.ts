/**
 * The live index of one process, as a state machine: it starts from the shards of the newest
 * snapshot, loaded in parallel, and then applies the ingest log entries written since — so a
 * document is searchable as soon as its ingest returns, whether or not the indexer has written a
 * new snapshot yet. Storage is passed in as functions ({@link IndexSources}); `app/index-reader.ts`
 * binds them to the archive's stores.
 *
 * Reading the log costs a DynamoDB round trip, more than a search itself: the log is read before a
 * search when this process wrote since the last read, or when the last read is older than
 * `freshnessMs` (0: before every search). Writes by this process are therefore always visible to
 * its next search; writes by other processes within `freshnessMs`.
 */
import type { ArchivedDocument } from '../document.ts';
import { VerbatimError } from '../errors.ts';
import type { DocumentStatus, IndexManifest, LogEntry, ShardInfo } from '../ports.ts';
import { fetchShard, MissingShardError, type ShardFiles } from './fetch-shard.ts';
import { SHARD_DOCUMENTS, type Shard } from './plan-shards.ts';
import { SearchIndex, segmentsOf, toIndexableDocument } from './search-index.ts';
import type { Segment } from './segment.ts';

/** How long after the first search the rest of the postings start loading. */
const BACKGROUND_LOAD_DELAY_MS = 250;

/** What the live index reads, as functions: shard files, the manifest, the ingest log, documents. */
export interface IndexSources {
  files: ShardFiles;
  getManifest(): Promise<IndexManifest | null>;
  /** Log entries with `seq > after`, oldest first. */
  readLog(after: number): Promise<LogEntry[]>;
  statusOf(ids: string[]): Promise<Map<string, DocumentStatus>>;
  /** The documents that can be read, by id. */
  getDocuments(ids: string[]): Promise<Map<string, ArchivedDocument>>;
  /**
   * The documents that can be read, already indexed: segments, and the ids they hold. Optional:
   * without it, {@link getDocuments} is indexed here. A reader gives it to move the indexing of
   * large documents off the thread that answers requests.
   */
  indexDocuments?(ids: string[]): Promise<IndexedDocuments>;
  /** A document was deleted: drop any cached copy. */
  forgetDocument(id: string): void;
}

/** Documents indexed as segments, and which of the ids asked for they hold (the readable ones). */
export interface IndexedDocuments {
  segments: Segment[];
  found: Set<string>;
}

/**
 * @example
 * ```ts
 * const live = new LiveIndex(sources, { freshnessMs: 1000 });
 * const index = await live.current(); // fresh as of this call (or of the last second)
 * ```
 */
export class LiveIndex {
  private index: SearchIndex | null = null;
  /** The manifest the index was loaded from (null: none yet). */
  private manifest: IndexManifest | null = null;
  /** Every log entry with `seq <= through` is in `index`. */
  private through = 0;
  /** When the log was last read (performance.now()), and whether this process wrote since. */
  private readAt = -Infinity;
  private wrote = true;
  /** Ids logged as added whose documents were still pending, with the seq they were logged at. */
  private readonly waiting = new Map<string, number>();
  /** Segments by shard key: a reload after a compaction fetches only the shards it lacks. */
  private readonly loaded = new Map<string, Segment>();
  /** One refresh at a time: concurrent requests share it instead of applying the log twice. */
  private refreshing: Promise<ReaderState> | null = null;
  /** The refresh that follows the running one, shared by every request that arrived during it. */
  private queued: Promise<ReaderState> | null = null;
  private readonly freshnessMs: number;

  constructor(
    private readonly sources: IndexSources,
    options: { freshnessMs?: number } = {},
  ) {
    this.freshnessMs = options.freshnessMs ?? 0;
  }

  /** The index, brought up to date with the ingest log (see the module comment for how fresh). */
  async current(): Promise<SearchIndex> {
    return (await this.state()).index;
  }

  /**
   * The index with the manifest it was loaded from and the log position it contains, taken
   * together (a compaction must not mix one refresh's index with another's position).
   */
  state(): Promise<ReaderState> {
    if (this.index && !this.wrote && performance.now() - this.readAt < this.freshnessMs) {
      return Promise.resolve({ index: this.index, manifest: this.manifest, through: this.settledThrough() });
    }
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
        return this.state();
      });
    return this.queued;
  }

  /** Ids logged as added whose documents were pending at the last read: candidates for the claim sweep. */
  pendingIds(): string[] {
    return [...this.waiting.keys()];
  }

  /**
   * This process wrote to the log or made a logged document ready: the next {@link current} reads
   * the log, whatever the freshness. `createArchive` subscribes it to the archive's stores.
   */
  noteWrite(): void {
    this.wrote = true;
  }

  /** {@link state} read from the log now, whatever the freshness: for a check comparing it with the log (verify). */
  freshState(): Promise<ReaderState> {
    this.wrote = true;
    return this.state();
  }

  /**
   * A compaction wrote a new manifest: start from it at the next {@link current}, reusing
   * `segments` (by shard key) instead of downloading what this process just uploaded.
   */
  adopt(segments: Map<string, Segment>): void {
    for (const [key, segment] of segments) this.loaded.set(key, segment);
    this.index = null;
  }

  /** A shard's segment: fetched by range (see fetch-shard.ts), forgotten if the file disappears. */
  private fetch(info: ShardInfo): Promise<Segment> {
    return fetchShard(this.sources.files, info, (segment) => {
      // Retired and deleted before this process had all of it (a container frozen for over an
      // hour): this request fails, the next one starts from the current snapshot.
      if (this.index?.shards.some((shard) => shard.segment === segment)) this.index = null;
      this.loaded.delete(info.key);
    });
  }

  private async refresh(): Promise<ReaderState> {
    const wrote = this.wrote;
    this.wrote = false;
    try {
      const state = await this.update();
      this.readAt = performance.now();
      return state;
    } catch (error) {
      // Not fresh after all: the next call must try again, whatever the freshness window says.
      this.wrote ||= wrote;
      this.readAt = -Infinity;
      throw error;
    }
  }

  private async update(): Promise<ReaderState> {
    let prefetched: Promise<LogEntry[]> | null = null;
    let index = this.index;
    if (!index) {
      const manifest = await this.sources.getManifest();
      // The log after the snapshot is read while the shards load: a cold start waits for one, not both.
      const from = manifest && Array.isArray(manifest.shards) ? manifest.through : 0;
      prefetched = this.sources.readLog(from);
      prefetched.catch(() => undefined);
      index = await this.load(manifest);
      if (this.through !== from) prefetched = null;
    }
    // A long-lived process accumulates what the indexer has long since compacted: start over from
    // the newer snapshot (its unchanged shards are reused) rather than carry an ever larger tail.
    if (index.recent.reduce((n, s) => n + s.documents.length, 0) > SHARD_DOCUMENTS) {
      const manifest = await this.sources.getManifest();
      if (manifest && manifest.through > (this.manifest?.through ?? 0)) index = await this.load(manifest);
    }
    const entries = await (prefetched ?? this.sources.readLog(this.through));
    if (entries.length > 0 || this.waiting.size > 0) {
      // The last entry for an id decides: added (again) or deleted. Ids logged earlier whose
      // documents were still pending are looked at again.
      const last = new Map<string, { op: 'add' | 'delete'; seq: number }>();
      for (const [id, seq] of this.waiting) last.set(id, { op: 'add', seq });
      for (const entry of entries)
        last.set(entry.id, { op: entry.op, seq: Math.min(entry.seq, this.waiting.get(entry.id) ?? Infinity) });
      const logged = [...last].filter(([, e]) => e.op === 'add').map(([id]) => id);
      const removed = [...last].filter(([, e]) => e.op === 'delete').map(([id]) => id);
      // A document is searchable only once it is readable: an ingest that died after logging
      // must not leave a ghost that search finds and reading does not.
      const status = logged.length > 0 ? await this.sources.statusOf(logged) : new Map();
      const addIds = logged.filter((id) => status.get(id) === 'ready');
      for (const id of removed) this.waiting.delete(id);
      for (const id of logged) {
        if (status.get(id) === 'pending') this.waiting.set(id, last.get(id)!.seq);
        else this.waiting.delete(id);
      }
      const added = await this.indexed(addIds);
      for (const id of removed) this.sources.forgetDocument(id);
      // An added document that can no longer be read was deleted or rolled back: it must not linger.
      index.applySegments(added.segments, [...removed, ...logged.filter((id) => !added.found.has(id))]);
      if (entries.length > 0) this.through = entries[entries.length - 1].seq;
    }
    return { index, manifest: this.manifest, through: this.settledThrough() };
  }

  /** The readable documents among `ids`, indexed by the sources when they can, else here. */
  private async indexed(ids: string[]): Promise<IndexedDocuments> {
    if (ids.length === 0) return { segments: [], found: new Set() };
    if (this.sources.indexDocuments) return this.sources.indexDocuments(ids);
    const documents = await this.sources.getDocuments(ids);
    // In log order, whatever order the loads finished in: document numbers break ties in ranking.
    const ordered = ids.flatMap((id) => (documents.has(id) ? [toIndexableDocument(documents.get(id)!)] : []));
    return { segments: segmentsOf(ordered), found: new Set(documents.keys()) };
  }

  /** The log position before the first entry still waiting for its document to become ready. */
  private settledThrough(): number {
    let through = this.through;
    for (const seq of this.waiting.values()) through = Math.min(through, seq - 1);
    return through;
  }

  private async load(first: IndexManifest | null): Promise<SearchIndex> {
    let manifest = first;
    let shards: Shard[] | null = null;
    // A shard can be retired and deleted between reading a manifest and reading the shard: read
    // the manifest again (a few times) before concluding that the snapshot itself is broken.
    for (let attempt = 0; shards === null && attempt < 3; attempt++) {
      try {
        shards = await this.fetchShards(manifest);
      } catch (error) {
        if (!(error instanceof MissingShardError)) throw error;
        const next = await this.sources.getManifest();
        if (next?.version === manifest?.version) break;
        manifest = next;
      }
    }
    // A manifest without shards, or with shards this version cannot read, was written by an older
    // Verbatim (or is damaged): replaying the whole log rebuilds the index, and the next compaction
    // writes it anew.
    const usable = shards !== null && Array.isArray(manifest?.shards);
    if (!usable && manifest)
      console.warn(`Index snapshot v${manifest.version} is unreadable; rebuilding from the ingest log.`);
    this.loaded.clear();
    for (const shard of shards ?? []) this.loaded.set(shard.key, shard.segment);
    const index = new SearchIndex(usable ? shards! : []);
    // The rest of the postings follow in the background once the first answer is out (shortly
    // after, for the next request's sake), so they never compete with it; until then each query
    // fetches the few it needs.
    index.afterFirstAnswer = () => {
      const loadRest = () =>
        index
          .loadAll()
          .catch((error) => console.warn(`Loading index postings failed; queries will fetch what they need: ${error}`));
      setTimeout(loadRest, BACKGROUND_LOAD_DELAY_MS).unref();
    };
    this.index = index;
    this.manifest = manifest;
    this.through = usable ? manifest!.through : 0;
    return index;
  }

  /** The shards of a manifest; an unreadable one (corrupt, or of another format) gives null. */
  private async fetchShards(manifest: IndexManifest | null): Promise<Shard[] | null> {
    if (!manifest || !Array.isArray(manifest.shards)) return null;
    try {
      return await Promise.all(
        manifest.shards.map(async (info) => ({
          key: info.key,
          segment: this.loaded.get(info.key) ?? (await this.fetch(info)),
        })),
      );
    } catch (error) {
      // Only a shard that cannot be decoded: a storage outage must fail the request, not rebuild.
      if (error instanceof VerbatimError && !(error instanceof MissingShardError)) return null;
      throw error;
    }
  }
}

/** What {@link LiveIndex.state} returns. */
export interface ReaderState {
  index: SearchIndex;
  manifest: IndexManifest | null;
  /** Every log entry with `seq <= through` is in `index`. */
  through: number;
}
