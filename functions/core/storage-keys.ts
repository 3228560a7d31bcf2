/**
 * Where each kind of object lives in the blob store. Originals are written once and never
 * rewritten; documents are the normalised form; index snapshots are replaced by version.
 */

/** The uploaded bytes, exactly as received. */
export const originalKey = (id: string) => `originals/${id}`;

/**
 * Where packs live (`core/original-pack.ts`): under `originals/`, beside the single originals (and
 * under their grants), in a folder no id can name (ids are hex digits).
 */
export const PACK_PREFIX = 'originals/packs/';

/** A new pack's key: one per batch, never reused. */
export const packKey = (batch: string) => `${PACK_PREFIX}${batch}`;

/** The normalised document as JSON ({@link ArchivedDocument}). */
export const documentKey = (id: string) => `documents/${id}.json`;

/** Where the bulk import job takes files from (`app/import-incoming.ts`); never archived as they are. */
export const INCOMING_PREFIX = 'incoming/';

/** Where index shards live. */
export const SHARD_PREFIX = 'index/';

/** An index shard; each compaction writes new keys and never overwrites one in use. */
export const shardKey = (version: number, attempt: string, shard: number) =>
  `${SHARD_PREFIX}v${String(version).padStart(8, '0')}-${attempt}/shard-${String(shard).padStart(4, '0')}.seg`;
