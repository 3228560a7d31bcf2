/**
 * The one auth check for write routes: `Authorization: Bearer <token>` (hono/bearer-auth) against
 * the configured named tokens; the matching token's name becomes the writer, which the uploader
 * field and the audit log record. With no token configured, writes are open — the local server
 * then binds to 127.0.0.1 only and says so; the deployed stack always configures one.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { DEFAULT_TOKEN_NAME, type ApiToken } from '../config.ts';
import type { AppDeps } from './create-app.ts';
import { VerbatimError } from '../core/errors.ts';

/** Who writes when no token is configured (open writes, this machine only). */
export const OPEN_WRITER = 'local';
const WRITER = 'writer';
const HOW_TO = 'send "Authorization: Bearer <token>"';

function isCrossSite(fetchSite: string | undefined, origin: string | undefined, url: string): boolean {
  if (fetchSite) return fetchSite !== 'same-origin' && fetchSite !== 'none';
  return origin !== undefined && origin !== 'null' && origin !== new URL(url).origin;
}

/** Every refusal is a 401 with our JSON body; bearer-auth adds the `WWW-Authenticate: Bearer` challenge. */
const refuse = (message: string) => () =>
  new Response(JSON.stringify({ error: { code: 'unauthorized', message } }), { status: 401, headers: { 'content-type': 'application/json' } });

const digest = (text: string) => createHash('sha256').update(text).digest();

/** The name of the token that matches, comparing against every token in constant time. */
function tokenName(tokens: readonly ApiToken[], given: string): string | null {
  const wanted = digest(given);
  let found: string | null = null;
  // Equal-length digests and no early exit: timing says nothing about which token, or how much, matched.
  for (const { name, token } of tokens) if (timingSafeEqual(digest(token), wanted) && found === null) found = name;
  return found;
}

/** Every write token the app accepts: the named ones and the `apiToken` shorthand. */
export function writeTokensOf(deps: Pick<AppDeps, 'apiToken' | 'apiTokens'>): readonly ApiToken[] {
  return [...(deps.apiToken ? [{ name: DEFAULT_TOKEN_NAME, token: deps.apiToken }] : []), ...(deps.apiTokens ?? [])];
}

/** The writer the auth check let through: a token's name, or {@link OPEN_WRITER}. */
export function writerOf(c: Context): string {
  return (c.get(WRITER as never) as string | undefined) ?? OPEN_WRITER;
}

/**
 * @example
 * ```ts
 * app.post('/api/documents', requireToken(config.apiTokens), (c) => c.text(writerOf(c)));
 * ```
 */
export function requireToken(tokens: readonly ApiToken[]): MiddlewareHandler {
  if (tokens.length === 0) {
    return async (c, next) => {
      // Open writes trust "whoever can reach 127.0.0.1" — which includes any web page the user
      // visits, through their browser. Browsers say where a request comes from: refuse other sites.
      // (hono/csrf does not fit: it lets JSON bodies through, counting on a CORS preflight.)
      if (isCrossSite(c.req.header('sec-fetch-site'), c.req.header('origin'), c.req.url)) {
        throw new VerbatimError('unauthorized', 'Writes without a token are accepted only from this site itself, not from other web pages.');
      }
      await next();
    };
  }
  return bearerAuth({
    verifyToken: (given, c) => {
      const name = tokenName(tokens, given);
      if (name !== null) c.set(WRITER as never, name as never);
      return name !== null;
    },
    noAuthenticationHeader: { message: refuse(`Writing needs a token: ${HOW_TO}.`) },
    // A bare token (no "Bearer ") is refused like a wrong one: 401, so clients ask for the token again.
    invalidAuthenticationHeader: { message: refuse(`The Authorization header is malformed: ${HOW_TO}.`) },
    invalidToken: { message: refuse(`That token is not valid: ${HOW_TO} with a configured token.`) },
  });
}
