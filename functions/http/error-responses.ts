/** OpenAPI response entries for error statuses: every error has the same `{ error }` body. */
import { ErrorSchema } from './schemas.ts';

/**
 * @example
 * ```ts
 * createRoute({ …, responses: { 200: …, ...errorResponses(400, 404) } });
 * ```
 */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((s) => [s, { description: 'Error', content: { 'application/json': { schema: ErrorSchema } } }]),
  );
}
