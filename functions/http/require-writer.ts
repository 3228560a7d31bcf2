/**
 * The one auth check for write routes: `Authorization: Bearer <token>` (hono/bearer-auth) against
 * the configured named tokens; the matching token's name becomes the writer, which the uploader
 * field and the audit log record. With no token configured, writes are open — the local server
 * then binds to 127.0.0.1 only and says so, and other sites' pages are refused
 * ({@link refuseOtherSites}); the deployed stack always configures one.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { timingSafeEqual } from 'hono/utils/buffer';
import { DEFAULT_TOKEN_NAME, type ApiToken } from '../config.ts';
import type { AppDeps, AppEnv } from './app-deps.ts';
import { refuseOtherSites } from './refuse-other-sites.ts';

/** Who writes when no token is configured (open writes, this machine only). */
export const OPEN_WRITER = 'local';
const HOW_TO = 'send "Authorization: Bearer <token>"';

/** Every refusal is a 401 with our JSON body; bearer-auth adds the `WWW-Authenticate: Bearer` challenge. */
const refuse = (message: string) => () =>
  new Response(JSON.stringify({ error: { code: 'unauthorized', message } }), {
    status: 401,
    headers: { 'content-type': 'application/json' },
  });

/**
 * The name of the token that matches. bearer-auth's own `token: [...]` option says only "one
 * matched", not which, so the comparison is ours — against every token, in constant time, with no
 * early exit: timing says nothing about which token, or how much of one, matched.
 */
async function tokenName(tokens: readonly ApiToken[], given: string): Promise<string | null> {
  const matches = await Promise.all(tokens.map(({ token }) => timingSafeEqual(token, given)));
  const index = matches.indexOf(true);
  return index === -1 ? null : tokens[index].name;
}

/** Every write token the app accepts: the named ones and the `apiToken` shorthand. */
export function writeTokensOf(deps: Pick<AppDeps, 'apiToken' | 'apiTokens'>): readonly ApiToken[] {
  return [...(deps.apiToken ? [{ name: DEFAULT_TOKEN_NAME, token: deps.apiToken }] : []), ...(deps.apiTokens ?? [])];
}

/** The writer the auth check let through: a token's name, or {@link OPEN_WRITER}. */
export function writerOf(c: Context<AppEnv>): string {
  return c.get('writer') ?? OPEN_WRITER;
}

/**
 * @example
 * ```ts
 * app.post('/api/documents', requireWriter(writeTokensOf(deps)), (c) => c.text(writerOf(c)));
 * ```
 */
export function requireWriter(tokens: readonly ApiToken[]): MiddlewareHandler<AppEnv> {
  if (tokens.length === 0) return refuseOtherSites();
  return bearerAuth({
    verifyToken: async (given, c) => {
      const name = await tokenName(tokens, given);
      if (name !== null) c.set('writer', name);
      return name !== null;
    },
    noAuthenticationHeader: { message: refuse(`Writing needs a token: ${HOW_TO}.`) },
    // A bare token (no "Bearer ") is refused like a wrong one: 401, so clients ask for the token again.
    invalidAuthenticationHeader: { message: refuse(`The Authorization header is malformed: ${HOW_TO}.`) },
    invalidToken: { message: refuse(`That token is not valid: ${HOW_TO} with a configured token.`) },
  });
}
