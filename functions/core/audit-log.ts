/**
 * The audit log port: who (the write token's name) did what to which document, when, and how it
 * ended. It records attempts as well as successes, so an operator can answer "who archived this,
 * who deleted that, and who kept getting refused". Kept apart from the document catalog: it is
 * append-only and read only by operators.
 */

/** The writes the archive audits. */
export type AuditAction = 'ingest' | 'delete';

/** How a write ended, from its HTTP status. */
export type AuditOutcome = 'created' | 'duplicate' | 'deleted' | 'refused' | 'failed';

/** One audited write. */
export interface AuditEntry {
  /** Sortable by time (ISO time, then a random suffix): the paging cursor for `before`. */
  id: string;
  /** When the write finished (ISO 8601). */
  at: string;
  /** The name of the token that wrote (`local` for open writes). */
  actor: string;
  action: AuditAction;
  /** The document written or deleted, when known (a refused upload may have none). */
  documentId: string | null;
  outcome: AuditOutcome;
  /** The HTTP status the writer got. */
  status: number;
  /** The error code for refused and failed writes. */
  errorCode: string | null;
}

/** A page of the audit log, newest first. */
export interface AuditPage {
  entries: AuditEntry[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  next: string | null;
}

/** The shape of an {@link AuditEntry.id}: what `before` must look like. */
export const AUDIT_ID_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z#[0-9a-f]{12}$/;

/** Append-only record of writes (DynamoDB: `functions/adapters/dynamo-audit-log.ts`). */
export interface AuditLog {
  /** Appends an entry (its id is assigned from `at`) and returns it. */
  record(entry: Omit<AuditEntry, 'id'>): Promise<AuditEntry>;
  /**
   * Appends many entries at once (a bulk batch's, one per item) in as few writes as the store
   * allows, each as {@link record} would; returns them in order.
   */
  recordMany(entries: Array<Omit<AuditEntry, 'id'>>): Promise<AuditEntry[]>;
  /** Up to `limit` entries older than the entry `before` (or the newest ones), newest first. */
  list(options: { limit: number; before?: string }): Promise<AuditPage>;
}

/**
 * @example
 * ```ts
 * auditOutcome('delete', 204); // 'deleted'
 * auditOutcome('ingest', 422); // 'refused'
 * ```
 */
export function auditOutcome(action: AuditAction, status: number): AuditOutcome {
  if (status >= 500) return 'failed';
  if (status >= 400) return 'refused';
  if (action === 'delete') return 'deleted';
  return status === 201 ? 'created' : 'duplicate';
}
