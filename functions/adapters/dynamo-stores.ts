/**
 * The three stores that share the archive's DynamoDB table for what ingest and the index keep:
 * the document catalog, the ingest log and the index manifest. Each keeps its own items (see
 * their key tables); this is the one place that opens all three over one table.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DocumentCatalog, IngestLog, ManifestStore } from '../core/ports.ts';
import { DynamoDocumentCatalog } from './dynamo-document-catalog.ts';
import { DynamoIngestLog } from './dynamo-ingest-log.ts';
import { DynamoManifestStore } from './dynamo-manifest-store.ts';

/** The catalog, log and manifest of one archive, as `createArchive` takes them. */
export interface ArchiveStores {
  catalog: DocumentCatalog;
  log: IngestLog;
  manifest: ManifestStore;
}

/**
 * Fresh stores over `table`: what one process (a Lambda container, the local server) holds. Two
 * processes must not share them: the log's append queue and its listeners are the process's own.
 *
 * @example
 * ```ts
 * const archive = createArchive({ blobs, ...dynamoStores(dynamo, 'verbatim'), audit, maxUploadBytes: 10 << 20 });
 * ```
 */
export function dynamoStores(dynamo: DynamoDBClient, table: string): ArchiveStores {
  return {
    catalog: new DynamoDocumentCatalog(dynamo, table),
    log: new DynamoIngestLog(dynamo, table),
    manifest: new DynamoManifestStore(dynamo, table),
  };
}
