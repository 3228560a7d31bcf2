/**
 * The search query language: plain words (all must match, in any of their forms: "embassies" finds
 * "embassy"; `a OR b` for either), `=word` or one "quoted" word for that exact form only, "quoted
 * phrases" (those words in that order, exactly), -excluded words (and their forms), `publisher:` / `speaker:` filters (quote
 * multi-word values: `speaker:"Ilham Aliyev"`), and publication-date filters: `year:2020`,
 * `after:2019-06` (on or after) and `before:2020-01-01` (earlier than).
 */
import { VerbatimError } from '../errors.ts';
import { tokenize } from '../text/tokenize.ts';

/** A parsed search query. */
export interface ParsedQuery {
  /** Words that must all appear (outside phrases), each in any of its forms. */
  terms: string[];
  /** Words that must appear in exactly this form: `=embassies`, or one word in quotes. */
  exact: string[];
  /** Each phrase as its words, in order. */
  phrases: string[][];
  /** Words that must not appear, in any of their forms. */
  excluded: string[];
  /** Words that must not appear in exactly this form: `-=word`, or `-"word"`. */
  excludedExact: string[];
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
/** `=word`: this form of the word only. */
const EXACT_MARK = '=';
const DATE_PREFIX = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/** Applies `year:`, `after:` or `before:`; dates are ISO prefixes so string order is date order. */
function applyDateFilter(query: ParsedQuery, field: 'year' | 'after' | 'before', value: string): void {
  const year = field === 'year' ? /^(\d{4})$/.exec(value) : null;
  if (field === 'year' ? !year : !DATE_PREFIX.test(value)) {
    const example = field === 'year' ? 'year:2020' : `${field}:2020-06-01`;
    throw new VerbatimError(
      'bad_request',
      `"${field}:${value}" is not a date filter Verbatim understands; write it like ${example}.`,
    );
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
 * parseQuery('embassy =protests "strong protest" -drone publisher:Wikinews');
 * // { terms: ['embassy'], exact: ['protests'], phrases: [['strong', 'protest']], excluded: ['drone'], excludedExact: [], mode: 'all', publisher: 'Wikinews' }
 * ```
 */
export function parseQuery(raw: string): ParsedQuery {
  const input = raw.trim();
  if (input.length === 0) throw new VerbatimError('bad_request', 'The query is empty: type some words to search for.');
  if (input.length > MAX_QUERY_LENGTH) {
    throw new VerbatimError(
      'bad_request',
      `The query is ${input.length} characters long; the limit is ${MAX_QUERY_LENGTH}.`,
    );
  }
  const query: ParsedQuery = { terms: [], exact: [], phrases: [], excluded: [], excludedExact: [], mode: 'all' };
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
    const exact = (quoted !== undefined && tokens.length === 1) || (!field && bare?.startsWith(EXACT_MARK));
    if (minus) (exact ? query.excludedExact : query.excluded).push(...tokens);
    else if (quoted !== undefined && tokens.length > 1) query.phrases.push(tokens);
    else if (exact) query.exact.push(...tokens);
    else query.terms.push(...tokens);
  }
  if (
    query.terms.length === 0 &&
    query.exact.length === 0 &&
    query.phrases.length === 0 &&
    !query.speaker &&
    !query.publisher &&
    !query.from &&
    !query.to
  ) {
    throw new VerbatimError('bad_request', 'The query has no words to search for (only exclusions or punctuation).');
  }
  return query;
}
