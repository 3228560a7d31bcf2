/**
 * The live search index of one process, bound to the archive's stores: shard files from the
 * BlobStore, the manifest, the ingest log and document status from the MetadataStore, documents
 * from the DocumentLoader. How it stays fresh is the engine's (see `core/search/live-index.ts`).
 */
import type { BlobStore, MetadataStore } from '../core/ports.ts';
import { LiveIndex } from '../core/search/index.ts';
import type { DocumentLoader } from './document-loader.ts';

export type { ReaderState } from '../core/search/index.ts';

/**
 * @example
 * ```ts
 * const reader = new IndexReader(blobs, metadata, documents, { freshnessMs: 1000 });
 * const index = await reader.current(); // fresh as of this call (or of the last second)
 * ```
 */
export class IndexReader extends LiveIndex {
  constructor(blobs: BlobStore, metadata: MetadataStore, documents: DocumentLoader, options: { freshnessMs?: number } = {}) {
    super(
      {
        files: { get: async (key) => (await blobs.get(key))?.body ?? null, getRange: (key, start, end) => blobs.getRange(key, start, end) },
        getManifest: () => metadata.getManifest(),
        readLog: (after) => metadata.readLog(after),
        statusOf: (ids) => metadata.statusOf(ids),
        getDocuments: (ids) => documents.getMany(ids),
        forgetDocument: (id) => documents.forget(id),
      },
      options,
    );
  }
}
