/**
 * The one error handler: every failure becomes `{ "error": { "code", "message" } }` with the
 * status its code means. Routes never catch; they throw {@link VerbatimError}.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { VerbatimError } from '../core/errors.ts';

/** Renders the error body; also used for 404s of unknown routes. */
export function errorResponse(c: Context, status: ContentfulStatusCode, code: string, message: string): Response {
  return c.json({ error: { code, message } }, status);
}

/**
 * @example
 * ```ts
 * app.onError(onError);
 * ```
 */
export function onError(error: Error, c: Context): Response {
  if (error instanceof VerbatimError) {
    return errorResponse(c, error.status as ContentfulStatusCode, error.code, error.message);
  }
  if (error instanceof HTTPException) {
    // Middleware that already answered in our shape (bearer-auth's 401, with its WWW-Authenticate).
    if (error.res?.headers.get('content-type')?.startsWith('application/json')) return error.getResponse();
    const code = error.status === 401 ? 'unauthorized' : error.status === 413 ? 'payload_too_large' : 'bad_request';
    return errorResponse(
      c,
      error.status as ContentfulStatusCode,
      code,
      error.message || 'The request could not be processed.',
    );
  }
  // Unexpected: log everything for the operator, tell the user nothing internal.
  console.error('Unhandled error', error);
  return errorResponse(
    c,
    500,
    'internal',
    'Something went wrong on our side; the request was not completed. Try again.',
  );
}
