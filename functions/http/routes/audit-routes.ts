/** The audit log for operators: `GET /api/audit?limit=&before=`, newest first, with the token. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { AUDIT_ID_PATTERN } from '../../core/audit-log.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { createRouter } from '../create-router.ts';
import { errorResponses } from '../error-responses.ts';
import { requireWriter, writeTokensOf } from '../require-writer.ts';

/** Largest page: one DynamoDB query of small items. */
export const MAX_AUDIT_PAGE = 100;

const AuditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_AUDIT_PAGE).default(20),
  before: z
    .string()
    .regex(AUDIT_ID_PATTERN, 'before is the id of an audit entry, as the previous page\'s "next" gives it.')
    .optional()
    .openapi({ example: '2026-12-01T21:15:02.123Z#3f2a9c0d4b1e' }),
});

const AuditEntrySchema = z
  .object({
    id: z.string(),
    at: z.string().openapi({ description: 'When the write finished (ISO 8601).' }),
    actor: z.string().openapi({ description: 'The name of the token that wrote ("local" for open writes).' }),
    action: z.enum(['ingest', 'delete']),
    documentId: z.string().nullable(),
    outcome: z.enum(['created', 'duplicate', 'deleted', 'refused', 'failed']),
    status: z.number().int(),
    errorCode: z.string().nullable(),
  })
  .openapi('AuditEntry');

const auditRoute = createRoute({
  method: 'get',
  path: '/audit',
  operationId: 'listAudit',
  summary: 'Who wrote or deleted what, and how it ended, newest first',
  security: [{ bearer: [] }],
  request: { query: AuditQuerySchema },
  responses: {
    200: {
      description: 'A page of the audit log',
      content: {
        'application/json': {
          schema: z
            .object({
              entries: z.array(AuditEntrySchema),
              next: z
                .string()
                .nullable()
                .openapi({ description: 'Pass as before for the next, older page; null on the last.' }),
            })
            .openapi('AuditPage'),
        },
      },
    },
    ...errorResponses(400, 401),
  },
});

/**
 * Mounted under `/api`: `app.route('/api', auditRoutes(deps))`.
 */
export function auditRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = createRouter();
  app.openapi({ ...auditRoute, middleware: [requireWriter(writeTokensOf(deps))] as const }, async (c) => {
    const { limit, before } = c.req.valid('query');
    return c.json(await deps.archive.audit.list({ limit, before }), 200);
  });
  return app;
}
