/** Full-text search: `GET /api/search?q=&limit=&offset=`. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { searchArchive } from '../../app/search-archive.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { createRouter } from '../create-router.ts';
import { ErrorSchema, SearchPageSchema, SearchQuerySchema } from '../schemas.ts';

const searchRoute = createRoute({
  method: 'get',
  path: '/search',
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
 * Mounted under `/api`: `app.route('/api', searchRoutes(deps))`.
 */
export function searchRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = createRouter();
  app.openapi(searchRoute, async (c) => c.json(await searchArchive(deps.archive, c.req.valid('query')), 200));
  return app;
}
