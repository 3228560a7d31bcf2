/** The quote finder: `GET /api/quotes?q=&speaker=&limit=`. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { findQuotes } from '../../app/find-quotes.ts';
import type { AppDeps } from '../create-app.ts';
import { ErrorSchema, QuoteQuerySchema, QuoteSearchSchema } from '../schemas.ts';

const quotesRoute = createRoute({
  method: 'get',
  path: '/api/quotes',
  summary: 'Find the original of a quote, however it was misremembered, and every document that carries it',
  request: { query: QuoteQuerySchema },
  responses: {
    200: { description: 'The best-matching original passages, best first', content: { 'application/json': { schema: QuoteSearchSchema } } },
    400: { description: 'Bad query', content: { 'application/json': { schema: ErrorSchema } } },
  },
});

/**
 * @example
 * ```ts
 * quoteRoutes(app, deps);
 * ```
 */
export function quoteRoutes(app: OpenAPIHono, deps: AppDeps): void {
  app.openapi(quotesRoute, async (c) => c.json(await findQuotes(deps.archive, c.req.valid('query')), 200));
}
