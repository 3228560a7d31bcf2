/**
 * Search: the index finds candidates (a bag of words), then the stored text decides what a bag of
 * words cannot — whether a "phrase" really occurs in that order — and supplies the passages.
 */
import type { Quote } from '../core/document.ts';
import {
  findPassages,
  matchingQuotes,
  parseQuery,
  toIndexQuery,
  type Hits,
  type Passage,
  type StoredDocument,
} from '../core/search/index.ts';
import type { Archive } from './archive.ts';
import { collapseCopies, MAX_COLLAPSE_CHECKED } from './collapse-copies.ts';
import { directoryOf } from './current-directory.ts';
import { passageViews } from './digest-off-thread.ts';
import { PeopleCounter, speakerDocumentFilter, speakerMatcher } from '../core/speakers/speaker-filter.ts';

/** One search hit: the document, its best passages, and its quotes that match the query. */
export interface SearchHit {
  id: string;
  title: string;
  publisher: string | null;
  publishedAt: string | null;
  score: number;
  passages: Passage[];
  quotes: Quote[];
  /** How many other copies of this article the archive holds (its copy group less itself). */
  copyCount: number;
  /** Their ids: with `collapse` on, none of them is listed separately. */
  copies: string[];
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
  /**
   * False when `total` is an estimate: a phrase query checks candidates against their text only
   * until the page is full (or 200 have been checked), so the candidates left unchecked are
   * counted as matches when the page filled, and not counted when it did not.
   */
  totalExact: boolean;
  tookMs: number;
}

/** A facet lists at most this many values: the most frequent. */
const MAX_FACET_VALUES = 12;

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
 * countFacets(documents).years; // [{ value: '2020', count: 12 }, { value: '2019', count: 3 }]
 * ```
 *
 * Speakers are counted per person, the forms of one person joined as the speaker directory joins them.
 */
export function countFacets(documents: Iterable<StoredDocument>): SearchFacets {
  const publishers = new Map<string, number>();
  const years = new Map<string, number>();
  const speakers = new PeopleCounter();
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const document of documents) {
    if (document.publisher) bump(publishers, document.publisher);
    const year = document.publishedAt.slice(0, 4);
    if (/^\d{4}$/.test(year)) bump(years, year);
    speakers.add(document.id, document.speakers);
  }
  return { publishers: topCounts(publishers), years: topCounts(years, true), speakers: topCounts(speakers.counts()) };
}

function* allHits(hits: Hits): Iterable<number> {
  for (let hit = 0; hit < hits.total; hit++) yield hit;
}

function* allDocuments(hits: Hits): Iterable<StoredDocument> {
  for (const hit of allHits(hits)) yield hits.document(hit);
}

/**
 * @example
 * ```ts
 * const page = await searchArchive(archive, { q: '"strong protest was expressed"', limit: 10, offset: 0 });
 * page.results[0].passages[0].highlights; // [[start, end]] offsets into the document text
 * ```
 */
export async function searchArchive(
  archive: Archive,
  input: { q: string; limit: number; offset: number; collapse?: boolean },
): Promise<SearchPage> {
  const collapse = input.collapse ?? true;
  const started = performance.now();
  const query = parseQuery(input.q);
  const index = await archive.index.current();
  // `speaker:` is one person, in any of the forms the speaker directory joined: a stored-field
  // filter over the documents' speakers, not words of the name the index must all find.
  const indexQuery = toIndexQuery({ ...query, speaker: undefined });
  const isSpeaker = query.speaker ? speakerMatcher(await directoryOf(index), query.speaker) : undefined;
  if (isSpeaker) indexQuery.filter = speakerDocumentFilter(isSpeaker, indexQuery.filter);
  const hits = await index.search(indexQuery);
  let total = hits.total;
  let totalExact = true;
  let facetSource: Iterable<StoredDocument> = allDocuments(hits);
  // Phrases are answered by the index (its positions), so every hit is a match and the total exact.
  // Collapsing hides copies, so rank further than the page: as far as the collapse may read.
  const ranked = hits.top(Math.min(hits.total, input.offset + input.limit + (collapse ? MAX_COLLAPSE_CHECKED : 0)));
  // Copies: with collapse on, the links of the ranked candidates are read from the top until the
  // page is full (MAX_COLLAPSE_CHECKED at most, never the whole hit list); the lesser copies found
  // are taken off the total and the facets. Candidates past those read are counted as they are,
  // so when copies were hidden and candidates remain unread, the total is an upper bound.
  // With collapse off only the page's own links are read, to fill in copyCount.
  const wanted = input.offset + input.limit;
  const ids = ranked.map((hit) => hits.document(hit).id);
  const grouped = collapse
    ? await collapseCopies(archive, ids, wanted)
    : await collapseCopies(archive, ids.slice(input.offset, wanted), input.limit, false);
  const pagePositions = collapse
    ? grouped.kept.slice(input.offset, wanted)
    : grouped.kept.map((position) => position + input.offset);
  const copiesAt = (position: number) =>
    (collapse ? grouped.copies.get(position) : grouped.copies.get(position - input.offset)) ?? [];
  if (grouped.hidden.size > 0) {
    const hiddenIds = new Set([...grouped.hidden].map((position) => ids[position]));
    total -= hiddenIds.size;
    if (grouped.checked < total) totalExact = false;
    facetSource = [...facetSource].filter((document) => !hiddenIds.has(document.id));
  }
  const facets = countFacets(facetSource);
  const page = pagePositions.map((position) => ({
    id: ids[position],
    score: hits.score(ranked[position]),
    copies: copiesAt(position),
  }));
  // Views, not whole documents: a large one is read in a worker (see digest-off-thread.ts).
  const documents = await passageViews(
    page.map((h) => h.id),
    archive.documents,
  );
  const results: SearchHit[] = [];
  for (const hit of page) {
    const document = documents.get(hit.id);
    if (!document) continue;
    results.push({
      id: document.id,
      title: document.title,
      publisher: document.publisher,
      publishedAt: document.publishedAt,
      score: Math.round(hit.score * 1000) / 1000,
      passages: findPassages(document, query),
      quotes: matchingQuotes(document.quotes, query, isSpeaker),
      copyCount: hit.copies.length,
      copies: hit.copies,
    });
  }
  index.answered();
  return { total, totalExact, results, facets, tookMs: Math.round((performance.now() - started) * 100) / 100 };
}
