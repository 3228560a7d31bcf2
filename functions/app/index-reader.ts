/**
 * The live search index of one process, bound to the archive's stores: shard files from the
 * BlobStore, the manifest, the ingest log and document status from their stores, documents
 * from the DocumentLoader. How it stays fresh is the engine's (see `core/search/live-index.ts`).
 */
import type { BlobStore, DocumentCatalog, IngestLog, ManifestStore } from '../core/ports.ts';
import { LiveIndex } from '../core/search/index.ts';
import type { DocumentLoader } from './document-loader.ts';
import { indexOffThread } from './digest-off-thread.ts';

export type { ReaderState } from '../core/search/index.ts';

/**
 * @example
 * ```ts
 * const reader = new IndexReader(blobs, { catalog, log, manifest }, documents, { freshnessMs: 1000 });
 * const index = await reader.current(); // fresh as of this call (or of the last second)
 * ```
 */
export class IndexReader extends LiveIndex {
  constructor(
    blobs: BlobStore,
    stores: {
      catalog: Pick<DocumentCatalog, 'statusOf'>;
      log: Pick<IngestLog, 'read'>;
      manifest: Pick<ManifestStore, 'get'>;
    },
    documents: DocumentLoader,
    options: { freshnessMs?: number } = {},
  ) {
    super(
      {
        files: {
          get: async (key) => (await blobs.get(key))?.body ?? null,
          getRange: (key, start, end) => blobs.getRange(key, start, end),
        },
        getManifest: () => stores.manifest.get(),
        readLog: (after) => stores.log.read(after),
        statusOf: (ids) => stores.catalog.statusOf(ids),
        getDocuments: (ids) => documents.getMany(ids),
        indexDocuments: (ids) => indexOffThread(ids, documents),
        forgetDocument: (id) => documents.forget(id),
      },
      options,
    );
  }
}
