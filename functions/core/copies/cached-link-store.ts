/**
 * A {@link LinkStore} that remembers the link lists search reads. Collapsing copies in a result
 * page reads the copy links of every ranked candidate (one storage query each, 15 per search on
 * average at 20 connections): that was four fifths of a search's cost on the local server. Search
 * may already be as stale as the index's freshness window with respect to other processes' writes
 * (`VERBATIM_INDEX_FRESHNESS_MS`), so the links it reads may be too: {@link recentLinks} answers
 * from memory, and once per window asks storage for the links' version ({@link
 * LinkStore.linksVersion}), which every link change raises; when it has changed, every list of
 * that kind is forgotten. Re-reading every list once a window instead cost a DynamoDB query per
 * document a search touched each second (300 a second at 20 connections over 300 documents),
 * nearly all of them answering what was already known (while links are being written, by an
 * import for instance, the version changes every window and this is the old behaviour again).
 * This process's own link writes are seen
 * at once (they forget what they change). {@link links} always reads storage: ingest and the
 * document page ask it, and they must see every process's latest links.
 */
import { rememberRecent } from '../remember-recent.ts';
import type { BandIds, DocumentLink, FiledDocument, LinkKind, LinkStore } from './link-store.ts';

/** Link lists of one kind remembered at most; the oldest are forgotten first. */
export const MAX_CACHED_LINK_LISTS = 20_000;

/**
 * How long a list is remembered even when the version says nothing changed: a writer that died
 * between writing links and raising their version leaves lists stale no longer than this.
 */
export const MAX_LINK_LIST_AGE_MS = 60_000;

interface Entry {
  at: number;
  limit: number;
  links: Promise<DocumentLink[]>;
}

/** What this process last learnt of one kind's version, and the check in flight. */
interface VersionCheck {
  checkedAt: number;
  version: number | undefined;
  pending: Promise<void> | null;
}

/**
 * @example
 * ```ts
 * const links = new CachedLinkStore(new DynamoLinkStore(dynamo, table), { freshnessMs: 1000 });
 * await links.recentLinks('copy', id, 50); // storage once, then memory while the links' version holds
 * ```
 */
export class CachedLinkStore implements LinkStore {
  private readonly caches = new Map<LinkKind, Map<string, Entry>>();
  private readonly versions = new Map<LinkKind, VersionCheck>();
  private readonly freshnessMs: number;
  private readonly maxAgeMs: number;
  private readonly reads: Pick<LinkStore, 'links' | 'linksVersion'>;

  constructor(
    private readonly store: LinkStore,
    /**
     * `reads`: where {@link recentLinks} reads (search's own clients), the store itself by default;
     * `maxAgeMs`: {@link MAX_LINK_LIST_AGE_MS} unless told.
     */
    options: { freshnessMs: number; reads?: Pick<LinkStore, 'links' | 'linksVersion'>; maxAgeMs?: number },
  ) {
    this.freshnessMs = options.freshnessMs;
    this.maxAgeMs = options.maxAgeMs ?? MAX_LINK_LIST_AGE_MS;
    this.reads = options.reads ?? store;
  }

  /**
   * A document's links of one kind, at most `limit`, missing at most the changes of the last
   * freshness window (and none of this process's own). Concurrent asks share one read.
   */
  async recentLinks(kind: LinkKind, id: string, limit: number): Promise<DocumentLink[]> {
    if (this.freshnessMs <= 0) return this.reads.links(kind, id, limit);
    await this.checkVersion(kind);
    const cache = this.cacheOf(kind);
    const now = Date.now();
    const entry = cache.get(id);
    if (entry && now - entry.at < this.maxAgeMs && entry.limit >= limit) return (await entry.links).slice(0, limit);
    const links = this.reads.links(kind, id, limit);
    this.remember(cache, id, { at: now, limit, links });
    // A failed read is not remembered: the next search asks storage again.
    links.catch(() => cache.get(id)?.links === links && cache.delete(id));
    return links;
  }

  /**
   * Asks storage for the version of `kind`'s links at most once per freshness window (the asks
   * meanwhile wait for the one in flight) and forgets every list of that kind when it changed, or
   * when it could not be read.
   */
  private checkVersion(kind: LinkKind): Promise<void> | undefined {
    let state = this.versions.get(kind);
    if (!state) this.versions.set(kind, (state = { checkedAt: -Infinity, version: undefined, pending: null }));
    if (state.pending) return state.pending;
    const started = Date.now();
    if (started - state.checkedAt < this.freshnessMs) return undefined;
    const check = state;
    check.pending = this.reads
      .linksVersion(kind)
      .then(
        (version) => version,
        () => undefined,
      )
      .then((version) => {
        if (version === undefined || version !== check.version) this.cacheOf(kind).clear();
        check.version = version;
        check.checkedAt = started;
      })
      .finally(() => {
        check.pending = null;
      });
    return check.pending;
  }

  private cacheOf(kind: LinkKind): Map<string, Entry> {
    let cache = this.caches.get(kind);
    if (!cache) this.caches.set(kind, (cache = new Map()));
    return cache;
  }

  links(kind: LinkKind, id: string, limit: number): Promise<DocumentLink[]> {
    return this.store.links(kind, id, limit);
  }

  async link(kind: LinkKind, pairs: Array<{ a: string; b: string; similarity: number }>): Promise<void> {
    try {
      await this.store.link(kind, pairs);
    } finally {
      for (const { a, b } of pairs) {
        this.cacheOf(kind).delete(a);
        this.cacheOf(kind).delete(b);
      }
    }
  }

  async unlink(id: string): Promise<void> {
    try {
      await this.store.unlink(id);
    } finally {
      // Every list that named `id` changes too, and which those are is only in storage: deletions
      // are rare, so all is forgotten.
      for (const cache of this.caches.values()) cache.clear();
    }
  }

  candidates(keys: string[]): Promise<string[]> {
    return this.store.candidates(keys);
  }

  bandsOf(keys: string[]): Promise<BandIds> {
    return this.store.bandsOf(keys);
  }

  file(id: string, keys: string[], fingerprint?: Uint8Array): Promise<void> {
    return this.store.file(id, keys, fingerprint);
  }

  fileMany(entries: FiledDocument[], read?: BandIds): Promise<void> {
    return this.store.fileMany(entries, read);
  }

  fingerprints(ids: string[]): Promise<Map<string, Uint8Array>> {
    return this.store.fingerprints(ids);
  }

  unfile(id: string, keys: string[]): Promise<void> {
    return this.store.unfile(id, keys);
  }

  linksVersion(kind: LinkKind): Promise<number> {
    return this.store.linksVersion(kind);
  }

  private remember(cache: Map<string, Entry>, id: string, entry: Entry): void {
    rememberRecent(cache, id, entry, MAX_CACHED_LINK_LISTS);
  }
}
