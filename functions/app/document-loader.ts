/**
 * Loads normalised documents from the blob store, keeping the most recently used in memory:
 * search results need their text for passages, and the same documents come up again and again.
 */
import type { ArchivedDocument } from '../core/document.ts';
import type { BlobStore } from '../core/ports.ts';
import type { PassageView } from '../core/search/index.ts';
import { documentKey } from '../core/storage-keys.ts';

/**
 * Passage views of large documents kept (see `core/search/passage-view.ts`): each holds at most
 * about 120 K characters and 1,000 quotes, so these few cost a few MB at most.
 */
const VIEW_CAPACITY = 32;

/** Below the SDK's default of 50 sockets, leaving room for other requests. */
const PARALLEL_LOADS = 32;

/**
 * @example
 * ```ts
 * const loader = new DocumentLoader(blobs);
 * const document = await loader.get('3f2a…'); // null when there is no such document
 * ```
 */
export class DocumentLoader {
  private readonly cache = new Map<string, ArchivedDocument>();
  private readonly views = new Map<string, PassageView>();

  constructor(
    private readonly blobs: BlobStore,
    private readonly capacity = 1000,
  ) {}

  async get(id: string): Promise<ArchivedDocument | null> {
    const cached = this.cache.get(id);
    if (cached) {
      // Re-insert so Map order tracks recency: the first key is always the least recently used.
      this.cache.delete(id);
      this.cache.set(id, cached);
      return cached;
    }
    const blob = await this.blobs.get(documentKey(id));
    if (!blob) return null;
    return this.parse(blob.body);
  }

  /** A stored document's JSON, parsed and remembered. */
  private parse(bytes: Uint8Array): ArchivedDocument {
    const document = JSON.parse(new TextDecoder().decode(bytes)) as ArchivedDocument;
    this.remember(document);
    return document;
  }

  /**
   * Loads several documents, a bounded number at a time (a phrase check may need thousands, and
   * firing them all at once only queues them in the HTTP agent); missing ones are left out.
   */
  async getMany(ids: string[]): Promise<Map<string, ArchivedDocument>> {
    const found = new Map<string, ArchivedDocument>();
    await this.eachBounded(ids, async (id) => {
      const document = await this.get(id);
      if (document) found.set(document.id, document);
    });
    return found;
  }

  /**
   * {@link getMany}, except that a document not in the cache whose stored JSON is over `parseUpTo`
   * bytes comes back as those bytes, unparsed and not cached: parsing 12 MB of JSON costs the
   * thread ~80 ms, so the caller hands them to a worker instead (see `digest-off-thread.ts`).
   */
  async getManyOrBytes(ids: string[], parseUpTo: number): Promise<Map<string, ArchivedDocument | Uint8Array>> {
    const found = new Map<string, ArchivedDocument | Uint8Array>();
    await this.eachBounded(ids, async (id) => {
      const cached = this.cache.get(id);
      const blob = cached ? null : await this.blobs.get(documentKey(id));
      if (cached) found.set(id, cached);
      else if (blob) found.set(id, blob.body.byteLength <= parseUpTo ? this.parse(blob.body) : blob.body);
    });
    return found;
  }

  /** Runs `load` for each id, {@link PARALLEL_LOADS} at a time. */
  private async eachBounded(ids: string[], load: (id: string) => Promise<void>): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < ids.length) await load(ids[next++]);
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_LOADS, ids.length) }, worker));
  }

  /** The cached copy of a document, if any (its recency unchanged): for what only wants it when it is cheap. */
  cached(id: string): ArchivedDocument | undefined {
    return this.cache.get(id);
  }

  /** Puts a document the caller already has into the cache (e.g. right after ingesting it). */
  remember(document: ArchivedDocument): void {
    this.cache.delete(document.id);
    this.cache.set(document.id, document);
    if (this.cache.size > this.capacity) this.cache.delete(this.cache.keys().next().value!);
  }

  /** What search shows of a document, if at hand: the cached document itself, or its cached view. */
  viewOf(id: string): PassageView | undefined {
    const view = this.views.get(id);
    if (view) this.rememberView(view);
    return view ?? this.cache.get(id);
  }

  /** Keeps a large document's passage view (a worker cut it out of the stored JSON). */
  rememberView(view: PassageView): void {
    this.views.delete(view.id);
    this.views.set(view.id, view);
    if (this.views.size > VIEW_CAPACITY) this.views.delete(this.views.keys().next().value!);
  }

  forget(id: string): void {
    this.cache.delete(id);
    this.views.delete(id);
  }
}
