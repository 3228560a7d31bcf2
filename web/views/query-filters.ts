/**
 * Facet links and "remove this filter" links edit the query text itself, so the query box always
 * shows exactly what is being searched and every result page is a plain, shareable GET URL.
 */

/** The filters a query can carry (see `functions/core/search/parse-query.ts`). */
export type FilterField = 'publisher' | 'speaker' | 'year' | 'after' | 'before';

const FILTER = /(^|\s)(publisher|speaker|year|after|before):(?:["“”]([^"“”]*)["“”]?|(\S+))/gi;

/** A filter present in a query, with the query as it would be without it. */
export interface ActiveFilter {
  field: FilterField;
  value: string;
  without: string;
}

const tidy = (q: string) => q.replace(/\s+/g, ' ').trim();
const quoteValue = (value: string) => (/^[\p{L}\p{N}-]+$/u.test(value) ? value : `"${value.replace(/["“”]/g, '')}"`);

/**
 * @example
 * ```ts
 * activeFilters('embassy year:2020'); // [{ field: 'year', value: '2020', without: 'embassy' }]
 * ```
 */
export function activeFilters(q: string): ActiveFilter[] {
  return [...q.matchAll(FILTER)].map((match) => ({
    field: match[2].toLowerCase() as FilterField,
    value: match[3] ?? match[4] ?? '',
    without: tidy(q.slice(0, match.index) + match[1] + q.slice(match.index + match[0].length)),
  }));
}

/**
 * The query with `field` set to `value` (replacing any earlier value of that field).
 *
 * @example
 * ```ts
 * withFilter('embassy publisher:BBC', 'publisher', 'Wikinews'); // 'embassy publisher:Wikinews'
 * withFilter('embassy', 'speaker', 'Ana Ruiz');                  // 'embassy speaker:"Ana Ruiz"'
 * ```
 */
export function withFilter(q: string, field: FilterField, value: string): string {
  const kept = q.replace(FILTER, (whole, space: string, name: string) =>
    name.toLowerCase() === field ? space : whole,
  );
  return tidy(`${kept} ${field}:${quoteValue(value)}`);
}

/** The query with every filter removed: what a no-hits page suggests first. */
export function withoutFilters(q: string): string {
  return tidy(q.replace(FILTER, '$1'));
}

/** The URL of a search. */
export function searchHref(q: string, page = 1): string {
  return `/?q=${encodeURIComponent(q)}${page > 1 ? `&page=${page}` : ''}`;
}
