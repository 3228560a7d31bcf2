/**
 * Exports: `GET /api/documents/{id}/citation?format=` (BibTeX, RIS, CSL-JSON) and
 * `GET /api/search/export?q=&format=` (a page of results as citations, CSV or JSON Lines).
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  EXPORT_FORMATS,
  exportDocumentCitation,
  exportSearchResults,
  type ExportFile,
} from '../../app/export-citations.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { createRouter } from '../create-router.ts';
import { errorResponses } from '../error-responses.ts';
import { IdParamSchema, SearchQuerySchema } from '../schemas.ts';

const CitationQuerySchema = z.object({
  format: z.enum(['bibtex', 'ris', 'csl-json']).default('bibtex').openapi({ description: 'BibTeX, RIS or CSL-JSON' }),
});

const ExportQuerySchema = SearchQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(100).default(100),
  format: z.enum(EXPORT_FORMATS).default('csv').openapi({ description: 'bibtex, ris, csl-json, csv or jsonl' }),
});

const citationRoute = createRoute({
  method: 'get',
  path: '/documents/{id}/citation',
  operationId: 'getCitation',
  security: [],
  summary: 'A citation of the document for a reference manager',
  request: { params: IdParamSchema, query: CitationQuerySchema },
  responses: { 200: { description: 'The citation file' }, ...errorResponses(400, 404) },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/search/export',
  operationId: 'exportSearch',
  security: [],
  summary: 'A page of search results as citations, CSV or JSON Lines',
  request: { query: ExportQuerySchema },
  responses: { 200: { description: 'The export file' }, ...errorResponses(400) },
});

function send(c: Context, file: ExportFile) {
  return c.body(file.body, 200, {
    'content-type': file.contentType,
    'content-disposition': `attachment; filename="${file.filename}"`,
    'x-content-type-options': 'nosniff',
  });
}

/**
 * Mounted under `/api`: `app.route('/api', exportRoutes(deps))`.
 */
export function exportRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = createRouter();
  app.openapi(citationRoute, async (c) => {
    const { id } = c.req.valid('param');
    return send(
      c,
      await exportDocumentCitation(deps.archive, id, c.req.valid('query').format, new URL(c.req.url).origin),
    ) as never;
  });
  app.openapi(exportRoute, async (c) => {
    const { format, ...query } = c.req.valid('query');
    return send(c, await exportSearchResults(deps.archive, query, format, new URL(c.req.url).origin)) as never;
  });
  return app;
}
