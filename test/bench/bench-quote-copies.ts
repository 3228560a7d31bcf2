/**
 * `node --import tsx test/bench/bench-quote-copies.ts [-- --scales 2385,25000 --runs 3]`
 *
 * The quote finder on archives of copies, as `npm run bench` builds them (see
 * replicate-documents.ts) but in minutes: the corpus goes through `prepareDocument` instead of the
 * real ingest and its documents are written straight to the embedded S3; each scale then gets
 * the bench's index, and the bench's 100 quote claims (50 quoted sentences, as they are and with
 * one word dropped) are asked — recall@1 (the source or a copy of it first) from a warm-up pass,
 * latency percentiles as medians over `--runs` passes. Prints one JSON line per scale.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findQuotes } from '../../functions/app/find-quotes.ts';
import { toIndexableDocument } from '../../functions/core/search/index.ts';
import { documentKey } from '../../functions/core/storage-keys.ts';
import { startLocalArchive } from '../../functions/local/start-local-archive.ts';
import { buildQueries, readCorpus } from './bench-queries.ts';
import { timeEach } from './measure-latency.ts';
import { itemKey } from './measure-ingest.ts';
import { quoteQueriesOf, quoteRecall, scaleArchive, writeScaleIndex } from './measure-scale.ts';
import { medianPercentiles, summarize } from './percentiles.ts';
import { prepareCorpus } from './prepared-corpus.ts';
import { replicate } from './replicate-documents.ts';

const CORPORA = ['wikinews-2019-2020/articles.jsonl', 'bbc-news/articles.jsonl'];
/** The largest scale this script builds: the bench's 100k stays the full bench's. */
const MAX_SCALE = 50_000;
const WRITES_AT_ONCE = 16;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { scales: { type: 'string' }, runs: { type: 'string' } } });
  const scales = (values.scales ?? '2385,25000').split(',').map(Number);
  if (scales.some((n) => !Number.isInteger(n) || n < 1 || n > MAX_SCALE))
    throw new Error(`--scales takes sizes from 1 to ${MAX_SCALE}`);
  const runs = Math.max(1, Number(values.runs ?? 3));
  const paths = CORPORA.map((file) => join(resolve(process.cwd(), '../shared/corpus'), file));
  const { documents, idOfItem } = await prepareCorpus(paths);
  const articles = (await Promise.all(paths.map((path) => readCorpus(path)))).flat();
  const sources = buildQueries(articles).map((query) => ({
    query,
    id: idOfItem.get(itemKey(query.source.corpus, query.source.ordinal)),
  }));
  const claims = quoteQueriesOf(sources);
  const local = await startLocalArchive({}, { persistent: false });
  try {
    const stored = [...documents.values()];
    for (let from = 0; from < stored.length; from += WRITES_AT_ONCE)
      await Promise.all(
        stored
          .slice(from, from + WRITES_AT_ONCE)
          .map((d) => local.archive.blobs.put(documentKey(d.id), JSON.stringify(d), 'application/json')),
      );
    // In id order, as the bench's indexer reads the archive, so every run copies the same way.
    const real = stored.map(toIndexableDocument).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const scale of scales) {
      const { archive, own } = await scaleArchive(local, scale);
      await writeScaleIndex(archive, own, [...replicate(real, scale)]);
      const { recallAt1, misses } = await quoteRecall(archive, claims);
      const passes = [];
      for (let run = 0; run < runs; run++)
        passes.push(
          summarize((await timeEach(claims, (c) => findQuotes(archive, { q: c.q, limit: 5 }))).map((s) => s.ms)),
        );
      const candidates = misses.map((m) => m.candidates);
      console.log(
        JSON.stringify({
          articles: scale,
          claims: claims.length,
          recallAt1,
          latency: medianPercentiles(passes),
          misses: misses.length,
          candidates,
        }),
      );
    }
  } finally {
    await local.close();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`Quote copies bench failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
    process.exit(1);
  },
);
