/**
 * The one Hono app. Lambda (`handlers/api.ts`) and the local server (`handlers/local.ts`) both
 * serve exactly this, built from the same dependencies.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps } from './app-deps.ts';
import { notFound } from './not-found.ts';
import { onError } from './on-error.ts';
import { auditRoutes } from './routes/audit-routes.ts';
import { batchRoutes } from './routes/batch-routes.ts';
import { documentRoutes } from './routes/document-routes.ts';
import { exportRoutes } from './routes/export-routes.ts';
import { extractRoutes } from './routes/extract-routes.ts';
import { healthRoutes } from './routes/health-routes.ts';
import { searchRoutes } from './routes/search-routes.ts';
import { speakerRoutes } from './routes/speaker-routes.ts';
import { quoteRoutes } from './routes/quote-routes.ts';
import { webRoutes } from './routes/web-routes.ts';

const API_DESCRIPTION = [
  'An archive of source articles: ingest, read, search, check quotes.',
  'Every offset (`start`, `end`, highlights, `?at=`) is a UTF-16 code-unit index into the document `text`, as JavaScript',
  'strings index it: a character outside the Basic Multilingual Plane (an emoji, 𓃠) counts as 2. In Python, index',
  "`text.encode('utf-16-le')` at twice the offset, or convert once with a running count.",
].join(' ');

/**
 * @example
 * ```ts
 * const app = createApp({ archive, apiTokens: config.apiTokens });
 * const response = await app.request('/api/search?q=embassy');
 * ```
 */
export function createApp(deps: AppDeps): OpenAPIHono {
  // The root only mounts: every route, and so every schema check, lives in a sub-app.
  const app = new OpenAPIHono();
  app.use('*', secureHeaders());
  // Each feature is a sub-app taking its deps; the order is the OpenAPI document's order of paths.
  for (const routes of [
    batchRoutes,
    documentRoutes,
    searchRoutes,
    speakerRoutes,
    quoteRoutes,
    exportRoutes,
    auditRoutes,
    healthRoutes,
    extractRoutes,
  ]) {
    app.route('/api', routes(deps));
  }
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  // The server is whoever answered: the same document serves localhost and the deployed API.
  app.doc('/api/openapi.json', (c) => ({
    openapi: '3.0.0',
    info: { title: 'Verbatim', version: '0.1.0', description: API_DESCRIPTION },
    servers: [{ url: new URL(c.req.url).origin }],
  }));
  // Pages last: their sub-app has its own error handler (HTML), the API keeps the JSON one.
  app.route('/', webRoutes(deps));
  app.notFound(notFound(app));
  app.onError(onError);
  return app;
}
