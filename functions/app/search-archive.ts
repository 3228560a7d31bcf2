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
import { tokenize } from '../core/text/tokenize.ts';
import type { Archive } from './archive.ts';
import { collapseCopies, MAX_COLLAPSE_CHECKED } from './collapse-copies.ts';
import { directoryOf } from './current-directory.ts';
import { countPeople, speakerDocumentFilter, speakerMatcher } from '../core/speakers/speaker-filter.ts';

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
  /**
   * Set when a query word is in no document in any form and a close spelling was searched
   * instead ("ambasador" → "ambassador"): the query as searched, and each word replaced. A word
   * found in another form ("protests" for "protest") is not a typo and is not reported.
   */
  didYouMean: DidYouMean | null;
  tookMs: number;
}

/** The query as it was searched after replacing words the archive lacks by close spellings. */
export interface DidYouMean {
  text: string;
  replaced: Array<{ word: string; with: string }>;
}

/** `q` with each replaced word (as folded tokens compare) swapped for the spelling searched. */
function didYouMeanOf(q: string, replaced: Hits['replaced']): DidYouMean | null {
  if (replaced.length === 0) return null;
  const pairs = replaced.map((r) => ({ word: r.word, with: r.by[0] }));
  let text = '';
  let at = 0;
  for (const token of tokenize(q)) {
    const pair = pairs.find((p) => p.word === token.folded);
    if (!pair) continue;
    text += q.slice(at, token.start) + pair.with;
    at = token.end;
  }
  return { text: text + q.slice(at), replaced: pairs };
}

/** A facet lists at most this many values: the most frequent. */
const MAX_FACET_VALUES = 12;

/** Compares as `a.localeCompare(b)` does (no locale or options given), at a fraction of its cost per call. */
const collator = new Intl.Collator();

/**
 * The most frequent values first, ties alphabetically, so facets read the same on every request.
 * Only the first MAX_FACET_VALUES are kept, in order, while scanning: a common word's hits name
 * thousands of speakers, and sorting them all was a fifth of a search's facet time.
 */
function topCounts(counts: Map<string, number>, byValue = false): FacetCount[] {
  const before = (value: string, count: number, than: FacetCount) =>
    count > than.count || (count === than.count && collator.compare(value, than.value) < 0);
  const top: FacetCount[] = [];
  for (const [value, count] of counts) {
    if (top.length === MAX_FACET_VALUES && !before(value, count, top[top.length - 1])) continue;
    let at = top.length;
    while (at > 0 && before(value, count, top[at - 1])) at--;
    top.splice(at, 0, { value, count });
    if (top.length > MAX_FACET_VALUES) top.pop();
  }
  // Years read better in date order (newest first) once the most frequent have been chosen.
  return byValue ? top.sort((a, b) => collator.compare(b.value, a.value)) : top;
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
  const speakers: (readonly string[])[] = [];
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const document of documents) {
    if (document.publisher) bump(publishers, document.publisher);
    const year = document.publishedAt.slice(0, 4);
    if (/^\d{4}$/.test(year)) bump(years, year);
    speakers.push(document.speakers);
  }
  return {
    publishers: topCounts(publishers),
    years: topCounts(years, true),
    speakers: topCounts(countPeople(speakers)),
  };
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
    hit: ranked[position],
    score: hits.score(ranked[position]),
    copies: copiesAt(position),
  }));
  // The page's text comes from the index's stored blocks, in one round of range reads: no
  // document is read from storage.
  const texts = await hits.storedTexts(page.map((h) => h.hit));
  // Words matched in a typed word's place (completions, close spellings) are highlighted as written.
  const shown = hits.expanded.length > 0 ? { ...query, exact: [...query.exact, ...hits.expanded] } : query;
  const results: SearchHit[] = page.map((hit, i) => {
    const document = { ...hits.document(hit.hit), ...texts[i] };
    return {
      id: document.id,
      title: document.title,
      publisher: document.publisher || null,
      publishedAt: document.publishedAt || null,
      score: Math.round(hit.score * 1000) / 1000,
      passages: findPassages(document, shown),
      quotes: matchingQuotes(document.quotes, shown, isSpeaker),
      copyCount: hit.copies.length,
      copies: hit.copies,
    };
  });
  const didYouMean = didYouMeanOf(input.q, hits.replaced);
  index.answered();
  return {
    total,
    totalExact,
    results,
    facets,
    didYouMean,
    tookMs: Math.round((performance.now() - started) * 100) / 100,
  };
}
