/** Ingest, read and delete documents: `POST /api/documents`, `GET|DELETE /api/documents/{id}`, `GET …/original`. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { deleteDocument } from '../../app/delete-document.ts';
import { readDocument, readOriginal } from '../../app/read-document.ts';
import { listLinked } from '../../app/list-copies.ts';
import { citeDocument, passageAnchor, quotePath } from '../../core/cite-document.ts';
import { originalFileName } from '../../../web/views/citation.ts';
import { auditDocument, auditWrites } from '../audit-writes.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { createRouter } from '../create-router.ts';
import { errorResponses } from '../error-responses.ts';
import { limitUploadSize } from '../limit-upload-size.ts';
import { readIngestRequest } from '../read-ingest-request.ts';
import { requireWriter, writerOf, writeTokensOf } from '../require-writer.ts';
import {
  DocumentSchema,
  IdParamSchema,
  IngestJsonSchema,
  IngestMultipartSchema,
  IngestResultSchema,
} from '../schemas.ts';

/**
 * Ingest is imported on the first upload: it brings quote extraction and date parsing (and, through
 * them, most of the upload code), which a search's cold start must not compile (see README, Figures).
 */
const loadIngest = () => import('../../app/ingest-document.ts');

const ingestRoute = createRoute({
  method: 'post',
  path: '/documents',
  operationId: 'createDocument',
  summary: 'Archive an article',
  security: [{ bearer: [] }],
  request: {
    body: {
      required: true,
      content: {
        'application/json': { schema: IngestJsonSchema },
        'multipart/form-data': { schema: IngestMultipartSchema },
      },
    },
  },
  responses: {
    201: { description: 'Archived', content: { 'application/json': { schema: IngestResultSchema } } },
    200: {
      description: 'Already in the archive: the existing document',
      content: { 'application/json': { schema: IngestResultSchema } },
    },
    ...errorResponses(400, 401, 409, 413, 415, 422),
  },
});

const documentRoute = createRoute({
  method: 'get',
  path: '/documents/{id}',
  operationId: 'getDocument',
  summary: 'A document: metadata, normalised text, paragraphs and quotes',
  security: [],
  request: { params: IdParamSchema },
  responses: {
    200: { description: 'The document', content: { 'application/json': { schema: DocumentSchema } } },
    ...errorResponses(400, 404),
  },
});

const originalRoute = createRoute({
  method: 'get',
  path: '/documents/{id}/original',
  operationId: 'getOriginal',
  summary: 'The original upload, byte for byte, with its content type',
  security: [],
  request: { params: IdParamSchema },
  responses: { 200: { description: 'The original bytes' }, ...errorResponses(400, 404) },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/documents/{id}',
  operationId: 'deleteDocument',
  summary: 'Remove a document from search, reading and storage',
  security: [{ bearer: [] }],
  request: { params: IdParamSchema },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(400, 401, 404) },
});

/**
 * How an original is handed out. Plain text is shown inline (its type already says UTF-8 when its
 * bytes are: see servedContentType). Anything else (HTML above all) is a download: shown inline, an
 * uploaded page would appear at the archive's own address, looking like ours.
 */
function originalPresentation(id: string, contentType: string): Record<string, string> {
  if (contentType.split(';')[0].trim().toLowerCase() === 'text/plain')
    return { 'content-type': contentType, 'content-disposition': 'inline' };
  // The name is built from the id and the type only, so no uploaded text reaches the header.
  return {
    'content-type': contentType,
    'content-disposition': `attachment; filename="${originalFileName({ id, contentType })}"`,
  };
}

/**
 * The documents under `/api`: mount with `app.route('/api', documentRoutes(deps))`.
 *
 * @example
 * ```ts
 * const response = await documentRoutes(deps).request('/documents/3f2a9c0d4b1e8a77');
 * ```
 */
export function documentRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = createRouter();
  // Documented through the registry, parsed by readIngestRequest: one upload may be JSON or a form.
  const tokens = writeTokensOf(deps);
  app.openAPIRegistry.registerPath(ingestRoute);
  app.post(
    '/documents',
    requireWriter(tokens),
    auditWrites(deps.archive.audit, 'ingest'),
    limitUploadSize(deps.archive.limits.maxUploadBytes),
    async (c) => {
      const request = await readIngestRequest(c);
      // The uploader is the token's name: every document says who archived it.
      const { ingestDocument } = await loadIngest();
      const result = await ingestDocument(deps.archive, { ...request, uploader: writerOf(c) });
      auditDocument(c, result.id);
      return c.json(result, result.duplicate ? 200 : 201);
    },
  );

  app.openapi(
    { ...deleteRoute, middleware: [requireWriter(tokens), auditWrites(deps.archive.audit, 'delete')] as const },
    async (c) => {
      await deleteDocument(deps.archive, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  app.openapi(documentRoute, async (c) => {
    const document = await readDocument(deps.archive, c.req.valid('param').id);
    const [copies, sameStory] = await Promise.all([
      listLinked(deps.archive, document.id, 'copy'),
      listLinked(deps.archive, document.id, 'story'),
    ]);
    const origin = new URL(c.req.url).origin;
    const quotes = document.quotes.map((quote) => ({
      ...quote,
      anchor: passageAnchor(quote.start, quote.end),
      permalink: `${origin}${quotePath(document.id, quote.start, quote.end)}`,
    }));
    return c.json({ ...document, copies, sameStory, quotes, citation: citeDocument(document, origin) }, 200);
  });

  app.openapi(originalRoute, async (c) => {
    const id = c.req.valid('param').id;
    const original = await readOriginal(deps.archive, id);
    return c.body(original.body as Uint8Array<ArrayBuffer>, 200, {
      ...originalPresentation(id, original.contentType),
      // The original is untrusted: an uploaded HTML page must never run script on our origin.
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox",
      'x-content-type-options': 'nosniff',
    }) as never;
  });
  return app;
}
