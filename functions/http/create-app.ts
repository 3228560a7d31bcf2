/**
 * The one Hono app. Lambda (`handlers/api.ts`) and the local server (`handlers/local.ts`) both
 * serve exactly this, built from the same dependencies.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { secureHeaders } from 'hono/secure-headers';
import type { Archive } from '../app/archive.ts';
import { VerbatimError } from '../core/errors.ts';
import { formatZodError } from './format-zod-error.ts';
import { errorResponse, onError } from './on-error.ts';
import { documentRoutes } from './routes/document-routes.ts';
import { healthRoutes } from './routes/health-routes.ts';
import { searchRoutes } from './routes/search-routes.ts';
import { quoteRoutes } from './routes/quote-routes.ts';
import { webRoutes } from './routes/web-routes.tsx';

/** What the app needs: the archive and the write token (none: writes are open). */
export interface AppDeps {
  archive: Archive;
  apiToken?: string;
}

/**
 * @example
 * ```ts
 * const app = createApp({ archive, apiToken: config.apiToken });
 * const response = await app.request('/api/search?q=embassy');
 * ```
 */
export function createApp(deps: AppDeps): OpenAPIHono {
  const app = new OpenAPIHono({
    // Schema failures go through the same error handler as everything else.
    defaultHook: (result) => {
      if (!result.success) throw new VerbatimError('bad_request', formatZodError(result.error));
    },
  });
  app.use('*', secureHeaders());
  documentRoutes(app, deps);
  searchRoutes(app, deps);
  quoteRoutes(app, deps);
  healthRoutes(app, deps);
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  app.doc('/api/openapi.json', {
    openapi: '3.0.0',
    info: { title: 'Verbatim', version: '0.1.0', description: 'An archive of source articles: ingest, read, search, check quotes.' },
  });
  webRoutes(app, deps);
  app.notFound((c) => errorResponse(c, 404, 'not_found', `No route for ${c.req.method} ${c.req.path}.`));
  app.onError(onError);
  return app;
}
