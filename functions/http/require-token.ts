/**
 * The one auth check for write routes: `Authorization: Bearer <token>` against the configured
 * token. With no token configured, writes are open — the local server then binds to 127.0.0.1
 * only and says so; the deployed stack always configures one.
 */
import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { VerbatimError } from '../core/errors.ts';

function isCrossSite(fetchSite: string | undefined, origin: string | undefined, url: string): boolean {
  if (fetchSite) return fetchSite !== 'same-origin' && fetchSite !== 'none';
  return origin !== undefined && origin !== 'null' && origin !== new URL(url).origin;
}

/**
 * @example
 * ```ts
 * app.post('/api/documents', requireToken(config.apiToken), handler);
 * ```
 */
export function requireToken(token: string | undefined): MiddlewareHandler {
  const expected = token ? Buffer.from(token) : null;
  return async (c, next) => {
    if (!expected && isCrossSite(c.req.header('sec-fetch-site'), c.req.header('origin'), c.req.url)) {
      // Open writes trust "whoever can reach 127.0.0.1" — which includes any web page the user
      // visits, through their browser. Browsers say where a request comes from: refuse other sites.
      throw new VerbatimError('unauthorized', 'Writes without a token are accepted only from this site itself, not from other web pages.');
    }
    if (expected) {
      const given = Buffer.from((c.req.header('authorization') ?? '').replace(/^Bearer\s+/i, ''));
      // Constant-time comparison, so response timing does not leak how much of a guess was right.
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw new VerbatimError('unauthorized', 'Writing needs a valid token: send "Authorization: Bearer <token>".');
      }
    }
    await next();
  };
}
