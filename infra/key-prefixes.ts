import { INCOMING_PREFIX } from '../functions/core/storage-keys.ts';

/**
 * The S3 key prefixes the functions write under. IAM grants are scoped to them, so they must
 * match the keys `functions/` builds (`originals/<id>`, `documents/<id>.json`, `index/…`): a key
 * outside these prefixes is denied at runtime, which is the point.
 */
export const KEY_PREFIX = {
  /** The bytes exactly as uploaded; written once, never rewritten. */
  originals: 'originals/',
  /** Normalised documents (JSON); written once per ingest. */
  documents: 'documents/',
  /** Files for the bulk import job to archive; deleted once archived, expired if refused. */
  incoming: INCOMING_PREFIX,
  /** Index shards; replaced by the indexer, so their old versions expire. */
  index: 'index/',
} as const;

/** An object-key pattern for IAM grants covering everything under a prefix. */
export function under(prefix: string): string {
  return `${prefix}*`;
}
