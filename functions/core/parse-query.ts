/**
 * The search query language: plain words (all must match; `a OR b` for either), "quoted phrases"
 * (those words in that order), -excluded words, `publisher:` / `speaker:` filters (quote
 * multi-word values: `speaker:"Ilham Aliyev"`), and publication-date filters: `year:2020`,
 * `after:2019-06` (on or after) and `before:2020-01-01` (earlier than).
 */
import { VerbatimError } from './errors.ts';
import { tokenize } from './text-tokens.ts';

/** A parsed search query. */
export interface ParsedQuery {
  /** Words that must all appear (outside phrases). */
  terms: string[];
  /** Each phrase as its words, in order. */
  phrases: string[][];
  /** Words that must not appear. */
  excluded: string[];
  /** `all` unless the words were joined with OR, then any one of them may match. */
  mode: 'all' | 'any';
  publisher?: string;
  speaker?: string;
  /** Publication date lower bound, inclusive: an ISO date prefix (`2020`, `2020-06`, `2020-06-01`). */
  from?: string;
  /** Publication date upper bound, exclusive: an ISO date prefix. */
  to?: string;
}

/** Longer queries are rejected: nobody types them, and they would make search slow. */
export const MAX_QUERY_LENGTH = 1000;

const TOKEN = /(-?)(?:(\w+):)?(?:["“”]([^"“”]*)["“”]?|(\S+))/gu;
const DATE_PREFIX = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/** Applies `year:`, `after:` or `before:`; dates are ISO prefixes so string order is date order. */
function applyDateFilter(query: ParsedQuery, field: 'year' | 'after' | 'before', value: string): void {
  const year = field === 'year' ? /^(\d{4})$/.exec(value) : null;
  if (field === 'year' ? !year : !DATE_PREFIX.test(value)) {
    const example = field === 'year' ? 'year:2020' : `${field}:2020-06-01`;
    throw new VerbatimError('bad_request', `"${field}:${value}" is not a date filter Verbatim understands; write it like ${example}.`);
  }
  if (year) {
    query.from = year[1];
    query.to = String(Number(year[1]) + 1);
  } else if (field === 'after') query.from = value;
  else query.to = value;
}


/**
 * @example
 * ```ts
 * parseQuery('protest year:2020'); // { terms: ['protest'], …, from: '2020', to: '2021' }
 * parseQuery('embassy "strong protest" -drone publisher:Wikinews');
 * // { terms: ['embassy'], phrases: [['strong', 'protest']], excluded: ['drone'], mode: 'all', publisher: 'Wikinews' }
 * ```
 */
export function parseQuery(raw: string): ParsedQuery {
  const input = raw.trim();
  if (input.length === 0) throw new VerbatimError('bad_request', 'The query is empty: type some words to search for.');
  if (input.length > MAX_QUERY_LENGTH) {
    throw new VerbatimError('bad_request', `The query is ${input.length} characters long; the limit is ${MAX_QUERY_LENGTH}.`);
  }
  const query: ParsedQuery = { terms: [], phrases: [], excluded: [], mode: 'all' };
  for (const match of input.matchAll(TOKEN)) {
    const [, minus, field, quoted, bare] = match;
    const value = quoted ?? bare ?? '';
    const fieldName = field?.toLowerCase();
    if (fieldName === 'publisher' || fieldName === 'speaker') {
      if (value.trim()) query[fieldName] = value.trim();
      continue;
    }
    if (fieldName === 'year' || fieldName === 'after' || fieldName === 'before') {
      applyDateFilter(query, fieldName, value.trim());
      continue;
    }
    if (quoted === undefined && !minus && (value === 'OR' || value === '|')) {
      query.mode = 'any';
      continue;
    }
    const tokens = tokenize(field ? `${field} ${value}` : value).map((t) => t.folded);
    if (tokens.length === 0 || value === 'AND') continue;
    if (minus) query.excluded.push(...tokens);
    else if (quoted !== undefined && tokens.length > 1) query.phrases.push(tokens);
    else query.terms.push(...tokens);
  }
  if (query.terms.length === 0 && query.phrases.length === 0 && !query.speaker && !query.publisher && !query.from && !query.to) {
    throw new VerbatimError('bad_request', 'The query has no words to search for (only exclusions or punctuation).');
  }
  return query;
}
