/**
 * A {@link LinkStore} that remembers the link lists search reads. Collapsing copies in a result
 * page reads the copy links of every ranked candidate (one storage query each, 15 per search on
 * average at 20 connections): that was four fifths of a search's cost on the local server. Search
 * may already be as stale as the index's freshness window with respect to other processes' writes
 * (`VERBATIM_INDEX_FRESHNESS_MS`), so the links it reads may be too: {@link recentLinks} answers
 * from memory within that window, and this process's own link writes are seen at once (they
 * forget what they change). {@link links} always reads storage: ingest and the document page ask
 * it, and they must see every process's latest links.
 */
import type { DocumentLink, FiledDocument, LinkKind, LinkStore } from './link-store.ts';

/** Link lists remembered at most; the oldest are forgotten first. */
export const MAX_CACHED_LINK_LISTS = 20_000;

interface Entry {
  at: number;
  limit: number;
  links: Promise<DocumentLink[]>;
}

/**
 * @example
 * ```ts
 * const links = new CachedLinkStore(new DynamoLinkStore(dynamo, table), { freshnessMs: 1000 });
 * await links.recentLinks('copy', id, 50); // storage once, then memory for a second
 * ```
 */
export class CachedLinkStore implements LinkStore {
  private readonly cache = new Map<string, Entry>();
  private readonly freshnessMs: number;
  private readonly reads: Pick<LinkStore, 'links'>;

  constructor(
    private readonly store: LinkStore,
    /** `reads`: where {@link recentLinks} reads (search's own clients), the store itself by default. */
    options: { freshnessMs: number; reads?: Pick<LinkStore, 'links'> },
  ) {
    this.freshnessMs = options.freshnessMs;
    this.reads = options.reads ?? store;
  }

  /**
   * A document's links of one kind, at most `limit`, as storage held them at most the freshness
   * window ago (or after this process's last write to them). Concurrent asks share one read.
   */
  async recentLinks(kind: LinkKind, id: string, limit: number): Promise<DocumentLink[]> {
    if (this.freshnessMs <= 0) return this.reads.links(kind, id, limit);
    const key = `${kind}#${id}`;
    const now = Date.now();
    const entry = this.cache.get(key);
    if (entry && now - entry.at < this.freshnessMs && entry.limit >= limit) return (await entry.links).slice(0, limit);
    const links = this.reads.links(kind, id, limit);
    this.remember(key, { at: now, limit, links });
    // A failed read is not remembered: the next search asks storage again.
    links.catch(() => this.cache.get(key)?.links === links && this.cache.delete(key));
    return links;
  }

  links(kind: LinkKind, id: string, limit: number): Promise<DocumentLink[]> {
    return this.store.links(kind, id, limit);
  }

  async link(kind: LinkKind, pairs: Array<{ a: string; b: string; similarity: number }>): Promise<void> {
    try {
      await this.store.link(kind, pairs);
    } finally {
      for (const { a, b } of pairs) {
        this.cache.delete(`${kind}#${a}`);
        this.cache.delete(`${kind}#${b}`);
      }
    }
  }

  async unlink(id: string): Promise<void> {
    try {
      await this.store.unlink(id);
    } finally {
      // Every list that named `id` changes too, and which those are is only in storage: deletions
      // are rare, so all is forgotten.
      this.cache.clear();
    }
  }

  candidates(keys: string[]): Promise<string[]> {
    return this.store.candidates(keys);
  }

  slotsOf(keys: string[]): Promise<Map<string, Array<string | null>>> {
    return this.store.slotsOf(keys);
  }

  file(id: string, keys: string[], fingerprint?: Uint8Array): Promise<void> {
    return this.store.file(id, keys, fingerprint);
  }

  fileMany(entries: FiledDocument[]): Promise<void> {
    return this.store.fileMany(entries);
  }

  fingerprints(ids: string[]): Promise<Map<string, Uint8Array>> {
    return this.store.fingerprints(ids);
  }

  unfile(id: string, keys: string[]): Promise<void> {
    return this.store.unfile(id, keys);
  }

  private remember(key: string, entry: Entry): void {
    // Re-inserting moves the key to the end, so the map's first key is the oldest read.
    this.cache.delete(key);
    this.cache.set(key, entry);
    if (this.cache.size > MAX_CACHED_LINK_LISTS) this.cache.delete(this.cache.keys().next().value!);
  }
}
