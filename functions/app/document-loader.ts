/**
 * Loads normalised documents from the blob store, keeping the most recently used in memory:
 * search results need their text for passages, and the same documents come up again and again.
 */
import type { ArchivedDocument } from '../core/document.ts';
import type { BlobStore } from '../core/ports.ts';
import { documentKey } from '../core/storage-keys.ts';

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

  /** Loads several documents in parallel; missing ones are left out. */
  async getMany(ids: string[]): Promise<Map<string, ArchivedDocument>> {
    const loaded = await Promise.all(ids.map((id) => this.get(id)));
    return new Map(loaded.filter((d): d is ArchivedDocument => d !== null).map((d) => [d.id, d]));
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
