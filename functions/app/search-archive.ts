/**
 * Search: MiniSearch finds candidates (a bag of words), then the stored text decides what a bag of
 * words cannot — whether a "phrase" really occurs in that order — and supplies the passages.
 */
import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import type { Quote } from '../core/document.ts';
import { findPassages, matchingQuotes, type Passage } from '../core/find-passages.ts';
import { parseQuery, type ParsedQuery } from '../core/parse-query.ts';
import { DEFAULT_SEARCH_OPTIONS, SPEAKER_SEPARATOR, type SearchIndex } from '../core/search-index.ts';
import { foldTerm, findPhrase, tokenize } from '../core/text-tokens.ts';
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

/** One value of a facet and how many of all the hits (not just this page) have it. */
export interface FacetCount {
  value: string;
  count: number;
}

/** Counts over every hit of a query, to narrow it by publisher, publication year or speaker. */
export interface SearchFacets {
  publishers: FacetCount[];
  years: FacetCount[];
  speakers: FacetCount[];
}

/** A page of search results. */
export interface SearchPage {
  total: number;
  results: SearchHit[];
  facets: SearchFacets;
  tookMs: number;
}

/** A facet lists at most this many values: the most frequent. */
const MAX_FACET_VALUES = 12;

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
  // Filters alone (`year:2020`, `publisher:x`) match every document; the stored-field filter narrows.
  const positive: Query = required.length > 0 ? { queries: required, combineWith: 'AND' } : MiniSearch.wildcard;
  if (query.excluded.length === 0) return positive;
  return { queries: [positive, { queries: query.excluded, combineWith: 'OR', prefix: false, fuzzy: false }], combineWith: 'AND_NOT' };
}

/** The stored-field filters (publisher, publication date), or undefined when there are none. */
function storedFieldFilter(query: ParsedQuery): ((hit: SearchResult) => boolean) | undefined {
  const publisher = query.publisher ? foldTerm(query.publisher) : null;
  const { from, to } = query;
  if (!publisher && !from && !to) return undefined;
  return (hit) => {
    if (publisher && !foldTerm(String(hit.publisher ?? '')).includes(publisher)) return false;
    // ISO dates compare as strings; a document without a date cannot satisfy a date filter.
    const date = String(hit.publishedAt ?? '');
    if ((from || to) && !date) return false;
    return (!from || date >= from) && (!to || date < to);
  };
}

function candidates(index: SearchIndex, query: ParsedQuery): SearchResult[] {
  return index.search(toMiniSearchQuery(query) as Query, { ...DEFAULT_SEARCH_OPTIONS, filter: storedFieldFilter(query) });
}

/** The most frequent values first, ties alphabetically, so facets read the same on every request. */
function topCounts(counts: Map<string, number>, byValue = false): FacetCount[] {
  const entries = [...counts].map(([value, count]) => ({ value, count }));
  entries.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  const top = entries.slice(0, MAX_FACET_VALUES);
  // Years read better in date order (newest first) once the most frequent have been chosen.
  return byValue ? top.sort((a, b) => b.value.localeCompare(a.value)) : top;
}

/**
 * Facet counts over all hits, from the fields stored in the index (no document loads).
 *
 * @example
 * ```ts
 * countFacets(hits).years; // [{ value: '2020', count: 12 }, { value: '2019', count: 3 }]
 * ```
 */
export function countFacets(hits: SearchResult[]): SearchFacets {
  const publishers = new Map<string, number>();
  const years = new Map<string, number>();
  const speakers = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const hit of hits) {
    if (hit.publisher) bump(publishers, String(hit.publisher));
    const year = /^\d{4}/.exec(String(hit.publishedAt ?? ''))?.[0];
    if (year) bump(years, year);
    for (const speaker of String(hit.speakers ?? '').split(SPEAKER_SEPARATOR)) if (speaker) bump(speakers, speaker);
  }
  return { publishers: topCounts(publishers), years: topCounts(years, true), speakers: topCounts(speakers) };
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
  return { total: hits.length, results, facets: countFacets(hits), tookMs: Math.round((performance.now() - started) * 100) / 100 };
}
