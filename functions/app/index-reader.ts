/**
 * The live search index of one process. It starts from the newest snapshot and then applies the
 * ingest log entries written since, before every search — so a document is searchable on the very
 * next request, whether or not the indexer has written a new snapshot yet.
 */
import type { BlobStore, IndexManifest, MetadataStore } from '../core/ports.ts';
import { createSearchIndex, loadSearchIndex, toIndexedFields, type SearchIndex } from '../core/search-index.ts';
import type { DocumentLoader } from './document-loader.ts';

/**
 * @example
 * ```ts
 * const reader = new IndexReader(blobs, metadata, documents);
 * const index = await reader.current(); // fresh as of this call
 * ```
 */
export class IndexReader {
  private index: SearchIndex | null = null;
  /** Every log entry with `seq <= through` is in `index`. */
  private through = 0;
  /** One refresh at a time: concurrent requests share it instead of applying the log twice. */
  private refreshing: Promise<SearchIndex> | null = null;
  /** The refresh that follows the running one, shared by every request that arrived during it. */
  private queued: Promise<SearchIndex> | null = null;

  constructor(
    private readonly blobs: BlobStore,
    private readonly metadata: MetadataStore,
    private readonly documents: DocumentLoader,
  ) {}

  /** The index, brought up to date with the ingest log as of this call. */
  async current(): Promise<SearchIndex> {
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

  /** The log position the index contains (as of the last {@link current}). */
  get position(): number {
    return this.through;
  }

  private async refresh(): Promise<SearchIndex> {
    if (!this.index) await this.loadSnapshot(await this.metadata.getManifest());
    const index = this.index!;
    const entries = await this.metadata.readLog(this.through);
    const added = await this.documents.getMany(entries.filter((e) => e.op === 'add').map((e) => e.id));
    for (const entry of entries) {
      if (index.has(entry.id)) index.discard(entry.id);
      const document = entry.op === 'add' ? added.get(entry.id) : undefined;
      if (document) index.add(toIndexedFields(document));
      if (entry.op === 'delete') this.documents.forget(entry.id);
      this.through = entry.seq;
    }
    return index;
  }

  private async loadSnapshot(manifest: IndexManifest | null): Promise<void> {
    const snapshot = manifest ? await this.blobs.get(manifest.snapshotKey) : null;
    if (manifest && snapshot) {
      this.index = loadSearchIndex(new TextDecoder().decode(snapshot.body));
      this.through = manifest.through;
    } else {
      this.index = createSearchIndex();
      this.through = 0;
    }
  }
}
