/**
 * The composition root: configuration in, a wired {@link Archive} out. Every entry point — the
 * Lambdas, the local server, the import command — builds its archive here, so none of them
 * differs from another in how storage is reached.
 */
import { createClients, type AwsClients } from '../adapters/create-clients.ts';
import { DynamoAuditLog } from '../adapters/dynamo-audit-log.ts';
import { DynamoLinkStore } from '../adapters/dynamo-link-store.ts';
import { dynamoStores } from '../adapters/dynamo-stores.ts';
import { S3BlobStore } from '../adapters/s3-blob-store.ts';
import { createArchive, type Archive } from '../app/archive.ts';
import type { Config } from '../config.ts';

/**
 * @example
 * ```ts
 * const archive = archiveFromConfig(loadConfig(process.env));
 * ```
 */
export function archiveFromConfig(
  config: Config,
  clients: AwsClients = createClients(config),
  readClients: AwsClients = createClients(config),
): Archive {
  // Search reads through clients of its own: each SDK client keeps its own socket pool (50
  // sockets), so a bulk import filling the write clients' pool never makes a search wait.
  const searchStores = dynamoStores(readClients.dynamo, config.table);
  return createArchive({
    searchReads: {
      ...searchStores,
      blobs: new S3BlobStore(readClients.s3, config.bucket),
      links: new DynamoLinkStore(readClients.dynamo, config.table),
    },
    blobs: new S3BlobStore(clients.s3, config.bucket),
    ...dynamoStores(clients.dynamo, config.table),
    audit: new DynamoAuditLog(clients.dynamo, config.table),
    links: new DynamoLinkStore(clients.dynamo, config.table),
    maxUploadBytes: config.maxUploadBytes,
    indexFreshnessMs: config.indexFreshnessMs,
  });
}
