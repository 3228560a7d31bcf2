/**
 * The one Hono app. Lambda (`handlers/api.ts`) and the local server (`handlers/local.ts`) both
 * serve exactly this, built from the same dependencies.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { secureHeaders } from 'hono/secure-headers';
import type { Archive } from '../app/archive.ts';
import type { ApiToken } from '../config.ts';
import { VerbatimError } from '../core/errors.ts';
import { formatZodError } from './format-zod-error.ts';
import { notFound } from './not-found.ts';
import { onError } from './on-error.ts';
import { auditRoutes } from './routes/audit-routes.ts';
import { batchRoutes } from './routes/batch-routes.ts';
import { documentRoutes } from './routes/document-routes.ts';
import { exportRoutes } from './routes/export-routes.ts';
import { healthRoutes } from './routes/health-routes.ts';
import { searchRoutes } from './routes/search-routes.ts';
import { speakerRoutes } from './routes/speaker-routes.ts';
import { quoteRoutes } from './routes/quote-routes.ts';
import { webRoutes } from './routes/web-routes.tsx';

const API_DESCRIPTION = [
  'An archive of source articles: ingest, read, search, check quotes.',
  'Every offset (`start`, `end`, highlights, `?at=`) is a UTF-16 code-unit index into the document `text`, as JavaScript',
  "strings index it: a character outside the Basic Multilingual Plane (an emoji, 𓃠) counts as 2. In Python, index",
  "`text.encode('utf-16-le')` at twice the offset, or convert once with a running count.",
].join(' ');

/** What the app needs: the archive and the write tokens (none: writes are open). */
export interface AppDeps {
  archive: Archive;
  /** Named write tokens, as `loadConfig` validated them. */
  apiTokens?: readonly ApiToken[];
  /** Shorthand for one token named `default`, as `VERBATIM_API_TOKEN` gives. */
  apiToken?: string;
}

/**
 * @example
 * ```ts
 * const app = createApp({ archive, apiTokens: config.apiTokens });
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
  batchRoutes(app, deps);
  documentRoutes(app, deps);
  searchRoutes(app, deps);
  speakerRoutes(app, deps);
  quoteRoutes(app, deps);
  exportRoutes(app, deps);
  auditRoutes(app, deps);
  healthRoutes(app, deps);
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  // The server is whoever answered: the same document serves localhost and the deployed API.
  app.doc('/api/openapi.json', (c) => ({
    openapi: '3.0.0',
    info: { title: 'Verbatim', version: '0.1.0', description: API_DESCRIPTION },
    servers: [{ url: new URL(c.req.url).origin }],
  }));
  webRoutes(app, deps);
  app.notFound(notFound(app));
  app.onError(onError);
  return app;
}
