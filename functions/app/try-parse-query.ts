/** A query as a person typed it: parsed, or the parser's reason as a message to show them. */
import { VerbatimError } from '../core/errors.ts';
import { parseQuery, type ParsedQuery } from '../core/search/index.ts';

/** Either the parsed query, or why it could not be parsed (never both). */
export type QueryAttempt = { parsed: ParsedQuery; error: null } | { parsed: null; error: string };

/**
 * Pages show a query the parser rejects as a message on the page rather than as an error page;
 * only the parser's own refusals (400) become messages, anything else still throws.
 *
 * @example
 * ```ts
 * tryParseQuery('year:20x'); // => { parsed: null, error: '"year:20x" is not a date filter …' }
 * ```
 */
export function tryParseQuery(q: string): QueryAttempt {
  try {
    return { parsed: parseQuery(q), error: null };
  } catch (error) {
    if (error instanceof VerbatimError && error.status === 400) return { parsed: null, error: error.message };
    throw error;
  }
}
