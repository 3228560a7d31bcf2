/**
 * One latency run: the 200 queries in-process, as plain MiniSearch, over HTTP, the ping baseline,
 * the snapshot parse baseline and a cold start — each figure next to the baseline it is divided by.
 */
import type { Archive } from '../../functions/app/archive.ts';
import { searchArchive, type SearchPage } from '../../functions/app/search-archive.ts';
import type { Config } from '../../functions/config.ts';
import { DEFAULT_SEARCH_OPTIONS, loadSearchIndex } from '../../functions/core/search-index.ts';
import type { BenchQuery, QueryKind } from './bench-queries.ts';
import { measureColdStart, type ColdStart } from './measure-cold-start.ts';
import { getJson, timeEach, type Sample } from './measure-latency.ts';
import { median, summarize, type Percentiles } from './percentiles.ts';

/** Percentiles over all queries and per kind. */
export type ByKind = Record<'all' | QueryKind, Percentiles>;

/** Everything one run measured (milliseconds). */
export interface RunFigures {
  inProcess: ByKind;
  miniSearch: ByKind;
  http: ByKind;
  ping: Percentiles;
  /** `JSON.parse` of the decoded snapshot bytes in this warm process (median of 3): the floor for loading it. */
  jsonParseMs: number;
  /** `loadSearchIndex` of the same bytes in this warm process (median of 3), to compare with the child's. */
  loadSearchIndexMs: number;
  coldStart: ColdStart;
}

/** What a run needs: the archive, its servers' URLs, the queries and the snapshot bytes. */
export interface RunContext {
  archive: Archive;
  config: Config;
  appUrl: string;
  pingUrl: string;
  queries: BenchQuery[];
  snapshot: Uint8Array;
}

const KINDS: QueryKind[] = ['keyword', 'phrase', 'sentence'];

function byKind(queries: BenchQuery[], samples: Array<Sample<unknown>>): ByKind {
  const ms = (kind?: QueryKind) => samples.filter((_, i) => !kind || queries[i].kind === kind).map((s) => s.ms);
  return { all: summarize(ms()), keyword: summarize(ms('keyword')), phrase: summarize(ms('phrase')), sentence: summarize(ms('sentence')) };
}

/** In-process search of every query, as the API runs it (10 results, passages, phrase check). */
export const searchAll = (context: RunContext) =>
  timeEach(context.queries, (query) => searchArchive(context.archive, { q: query.q, limit: 10, offset: 0 }));

/** The same queries over HTTP, through the whole app (validation, JSON, headers). */
export const fetchAll = (context: RunContext) =>
  timeEach(context.queries, (query) => getJson<SearchPage>(`${context.appUrl}/api/search?q=${encodeURIComponent(query.q)}&limit=10`));

/**
 * The in-process baseline: MiniSearch alone on the same live index with the same options — no
 * log refresh, no phrase verification, no document loads, no passages. Quote marks are left in
 * the string (MiniSearch's tokenizer drops them). Phrase words are searched without prefix and
 * fuzzy matching, as `searchArchive` asks MiniSearch for them: fuzzy matching every word of a
 * pasted sentence would make the baseline slower than the real search, and the ratio meaningless.
 */
export async function miniSearchAll(context: RunContext) {
  const index = await context.archive.index.current();
  const exact = { ...DEFAULT_SEARCH_OPTIONS, prefix: false, fuzzy: false };
  return timeEach(context.queries, (query) => index.search(query.q, query.kind === 'keyword' ? DEFAULT_SEARCH_OPTIONS : exact));
}

/** The HTTP baseline: as many trivial requests as there are queries, on the same kind of server. */
export const pingAll = (context: RunContext) => timeEach(context.queries, () => getJson<string>(`${context.pingUrl}/ping`));

/** The median of a few repetitions: a single parse is at the mercy of a garbage collection. */
function timeMedian(fn: () => unknown, repetitions = 3): number {
  const times: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  return median(times);
}

/**
 * @example
 * ```ts
 * const figures = await runLatency(context);
 * ```
 */
export async function runLatency(context: RunContext): Promise<RunFigures> {
  const { queries } = context;
  const inProcess = byKind(queries, await searchAll(context));
  const miniSearch = byKind(queries, await miniSearchAll(context));
  const http = byKind(queries, await fetchAll(context));
  const ping = summarize((await pingAll(context)).map((s) => s.ms));
  const jsonParseMs = timeMedian(() => JSON.parse(new TextDecoder().decode(context.snapshot)));
  const loadSearchIndexMs = timeMedian(() => loadSearchIndex(new TextDecoder().decode(context.snapshot)));
  const firstQuery = queries.find((q) => q.kind === 'keyword')?.q ?? queries[0].q;
  const coldStart = await measureColdStart(context.config, firstQuery);
  return { inProcess, miniSearch, http, ping, jsonParseMs, loadSearchIndexMs, coldStart };
}

/** How many queries of each kind found anything, and found their source article in the top 10. */
export interface Sanity {
  queries: number;
  withResults: number;
  recallTop10: number;
  /** The queries whose source was not in the top 10 (results file only: it is git-ignored). */
  misses: Array<{ q: string; total: number }>;
}

/**
 * @example
 * ```ts
 * const sanity = checkResults(queries, pages, (q) => ids.get(itemKey(q.source.corpus, q.source.ordinal)));
 * ```
 */
export function checkResults(queries: BenchQuery[], pages: SearchPage[], sourceId: (query: BenchQuery) => string | undefined): Record<QueryKind, Sanity> {
  const result = {} as Record<QueryKind, Sanity>;
  for (const kind of KINDS) {
    const mine = queries.map((q, i) => ({ q, page: pages[i] })).filter(({ q }) => q.kind === kind);
    const found = mine.filter(({ q, page }) => page.results.some((hit) => hit.id === sourceId(q)));
    result[kind] = {
      queries: mine.length,
      withResults: mine.filter(({ page }) => page.total > 0).length,
      recallTop10: mine.length === 0 ? NaN : found.length / mine.length,
      misses: mine.filter((m) => !found.includes(m)).map(({ q, page }) => ({ q: q.q, total: page.total })),
    };
  }
  return result;
}
