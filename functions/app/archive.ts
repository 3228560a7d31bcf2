/**
 * What every use case receives: the ports, the live index, and the limits from configuration.
 * Built once per process (a Lambda container or the local server) by `createArchive`.
 */
import type { AuditLog } from '../core/audit-log.ts';
import type { LinkStore } from '../core/copies/link-store.ts';
import type { BlobStore, MetadataStore } from '../core/ports.ts';
import { DocumentLoader } from './document-loader.ts';
import { IndexReader } from './index-reader.ts';

/** The archive's dependencies, as the use cases see them. */
export interface Archive {
  blobs: BlobStore;
  metadata: MetadataStore;
  documents: DocumentLoader;
  index: IndexReader;
  /** Who wrote or deleted what, and how it ended. */
  audit: AuditLog;
  /** Copy and same-story links; without it (some tests, the scale bench) nothing is linked. */
  links?: LinkStore;
  limits: { maxUploadBytes: number };
}

/**
 * @example
 * ```ts
 * const archive = createArchive({ blobs, metadata, audit, maxUploadBytes: 10 << 20 });
 * ```
 */
export function createArchive(options: { blobs: BlobStore; metadata: MetadataStore; audit: AuditLog; links?: LinkStore; maxUploadBytes: number; indexFreshnessMs?: number }): Archive {
  const documents = new DocumentLoader(options.blobs);
  return {
    blobs: options.blobs,
    metadata: options.metadata,
    audit: options.audit,
    documents,
    index: new IndexReader(options.blobs, options.metadata, documents, { freshnessMs: options.indexFreshnessMs ?? 0 }),
    links: options.links,
    limits: { maxUploadBytes: options.maxUploadBytes },
  };
}
