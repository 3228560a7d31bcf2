/** Full-text search: `GET /api/search?q=&limit=&offset=`. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { searchArchive } from '../../app/search-archive.ts';
import type { AppDeps } from '../create-app.ts';
import { ErrorSchema, SearchPageSchema, SearchQuerySchema } from '../schemas.ts';

const searchRoute = createRoute({
  method: 'get',
  path: '/api/search',
  operationId: 'search',
  security: [],
  summary: 'Search the archive; passages carry offsets into the document text',
  request: { query: SearchQuerySchema },
  responses: {
    200: { description: 'A page of results', content: { 'application/json': { schema: SearchPageSchema } } },
    400: { description: 'Bad query', content: { 'application/json': { schema: ErrorSchema } } },
  },
});

/**
 * @example
 * ```ts
 * searchRoutes(app, deps);
 * ```
 */
export function searchRoutes(app: OpenAPIHono, deps: AppDeps): void {
  app.openapi(searchRoute, async (c) => c.json(await searchArchive(deps.archive, c.req.valid('query')), 200));
}
