/**
 * The index query a parsed query becomes: which words must match, which may, which must not, and
 * how (typing ahead, typos, word forms), plus the filter over the fields each segment stores.
 */
import { foldTerm, tokenize } from '../text/tokenize.ts';
import type { ParsedQuery } from './parse-query.ts';
import type { IndexQuery, TermClause } from './search-segments.ts';
import type { StoredDocument } from './segment.ts';

/**
 * Turns the parsed query into an index query.
 *
 * @example
 * ```ts
 * toIndexQuery(parseQuery('budget -drone')); // { all: [{ term: 'budget', prefix: true, … }], any: [], none: [{ term: 'drone', forms: true }], filter: undefined }
 * ```
 */
export function toIndexQuery(query: ParsedQuery): IndexQuery {
  // Typing ahead: the last plain word may be the start of a longer one. A plain word matches its
  // other forms too; a word the archive has in no form is looked up fuzzily (a typo), at no cost
  // to words it has. An exact word (`=word`) matches that form only.
  const words: TermClause[] = [
    ...query.terms.map((term, i) => ({
      term,
      prefix: i === query.terms.length - 1 && term.length >= 4,
      fuzzy: true,
      forms: true,
    })),
    ...query.exact.map((term) => ({ term })),
  ];
  // Phrase words match exactly, and must be found in order: the index's positions say where.
  const phraseWords: TermClause[] = query.phrases.flat().map((term) => ({ term }));
  const speakerWords = query.speaker ? speakerClauses(query.speaker) : [];
  const all = [...(query.mode === 'all' ? words : []), ...phraseWords, ...speakerWords];
  return {
    all,
    any: query.mode === 'any' ? words : [],
    none: [...query.excluded.map((term) => ({ term, forms: true })), ...query.excludedExact.map((term) => ({ term }))],
    phrases: query.phrases,
    filter: storedFieldFilter(query),
  };
}

/**
 * The stored-field filters (publisher, publication date), or undefined when there are none.
 *
 * @example
 * ```ts
 * storedFieldFilter(parseQuery('budget year:2020'))!({ id: 'a', publisher: '', publishedAt: '2020-05-01', speakers: [] }); // true
 * ```
 */
export function storedFieldFilter(query: ParsedQuery): ((document: StoredDocument) => boolean) | undefined {
  const publisher = query.publisher ? foldTerm(query.publisher) : null;
  const { from, to } = query;
  if (!publisher && !from && !to) return undefined;
  return (document) => {
    if (publisher && !foldTerm(document.publisher).includes(publisher)) return false;
    // ISO dates compare as strings; a document without a date cannot satisfy a date filter.
    const date = document.publishedAt;
    if ((from || to) && !date) return false;
    return (!from || date >= from) && (!to || date < to);
  };
}

/**
 * The words of a speaker's name as clauses on the speakers field.
 *
 * @example
 * ```ts
 * speakerClauses('Ana Ruiz'); // [{ term: 'ana', fields: ['speakers'] }, { term: 'ruiz', fields: ['speakers'] }]
 * ```
 */
export function speakerClauses(name: string): TermClause[] {
  return tokenize(name).map((token) => ({ term: token.folded, fields: ['speakers'] }));
}
