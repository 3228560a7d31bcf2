/**
 * Audits a write route: after the route (and the error handler) answered, one audit-log entry
 * records the writer, the action, the document and the outcome. Mounted after the token check, so
 * every entry names a token; refusals after that point (too large, unreadable, …) are recorded too.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { auditOutcome, type AuditAction, type AuditLog } from '../core/audit-log.ts';
import { VerbatimError } from '../core/errors.ts';
import type { AppEnv } from './app-deps.ts';
import { writerOf } from './require-writer.ts';

/** Tells the audit which document a write touched, once the route knows it (an ingest's new id). */
export function auditDocument(c: Context<AppEnv>, id: string): void {
  c.set('auditDocumentId', id);
}

/**
 * @example
 * ```ts
 * app.delete('/api/documents/:id', requireWriter(tokens), auditWrites(archive.audit, 'delete'), handler);
 * ```
 */
export function auditWrites(audit: AuditLog, action: AuditAction): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const status = c.res.status;
    const documentId = c.get('auditDocumentId') ?? c.req.param('id') ?? null;
    const errorCode =
      status >= 400
        ? c.error instanceof VerbatimError
          ? c.error.code
          : status >= 500
            ? 'internal'
            : 'bad_request'
        : null;
    try {
      await audit.record({
        at: new Date().toISOString(),
        actor: writerOf(c),
        action,
        documentId,
        outcome: auditOutcome(action, status),
        status,
        errorCode,
      });
    } catch (error) {
      // The write itself is done (or refused) and its answer stands; losing the record is the
      // operator's problem to see, not a reason to tell the writer it failed.
      console.error(`Audit log write failed for ${action} ${documentId ?? '(no id)'} by ${writerOf(c)}`, error);
    }
  };
}
