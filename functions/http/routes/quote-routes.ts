/** The quote finder: `GET /api/quotes?q=&speaker=&limit=`. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { findQuotes } from '../../app/find-quotes.ts';
import { citeDocument, passagePath } from '../../core/cite-document.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { createRouter } from '../create-router.ts';
import { ErrorSchema, QuoteQuerySchema, QuoteSearchSchema } from '../schemas.ts';

const quotesRoute = createRoute({
  method: 'get',
  path: '/quotes',
  operationId: 'findQuotes',
  security: [],
  summary: 'Find the original of a quote, however it was misremembered, and every document that carries it',
  request: { query: QuoteQuerySchema },
  responses: {
    200: {
      description: 'The best-matching original passages, best first',
      content: { 'application/json': { schema: QuoteSearchSchema } },
    },
    400: { description: 'Bad query', content: { 'application/json': { schema: ErrorSchema } } },
  },
});

/**
 * Mounted under `/api`: `app.route('/api', quoteRoutes(deps))`.
 */
export function quoteRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = createRouter();
  app.openapi(quotesRoute, async (c) => {
    const found = await findQuotes(deps.archive, c.req.valid('query'));
    const origin = new URL(c.req.url).origin;
    const link = (id: string, span: { start: number; end: number }) => ({
      permalink: `${origin}${passagePath(id, span.start, span.end)}`,
    });
    const results = found.results.map((result) => ({
      ...result,
      ...link(result.document.id, result.match),
      citation: citeDocument(result.document, origin),
      alsoIn: result.alsoIn.map((other) => ({ ...other, ...link(other.document.id, other.match) })),
    }));
    return c.json({ ...found, results }, 200);
  });
  return app;
}
