/**
 * Search: MiniSearch finds candidates (a bag of words), then the stored text decides what a bag of
 * words cannot — whether a "phrase" really occurs in that order — and supplies the passages.
 */
import type { Query, SearchResult } from 'minisearch';
import type { Quote } from '../core/document.ts';
import { findPassages, matchingQuotes, type Passage } from '../core/find-passages.ts';
import { parseQuery, type ParsedQuery } from '../core/parse-query.ts';
import { DEFAULT_SEARCH_OPTIONS, foldTerm, type SearchIndex } from '../core/search-index.ts';
import { findPhrase, tokenize } from '../core/text-tokens.ts';
import type { Archive } from './archive.ts';

/** One search hit: the document, its best passages, and its quotes that match the query. */
export interface SearchHit {
  id: string;
  title: string;
  publisher: string | null;
  publishedAt: string | null;
  score: number;
  passages: Passage[];
  quotes: Quote[];
}

/** A page of search results. */
export interface SearchPage {
  total: number;
  results: SearchHit[];
  tookMs: number;
}

/** Phrase candidates beyond this many are not verified; `total` then counts verified ones only. */
const MAX_PHRASE_CANDIDATES = 2000;

/** Turns the parsed query into MiniSearch's query tree. */
function toMiniSearchQuery(query: ParsedQuery): Query {
  const required: Query[] = [];
  if (query.terms.length > 0) {
    required.push({ queries: query.terms, combineWith: query.mode === 'any' ? 'OR' : 'AND' });
  }
  for (const phrase of query.phrases) {
    // Phrase words must match exactly: the verification on the text compares them exactly.
    required.push({ queries: phrase, combineWith: 'AND', prefix: false, fuzzy: false });
  }
  if (query.speaker) {
    required.push({ queries: [query.speaker], fields: ['speakers'], combineWith: 'AND', prefix: false, fuzzy: false });
  }
  const positive: Query = required.length > 0 ? { queries: required, combineWith: 'AND' } : '*';
  if (query.excluded.length === 0) return positive;
  return { queries: [positive, { queries: query.excluded, combineWith: 'OR', prefix: false, fuzzy: false }], combineWith: 'AND_NOT' };
}

function candidates(index: SearchIndex, query: ParsedQuery): SearchResult[] {
  const publisher = query.publisher ? foldTerm(query.publisher) : null;
  const miniQuery = toMiniSearchQuery(query);
  return index.search(miniQuery as Query, {
    ...DEFAULT_SEARCH_OPTIONS,
    filter: publisher ? (hit) => foldTerm(String(hit.publisher ?? '')).includes(publisher) : undefined,
  });
}

/**
 * @example
 * ```ts
 * const page = await searchArchive(archive, { q: '"strong protest was expressed"', limit: 10, offset: 0 });
 * page.results[0].passages[0].highlights; // [[start, end]] offsets into the document text
 * ```
 */
export async function searchArchive(archive: Archive, input: { q: string; limit: number; offset: number }): Promise<SearchPage> {
  const started = performance.now();
  const query = parseQuery(input.q);
  let hits = candidates(await archive.index.current(), query);
  if (query.phrases.length > 0) {
    const pool = hits.slice(0, MAX_PHRASE_CANDIDATES);
    const documents = await archive.documents.getMany(pool.map((h) => String(h.id)));
    hits = pool.filter((hit) => {
      const document = documents.get(String(hit.id));
      if (!document) return false;
      const tokens = tokenize(document.text);
      return query.phrases.every((phrase) => findPhrase(tokens, phrase).length > 0);
    });
  }
  const page = hits.slice(input.offset, input.offset + input.limit);
  const documents = await archive.documents.getMany(page.map((h) => String(h.id)));
  const results: SearchHit[] = [];
  for (const hit of page) {
    const document = documents.get(String(hit.id));
    if (!document) continue;
    results.push({
      id: document.id,
      title: document.title,
      publisher: document.publisher,
      publishedAt: document.publishedAt,
      score: Math.round(hit.score * 1000) / 1000,
      passages: findPassages(document, query),
      quotes: matchingQuotes(document.quotes, query),
    });
  }
  return { total: hits.length, results, tookMs: Math.round((performance.now() - started) * 100) / 100 };
}
