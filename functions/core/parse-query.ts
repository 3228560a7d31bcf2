/**
 * The search query language: plain words (all must match; `a OR b` for either), "quoted phrases"
 * (those words in that order), -excluded words, and `publisher:` / `speaker:` filters (quote
 * multi-word values: `speaker:"Ilham Aliyev"`).
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
}

/** Longer queries are rejected: nobody types them, and they would make search slow. */
export const MAX_QUERY_LENGTH = 1000;


const TOKEN = /(-?)(?:(\w+):)?(?:["“”]([^"“”]*)["“”]?|(\S+))/gu;


/**
 * @example
 * ```ts
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
  if (query.terms.length === 0 && query.phrases.length === 0 && !query.speaker && !query.publisher) {
    throw new VerbatimError('bad_request', 'The query has no words to search for (only exclusions or punctuation).');
  }
  return query;
}
