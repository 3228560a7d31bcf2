/**
 * The answer for a request no route takes: 405 with `Allow` when the path exists under other
 * methods (Hono itself would say 404), else 404. Both in the API's JSON error shape.
 */
import type { Context, NotFoundHandler } from 'hono';
import { errorResponse } from './on-error.ts';

/** `/api/documents/:id` → a regex for concrete paths (Hono's param syntax; OpenAPI `{id}` is converted on registration). */
function pathPattern(path: string): RegExp {
  const escaped = path
    .split('/')
    .map((part) =>
      part.startsWith(':') ? '[^/]+' : part === '*' ? '.*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    );
  return new RegExp(`^${escaped.join('/')}/?$`);
}

/**
 * @example
 * ```ts
 * app.notFound(notFound(app));
 * ```
 */
export function notFound(app: { routes: ReadonlyArray<{ method: string; path: string }> }): NotFoundHandler {
  let routes: Array<{ method: string; pattern: RegExp }> | null = null;
  return (c: Context) => {
    // Built on first use, once every route is registered.
    routes ??= app.routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => ({ method: r.method, pattern: pathPattern(r.path) }));
    const allowed = [...new Set(routes.filter((r) => r.pattern.test(c.req.path)).map((r) => r.method))];
    if (allowed.length > 0) {
      if (allowed.includes('GET')) allowed.push('HEAD');
      c.header('allow', allowed.join(', '));
      return errorResponse(
        c,
        405,
        'method_not_allowed',
        `${c.req.method} is not allowed on ${c.req.path}; use ${allowed.join(' or ')}.`,
      );
    }
    return errorResponse(c, 404, 'not_found', `No route for ${c.req.method} ${c.req.path}.`);
  };
}
