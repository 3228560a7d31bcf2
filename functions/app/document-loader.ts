/**
 * Loads normalised documents from the blob store, keeping the most recently used in memory:
 * search results need their text for passages, and the same documents come up again and again.
 */
import type { ArchivedDocument } from '../core/document.ts';
import type { BlobStore } from '../core/ports.ts';
import { documentKey } from '../core/storage-keys.ts';

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
    const document = JSON.parse(new TextDecoder().decode(blob.body)) as ArchivedDocument;
    this.remember(document);
    return document;
  }

  /**
   * Loads several documents, a bounded number at a time (a phrase check may need thousands, and
   * firing them all at once only queues them in the HTTP agent); missing ones are left out.
   */
  async getMany(ids: string[]): Promise<Map<string, ArchivedDocument>> {
    const found = new Map<string, ArchivedDocument>();
    let next = 0;
    const worker = async () => {
      while (next < ids.length) {
        const document = await this.get(ids[next++]);
        if (document) found.set(document.id, document);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_LOADS, ids.length) }, worker));
    return found;
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

  forget(id: string): void {
    this.cache.delete(id);
  }
}
