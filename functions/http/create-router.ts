/** The one way to start a route module: an OpenAPI-documented Hono app whose schema failures are ours. */
import { OpenAPIHono } from '@hono/zod-openapi';
import { VerbatimError } from '../core/errors.ts';
import type { AppEnv } from './app-deps.ts';
import { formatZodError } from './format-zod-error.ts';

/**
 * @example
 * ```ts
 * const documents = createRouter();
 * documents.openapi(documentRoute, handler);
 * app.route('/api', documents);
 * ```
 */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    // Schema failures go through the same error handler as everything else.
    defaultHook: (result) => {
      if (!result.success) throw new VerbatimError('bad_request', formatZodError(result.error));
    },
  });
}
