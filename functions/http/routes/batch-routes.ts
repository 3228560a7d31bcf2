/** `POST /api/documents:batch`: up to 100 documents in one request, answered item by item. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { BatchOutcome } from '../../app/ingest-batch.ts';
import type { IngestRequest } from '../../app/ingest-document.ts';
import { auditOutcome } from '../../core/audit-log.ts';
import { VerbatimError } from '../../core/errors.ts';
import { IngestBatchResultSchema, IngestBatchSchema } from '../batch-schemas.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { createRouter } from '../create-router.ts';
import { errorResponses } from '../error-responses.ts';
import { limitUploadSize } from '../limit-upload-size.ts';
import { readBatchRequest } from '../read-batch-request.ts';
import { requireWriter, writerOf, writeTokensOf } from '../require-writer.ts';

/** The path under `/api`, as documented and routed (Google's custom-method style: a verb after the collection). */
export const BATCH_PATH = '/documents:batch';

const batchRoute = createRoute({
  method: 'post',
  path: BATCH_PATH,
  operationId: 'createDocuments',
  summary: 'Archive up to 100 articles at once',
  description:
    'Each item is answered as POST /api/documents would answer it alone (201, 200 duplicate, or a 4xx with the reason); one bad item does not stop the others.',
  security: [{ bearer: [] }],
  request: {
    body: {
      required: true,
      content: {
        'application/json': { schema: IngestBatchSchema },
        'application/x-ndjson': {
          schema: { type: 'string', description: 'One JSON document (as the IngestJson schema) per line.' },
        },
      },
    },
  },
  responses: {
    200: { description: 'Every item, answered', content: { 'application/json': { schema: IngestBatchResultSchema } } },
    ...errorResponses(400, 401, 413, 415),
  },
});

type ItemResult = { index: number; status: number; document?: unknown; error?: { code: string; message: string } };

function itemResult(index: number, outcome: BatchOutcome | VerbatimError): ItemResult {
  if (outcome instanceof VerbatimError)
    return { index, status: outcome.status, error: { code: outcome.code, message: outcome.message } };
  if (!outcome.ok) return itemResult(index, outcome.error);
  return { index, status: outcome.result.duplicate ? 200 : 201, document: outcome.result };
}

/**
 * @example
 * ```ts
 * app.route('/api', batchRoutes(deps));
 * ```
 */
export function batchRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = createRouter();
  const archive = deps.archive;
  app.openAPIRegistry.registerPath(batchRoute);
  app.post(
    BATCH_PATH,
    requireWriter(writeTokensOf(deps)),
    limitUploadSize(archive.limits.maxUploadBytes),
    async (c) => {
      const items = await readBatchRequest(c);
      const uploader = writerOf(c);
      const requests = items
        .filter((item): item is IngestRequest => !(item instanceof VerbatimError))
        .map((request) => ({ ...request, uploader }));
      // Imported on the first batch, as a single upload imports ingest (document-routes.ts).
      const { ingestBatch } = await import('../../app/ingest-batch.ts');
      const outcomes = await ingestBatch(archive, requests);
      let next = 0;
      const results = items.map((item, index) =>
        itemResult(index, item instanceof VerbatimError ? item : outcomes[next++]),
      );
      // One audit entry per item, as if each had been uploaded alone, written together (a
      // BatchWriteItem of 25: per item this was the one round trip the local import did not make).
      const at = new Date().toISOString();
      await archive.audit
        .recordMany(
          results.map((r) => ({
            at,
            actor: uploader,
            action: 'ingest' as const,
            documentId: (r.document as { id?: string } | undefined)?.id ?? null,
            outcome: auditOutcome('ingest', r.status),
            status: r.status,
            errorCode: r.error?.code ?? null,
          })),
        )
        .catch((error: unknown) => console.error(`Audit log write failed for a batch by ${uploader}`, error));
      const count = (status: number) => results.filter((r) => r.status === status).length;
      return c.json(
        { added: count(201), duplicates: count(200), refused: results.length - count(201) - count(200), results },
        200,
      );
    },
  );
  return app;
}
