/**
 * The ports: what the domain needs from storage, stated without naming AWS. Adapters in
 * `functions/adapters/` implement them over S3 and DynamoDB; the use cases only see these.
 */
import type { DocumentMetadata, JsonInPack, OriginalInPack } from './document.ts';

/** A stored object's bytes and content type. */
export interface Blob {
  body: Uint8Array;
  contentType: string;
}

/** Immutable-ish objects by key (S3): originals, normalised documents, index snapshots. */
export interface BlobStore {
  /**
   * Stores `body` under `key`. `sha256` is the body's SHA-256 in hex when the caller already has
   * it (a worker computed it): the store then signs with it instead of hashing the body again on
   * the request thread (for a 10 MB upload, tens of ms of the event loop per object).
   */
  put(key: string, body: Uint8Array | string, contentType: string, sha256?: string): Promise<void>;
  /** The object, or null when there is none. */
  get(key: string): Promise<Blob | null>;
  /** Bytes `start` to `end` (exclusive) of the object, or null when there is none. */
  getRange(key: string, start: number, end: number): Promise<Uint8Array | null>;
  delete(key: string): Promise<void>;
  /** Every object under `prefix`, with when it was last written (for sweeps and `verify`). */
  list(prefix: string): AsyncIterable<{ key: string; lastModified: Date }>;
}

/**
 * A document's record in the catalog: its metadata and, when a bulk import packed its original
 * with its batch's (`core/original-pack.ts`), where: bytes `start` to `start + size` of the object
 * `original.pack`. Without `original` the original is an object of its own, `originals/<id>`.
 * Likewise `json`, where the bulk path packed the normalised document's JSON (in the same pack);
 * without it the JSON is an object of its own, `documents/<id>.json`. Storage details, never in an
 * API answer.
 */
export type CatalogedMetadata = DocumentMetadata & { original?: OriginalInPack; json?: JsonInPack };

/** The result of trying to claim a document id for an ingest. */
export type ClaimResult =
  { claimed: true } | { claimed: false; existing: CatalogedMetadata; status: DocumentStatus; claimedAt: number | null };

/**
 * Who holds a pending claim: `token` fences every later write of the ingest (only the holder can
 * mark it ready or roll it back), `claimedAt` is when it last showed it was alive.
 */
export interface Claim {
  token: string;
  leaseMs: number;
}

/** A claim its ingest is about to mark ready: the metadata it claimed with, and when. */
export interface ReadyClaim {
  metadata: CatalogedMetadata;
  token: string;
  /** When the claim (or its renewal) was sent, by the owner's clock. */
  claimedAt: number;
}

/** A pending claim as a sweep or `verify` sees it. */
export interface PendingClaim {
  metadata: CatalogedMetadata;
  token: string;
  claimedAt: number;
}

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
  /** Length of the shard's head, its directory (see `core/search/README.md`): what a cold start fetches first. */
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

/** Stops a listener from being told anything more. */
export type Unsubscribe = () => void;

/**
 * The archive's documents as records (DynamoDB): their metadata, the claim an ingest holds on an
 * id while it writes, and whether each one is ready (readable) yet. No text: that is in blobs.
 */
export interface DocumentCatalog {
  /**
   * Claims `meta.id` for an ingest under `claim.token`, atomically: succeeds when no document has
   * the id, or when an earlier claim is still pending and has not shown life for `claim.leaseMs`
   * (its ingest died). Otherwise it reports the existing document — this is how duplicates are
   * detected without transactions.
   */
  claim(meta: CatalogedMetadata, claim: Claim): Promise<ClaimResult>;
  /**
   * Refreshes a pending claim's lease if `token` still holds it. False: another ingest took it
   * over, and this one must write nothing more.
   */
  renewClaim(id: string, token: string): Promise<boolean>;
  /**
   * Marks a claimed document ready (readable from now on) if `token` still holds the claim, and
   * then tells the {@link onReady} listeners.
   */
  markReady(id: string, token: string): Promise<boolean>;
  /**
   * Marks many claimed documents ready, as {@link markReady} does each, and returns the ids made
   * ready. A claim whose lease has at least half left (`claimedAt`, by the caller's clock, taken
   * before the claim or its renewal was sent) may be marked without the token check, in batches:
   * while a lease runs nobody else may write the record (a takeover needs it expired, a sweep
   * skips it, a delete does not see a pending document), so the unconditional write is the one
   * the fenced write would make. The half lease left is the margin for the request's time in
   * flight and for clocks between processes. The rest are marked one by one with the check.
   */
  markReadyMany(claims: ReadyClaim[], leaseMs: number): Promise<Set<string>>;
  /**
   * Calls `listener` after each {@link markReady} through this catalog succeeds: an index reader
   * that saw the document's log entry while it was pending must look again.
   */
  onReady(listener: (id: string) => void): Unsubscribe;
  /** Deletes a pending claim if `token` still holds it (an ingest's rollback). */
  release(id: string, token: string): Promise<boolean>;
  /** Every pending claim, page by page (a scan of the table: for `verify`, not for every minute). */
  listPending(): AsyncIterable<PendingClaim>;
  /** The pending claim on `id`, or null (none, or the document is ready). */
  getClaim(id: string): Promise<PendingClaim | null>;
  /** Removes a document's metadata (a delete). */
  remove(id: string): Promise<void>;
  /** Ready metadata for `id`, or null (missing or still pending). */
  get(id: string): Promise<CatalogedMetadata | null>;
  /** Ready metadata for many ids, in no particular order; missing ids are left out. */
  getMany(ids: string[]): Promise<CatalogedMetadata[]>;
  /** The status of each id that has metadata (ids with none are left out). */
  statusOf(ids: string[]): Promise<Map<string, DocumentStatus>>;
  /** Every ready document's metadata, page by page. */
  list(): AsyncIterable<CatalogedMetadata>;
}

/** The gapless ingest log (DynamoDB): what the index must apply, in order. */
export interface IngestLog {
  /** Appends an entry and returns it with the sequence number it was written at. */
  append(entry: Omit<LogEntry, 'seq'>): Promise<LogEntry>;
  /**
   * Appends several entries as one log item (one round trip, one sequence number) and returns them
   * with that number: the bulk path logs a whole batch of documents this way. Entries queued by
   * concurrent {@link IngestLog.append} calls may share the item; an item never holds more than the
   * store's per-item limit, so a very large batch may span consecutive items.
   */
  appendBatch(entries: Array<Omit<LogEntry, 'seq'>>): Promise<LogEntry[]>;
  /**
   * Calls `listener` with each entry once an {@link append} through this log has written it: the
   * index reader of the same process reads the log before its next search, so no caller has to
   * remember to say it wrote.
   */
  onAppend(listener: (entry: LogEntry) => void): Unsubscribe;
  /** Entries with `seq > after`, oldest first. */
  read(after: number): Promise<LogEntry[]>;
}

/** The index manifest (DynamoDB): which snapshot is current, swapped by compare-and-swap. */
export interface ManifestStore {
  get(): Promise<IndexManifest | null>;
  /**
   * Writes `next` if the stored manifest still has `expectedVersion` (0 for none yet).
   * Returns false when another writer got there first.
   */
  swap(next: IndexManifest, expectedVersion: number): Promise<boolean>;
}
