/**
 * What every use case receives: the ports, the live index, and the limits from configuration.
 * Built once per process (a Lambda container or the local server) by `createArchive`.
 */
import type { AuditLog } from '../core/audit-log.ts';
import { CachedLinkStore } from '../core/copies/cached-link-store.ts';
import type { LinkStore } from '../core/copies/link-store.ts';
import type { BlobStore, DocumentCatalog, IngestLog, ManifestStore } from '../core/ports.ts';
import { DocumentLoader } from './document-loader.ts';
import { IndexReader } from './index-reader.ts';

/** The archive's dependencies, as the use cases see them. */
export interface Archive {
  blobs: BlobStore;
  /** Document records: metadata, ingest claims, ready or pending. */
  catalog: DocumentCatalog;
  /** The ingest log the index applies. */
  log: IngestLog;
  /** Which index snapshot is current. */
  manifest: ManifestStore;
  documents: DocumentLoader;
  index: IndexReader;
  /** Who wrote or deleted what, and how it ended. */
  audit: AuditLog;
  /**
   * Copy and same-story links; without it (some tests, the scale bench) nothing is linked. Search
   * reads them through its cache (`recentLinks`, as fresh as the index), everything else from storage.
   */
  links?: CachedLinkStore;
  /**
   * Whether ingest looks for the new document's copies and same-story links (true unless
   * configured off: the ingest bench measures ingest without them beside ingest with them).
   */
  linkOnIngest: boolean;
  limits: { maxUploadBytes: number };
}

/** What {@link createArchive} is built from. */
export interface ArchiveOptions {
  blobs: BlobStore;
  catalog: DocumentCatalog;
  log: IngestLog;
  manifest: ManifestStore;
  audit: AuditLog;
  links?: LinkStore;
  /** See {@link Archive.linkOnIngest}; true by default. */
  linkOnIngest?: boolean;
  maxUploadBytes: number;
  indexFreshnessMs?: number;
  /**
   * The stores search reads through, when they differ from the ones above: the same table and
   * bucket over clients of their own (own sockets), so a search's reads never queue behind an
   * import's writes in one connection pool. Write listeners stay on the stores above.
   */
  searchReads?: SearchReads;
}

/** What the index reader and its document loader read through. */
export interface SearchReads {
  blobs: BlobStore;
  /** Statuses for the log's entries; records for where a document's JSON is (the loader). */
  catalog: Pick<DocumentCatalog, 'statusOf' | 'getMany'>;
  log: Pick<IngestLog, 'read'>;
  manifest: Pick<ManifestStore, 'get'>;
  /** The copy links collapse reads (`CachedLinkStore.recentLinks`). */
  links?: Pick<LinkStore, 'links' | 'linksVersion'>;
}

/**
 * Wires the index reader to the stores it follows: every log append and every document marked
 * ready through this archive's stores makes its next search read the log (read-your-writes), so
 * no use case has to say that it wrote. The stores must be this archive's own (one process's).
 *
 * @example
 * ```ts
 * const archive = createArchive({ blobs, ...dynamoStores(dynamo, table), audit, maxUploadBytes: 10 << 20 });
 * ```
 */
export function createArchive(options: ArchiveOptions): Archive {
  const reads = options.searchReads ?? options;
  const documents = new DocumentLoader(reads.blobs, reads.catalog);
  const index = new IndexReader(reads.blobs, reads, documents, { freshnessMs: options.indexFreshnessMs ?? 0 });
  options.log.onAppend(() => index.noteWrite());
  // A reader that saw the log entry while the document was pending picks it up now.
  options.catalog.onReady(() => index.noteWrite());
  return {
    blobs: options.blobs,
    catalog: options.catalog,
    log: options.log,
    manifest: options.manifest,
    audit: options.audit,
    documents,
    index,
    links:
      options.links &&
      new CachedLinkStore(options.links, {
        freshnessMs: options.indexFreshnessMs ?? 0,
        reads: options.searchReads?.links,
      }),
    linkOnIngest: options.linkOnIngest ?? true,
    limits: { maxUploadBytes: options.maxUploadBytes },
  };
}
