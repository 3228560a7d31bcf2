/**
 * Where a result page's time goes, phase by phase, on an index of `--articles` (the real corpus
 * copied up as the bench's scales copy it), in memory, over the bench's 200 queries: the index
 * search, ranking the candidates the collapse reads, the facets over every hit, the stored texts
 * of the page, and cutting passages and quotes from them. The collapse's copy-link reads are
 * storage round trips and are left out (the bench's archive has no links).
 *
 * Usage: `node --import tsx test/bench/profile-result-page.ts [--articles 25000] [--runs 3]`
 */
import { parseArgs } from 'node:util';
import { countFacets } from '../../functions/app/search-archive.ts';
import { MAX_COLLAPSE_CHECKED } from '../../functions/app/collapse-copies.ts';
import {
  buildSegment,
  findPassages,
  matchingQuotes,
  parseQuery,
  SearchIndex,
  SHARD_DOCUMENTS,
  storedTextOf,
  toIndexQuery,
  type StoredDocument,
} from '../../functions/core/search/index.ts';
import { buildQueries, readCorpora } from './bench-queries.ts';
import { median } from './percentiles.ts';

const { values } = parseArgs({ options: { articles: { type: 'string' }, runs: { type: 'string' } } });
const articles = Number(values.articles ?? 25_000);
const runs = Number(values.runs ?? 3);
const real = await readCorpora();
const queries = buildQueries(real).map((q) => q.q);
const documents = Array.from({ length: articles }, (_, k) => {
  const source = real[k % real.length];
  const copy = Math.floor(k / real.length);
  const title = copy ? `${source.title} (copy ${copy})` : source.title;
  const paragraphs: Array<{ start: number; end: number }> = [];
  for (const match of source.text.matchAll(/[^\n]+/g))
    paragraphs.push({ start: match.index!, end: match.index! + match[0].length });
  return {
    id: `${source.corpus.slice(0, 4)}-${source.ordinal}~${copy}`,
    title,
    text: source.text,
    speakers: [],
    publisher: source.corpus,
    publishedAt: '2020-01-01',
    stored: storedTextOf({ title, text: source.text, paragraphs, quotes: [] }),
  };
});
const shards = [];
for (let from = 0; from < documents.length; from += SHARD_DOCUMENTS)
  shards.push({ key: `s${from}`, segment: buildSegment(documents.slice(from, from + SHARD_DOCUMENTS)) });
const index = new SearchIndex(shards);

const phases = ['search', 'rank', 'facets', 'stored', 'passages'] as const;
const totals: Record<(typeof phases)[number], number[]> = {
  search: [],
  rank: [],
  facets: [],
  stored: [],
  passages: [],
};
for (let run = 0; run <= runs; run++) {
  const spent = { search: 0, rank: 0, facets: 0, stored: 0, passages: 0 };
  for (const q of queries) {
    const query = parseQuery(q);
    let t = performance.now();
    const hits = await index.search(toIndexQuery(query));
    const lap = (phase: keyof typeof spent) => {
      const now = performance.now();
      spent[phase] += now - t;
      t = now;
    };
    lap('search');
    const ranked = hits.top(Math.min(hits.total, 10 + MAX_COLLAPSE_CHECKED));
    lap('rank');
    const all: StoredDocument[] = [];
    for (let hit = 0; hit < hits.total; hit++) all.push(hits.document(hit));
    countFacets(all);
    lap('facets');
    const texts = await hits.storedTexts(ranked.slice(0, 10));
    lap('stored');
    for (const text of texts) {
      findPassages(text, query);
      matchingQuotes(text.quotes, query);
    }
    lap('passages');
  }
  // Run 0 warms the JIT and the cache; the rest are measured.
  if (run > 0) for (const phase of phases) totals[phase].push(spent[phase] / queries.length);
}
console.log(
  `${articles} articles, ${queries.length} queries, mean ms per page (median of ${runs} runs): ` +
    phases.map((phase) => `${phase} ${median(totals[phase]).toFixed(3)}`).join(', '),
);
