/**
 * The ports: what the domain needs from storage, stated without naming AWS. Adapters in
 * `functions/adapters/` implement them over S3 and DynamoDB; the use cases only see these.
 */
import type { DocumentMetadata } from './document.ts';

/** A stored object's bytes and content type. */
export interface Blob {
  body: Uint8Array;
  contentType: string;
}

/** Immutable-ish objects by key (S3): originals, normalised documents, index snapshots. */
export interface BlobStore {
  put(key: string, body: Uint8Array | string, contentType: string): Promise<void>;
  /** The object, or null when there is none. */
  get(key: string): Promise<Blob | null>;
  /** Bytes `start` to `end` (exclusive) of the object, or null when there is none. */
  getRange(key: string, start: number, end: number): Promise<Uint8Array | null>;
  delete(key: string): Promise<void>;
}

/** The result of trying to claim a document id for an ingest. */
export type ClaimResult =
  | { claimed: true }
  | { claimed: false; existing: DocumentMetadata; status: DocumentStatus };

/** A claimed document is `pending` until all its objects are written, then `ready`. */
export type DocumentStatus = 'pending' | 'ready';

/**
 * One entry of the ingest log: a document added or removed, in the order the index must apply
 * them. Entries written together share a `seq`; a reader that has applied seq N has every entry up
 * to N.
 */
export interface LogEntry {
  seq: number;
  op: 'add' | 'delete';
  id: string;
}

/** One shard of an index snapshot. */
export interface ShardInfo {
  key: string;
  documentCount: number;
  bytes: number;
  /** Length of the shard's head (everything but the postings): what a cold start fetches first. */
  headBytes?: number;
}

/** Where the current index snapshot is, and which log entries it already contains. */
export interface IndexManifest {
  /** Incremented by every snapshot write; the compare-and-swap key. */
  version: number;
  /** The snapshot contains every log entry with `seq <= through`. */
  through: number;
  /** Blob keys of the snapshot's shards, oldest documents first. */
  shards: ShardInfo[];
  /**
   * Shards earlier snapshots had and this one does not, with when they were retired. A compaction
   * deletes those retired more than an hour before: a process that loaded an older snapshot reads
   * its shards by byte range until it has all of them (longer if its container was frozen).
   */
  retired: Array<{ key: string; retiredAt: string }>;
  documentCount: number;
  bytes: number;
  writtenAt: string;
}

/** Document metadata, the ingest log and the index manifest (DynamoDB). */
export interface MetadataStore {
  /**
   * Claims `meta.id` for an ingest, atomically: succeeds when no document has the id, or when an
   * earlier claim is still pending and older than `staleAfterMs` (its ingest died). Otherwise it
   * reports the existing document — this is how duplicates are detected without transactions.
   */
  claim(meta: DocumentMetadata, staleAfterMs: number): Promise<ClaimResult>;
  /** Marks a claimed document as ready: from now on it is readable. */
  markReady(id: string): Promise<void>;
  /** Removes a document's metadata (to undo a failed ingest, or to delete). */
  remove(id: string): Promise<void>;
  /** Ready metadata for `id`, or null (missing or still pending). */
  get(id: string): Promise<DocumentMetadata | null>;
  /** Ready metadata for many ids, in no particular order; missing ids are left out. */
  getMany(ids: string[]): Promise<DocumentMetadata[]>;
  /** Every ready document's metadata, page by page. */
  list(): AsyncIterable<DocumentMetadata>;

  /** Appends an entry to the ingest log and returns it with the sequence number it was written at. */
  appendLog(entry: Omit<LogEntry, 'seq'>): Promise<LogEntry>;
  /** Log entries with `seq > after`, oldest first. */
  readLog(after: number): Promise<LogEntry[]>;

  getManifest(): Promise<IndexManifest | null>;
  /**
   * Writes `next` if the stored manifest still has `expectedVersion` (0 for none yet).
   * Returns false when another writer got there first.
   */
  swapManifest(next: IndexManifest, expectedVersion: number): Promise<boolean>;
}
