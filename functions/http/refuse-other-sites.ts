/**
 * The guard of open writes (no token configured). They trust "whoever can reach 127.0.0.1" — which
 * includes any web page the user visits, through their browser. Browsers say where a request comes
 * from (`Sec-Fetch-Site`, else `Origin`), so writes from other sites are refused with 401.
 *
 * hono/csrf makes the call for what a page can send without asking (forms: urlencoded, multipart,
 * text/plain). It lets every other body through, counting on the CORS preflight a cross-site JSON
 * post needs; we refuse those too, as the API has always said (a preflight is the browser's rule,
 * not ours). A request with neither header is no browser's (curl, the import command): let through.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { VerbatimError } from '../core/errors.ts';

/** `Sec-Fetch-Site` values a page of ours (or the user typing) sends. */
const OWN_SITE: Array<'same-origin' | 'none'> = ['same-origin', 'none'];
const REFUSAL = 'Writes without a token are accepted only from this site itself, not from other web pages.';

const isOwnOrigin = (origin: string, c: Context) => origin === new URL(c.req.url).origin;
const formCheck = csrf({ secFetchSite: OWN_SITE, origin: isOwnOrigin });

/** What hono/csrf passes unasked (any non-form body): the same rule, `Sec-Fetch-Site` first. */
function isCrossSite(c: Context): boolean {
  const fetchSite = c.req.header('sec-fetch-site');
  if (fetchSite) return !(OWN_SITE as string[]).includes(fetchSite);
  const origin = c.req.header('origin');
  return origin !== undefined && origin !== 'null' && !isOwnOrigin(origin, c);
}

/**
 * @example
 * ```ts
 * app.post('/api/documents', refuseOtherSites(), handler); // only when no token is configured
 * ```
 */
export function refuseOtherSites(): MiddlewareHandler {
  return async (c, next) => {
    const fromBrowser = c.req.header('sec-fetch-site') !== undefined || c.req.header('origin') !== undefined;
    if (fromBrowser) {
      try {
        // Run as a check only (its `next` does nothing), so errors of the route itself never pass here.
        await formCheck(c, async () => {});
      } catch (error) {
        if (error instanceof HTTPException && error.status === 403) throw new VerbatimError('unauthorized', REFUSAL);
        throw error;
      }
      if (isCrossSite(c)) throw new VerbatimError('unauthorized', REFUSAL);
    }
    await next();
  };
}
