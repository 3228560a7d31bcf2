/** Zod's issues as one sentence a user can act on. */
import type { z } from '@hono/zod-openapi';

/**
 * @example
 * ```ts
 * formatZodError(error); // 'limit: Too big: expected number to be <=100'
 * ```
 */
export function formatZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
