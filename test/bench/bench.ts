/**
 * `npm run bench -- [--corpus DIR] [--scales 25000,100000] [--runs 5] [--concurrency 8] [--limit N] [--out FILE] [--chart FILE]`
 *
 * 1. Imports the Wikinews and BBC corpora through the real ingest path (as `npm run import` does)
 *    into a throwaway archive: ingest throughput, next to raw S3 PutObject and the CPU alone.
 * 2. For the real corpus and each scale (the real articles copied up to that many: see
 *    replicate-documents.ts), builds Verbatim's sharded index and SQLite FTS5 over the same
 *    documents and measures both on the same queries in the same run: keyword search in process,
 *    full search in process and over HTTP, the quote finder, a cold start in a new process, memory,
 *    and the bytes one new article costs to index.
 * Writes `bench-results/bench.json` and an SVG chart (both git-ignored unless `--out`/`--chart`
 * point elsewhere), and prints a table with every target met or missed.
 * Quick smoke run (CI): `npm run bench -- --limit 100 --scales 1000 --runs 1`.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { toIndexableDocument, type IndexableDocument } from '../../functions/core/search/index.ts';
import type { LocalArchive } from '../../functions/local/start-local-archive.ts';
import { buildQueries, QUERY_MIX, QUERY_SEED, readCorpus } from './bench-queries.ts';
import { checkTargets, formatReport, type BenchReport } from './bench-report.ts';
import { fts5Version } from './fts5-baseline.ts';
import { itemKey, measureIngest } from './measure-ingest.ts';
import { measureScale, type QuerySource, type ScaleFigures } from './measure-scale.ts';
import { REPLICATION_RECIPE } from './replicate-documents.ts';
import { bundleScript } from './bundle-script.ts';
import { COLD_START_SCRIPT } from './measure-cold-start.ts';
import { FTS5_COLD_START_SCRIPT } from './measure-fts5-cold-start.ts';
import { renderChart } from './render-chart.ts';
import { cdkSynth, findShippedHandler } from '../helpers/shipped-handler.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPORA = ['wikinews-2019-2020/articles.jsonl', 'bbc-news/articles.jsonl'];
const PACKAGES = [
  'better-sqlite3',
  'hono',
  '@hono/node-server',
  '@aws-sdk/client-s3',
  '@aws-sdk/client-dynamodb',
  's3rver',
  'dynalite',
];

function positiveInt(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, not "${value}".`);
  return n;
}

function readOptions() {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string' },
      scales: { type: 'string' },
      runs: { type: 'string' },
      concurrency: { type: 'string' },
      limit: { type: 'string' },
      out: { type: 'string' },
      chart: { type: 'string' },
    },
  });
  const scales = (values.scales ?? '25000,100000')
    .split(',')
    .filter(Boolean)
    .map((n) => positiveInt('scales', n.trim())!);
  return {
    corpus: resolve(process.cwd(), values.corpus ?? process.env.VERBATIM_CORPUS ?? '../shared/corpus'),
    scales,
    runs: positiveInt('runs', values.runs) ?? 5,
    concurrency: positiveInt('concurrency', values.concurrency) ?? 8,
    limit: positiveInt('limit', values.limit) ?? null,
    out: resolve(process.cwd(), values.out ?? 'bench-results/bench.json'),
    chart: resolve(process.cwd(), values.chart ?? 'bench-results/bench.svg'),
  };
}

async function packageVersions(): Promise<Record<string, string>> {
  const entries = await Promise.all(
    PACKAGES.map(async (name) => [
      name,
      JSON.parse(await readFile(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version as string,
    ]),
  );
  return { ...Object.fromEntries(entries), sqlite: fts5Version() };
}

const log = (message: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

/** Every stored document of the archive as the index sees it, in id order (so every run copies the same way). */
async function readIndexable(local: LocalArchive): Promise<IndexableDocument[]> {
  const ids: string[] = [];
  for await (const meta of local.archive.catalog.list()) ids.push(meta.id);
  ids.sort();
  const documents: IndexableDocument[] = [];
  for (let from = 0; from < ids.length; from += 500) {
    const loaded = await local.archive.documents.getMany(ids.slice(from, from + 500));
    for (const id of ids.slice(from, from + 500))
      if (loaded.has(id)) documents.push(toIndexableDocument(loaded.get(id)!));
  }
  return documents;
}

function chart(report: BenchReport): string {
  const series = (name: string, pick: (s: ScaleFigures) => number) => ({
    name,
    points: report.scales.map((s) => ({ x: s.articles, y: pick(s) })),
  });
  return renderChart({
    title: 'Verbatim beside SQLite FTS5, by archive size',
    subtitle: `${report.machine.cpu}, ${report.machine.cores} cores, node ${report.machine.node}; medians of ${report.options.runs} run(s); ${report.startedAt.slice(0, 10)}`,
    panels: [
      {
        title: 'Keyword search, in process (median)',
        yLabel: 'ms',
        series: [series('Verbatim', (s) => s.keyword.verbatim.p50), series('SQLite FTS5', (s) => s.keyword.fts5.p50)],
      },
      {
        title: 'Keyword search, in process (p99)',
        yLabel: 'ms',
        series: [series('Verbatim', (s) => s.keyword.verbatim.p99), series('SQLite FTS5', (s) => s.keyword.fts5.p99)],
      },
      {
        title: 'Search over HTTP, all queries (median)',
        yLabel: 'ms',
        series: [series('Verbatim', (s) => s.http.verbatim.p50), series('SQLite FTS5', (s) => s.http.fts5.p50)],
      },
      {
        title: 'Cold start to first answer',
        yLabel: 'ms',
        series: [
          series('Verbatim', (s) => s.coldStart.verbatim.totalMs),
          series('SQLite FTS5', (s) => s.coldStart.fts5.sinceProcessStartMs),
        ],
      },
    ],
  });
}

async function main(): Promise<void> {
  const options = readOptions();
  const limit = options.limit ?? Infinity;
  const paths = CORPORA.map((file) => join(options.corpus, file));
  const articles = (await Promise.all(paths.map((path) => readCorpus(path, limit)))).flat();
  const queries = buildQueries(articles);
  log(`${articles.length} articles, ${queries.length} queries; scales: the corpus, then ${options.scales.join(', ')}`);

  const { archive: bench, figures: ingest } = await measureIngest(paths, { limit, concurrency: options.concurrency });
  process.once('SIGINT', () => void bench.close().then(() => process.exit(130)));
  try {
    log(
      `ingest: ${ingest.ingest.docsPerSecond.toFixed(0)} articles/s (raw PutObject ${ingest.rawPut.docsPerSecond.toFixed(0)}/s)`,
    );
    const real = await readIndexable(bench.local);
    const sources: QuerySource[] = queries.map((query) => ({
      query,
      id: bench.ids.get(itemKey(query.source.corpus, query.source.ordinal)),
    }));
    log('cdk synth: the api function as it ships');
    const handler = findShippedHandler(cdkSynth(join(ROOT, 'bench-results', 'cdk.out')));
    const bundles = {
      verbatim: await bundleScript(COLD_START_SCRIPT, join(ROOT, 'bench-results', 'cold-start.mjs')),
      fts5: await bundleScript(FTS5_COLD_START_SCRIPT, join(ROOT, 'bench-results', 'fts5-cold-start.mjs'), [
        'better-sqlite3',
      ]),
    };
    const scales: ScaleFigures[] = [];
    for (const size of [real.length, ...options.scales.filter((n) => n > real.length)]) {
      scales.push(await measureScale(bench.local, real, sources, size, { runs: options.runs, log, bundles, handler }));
    }
    const cpu = os.cpus()[0];
    const ingestFigures = { ...ingest, ratioToRawPut: ingest.ingest.docsPerSecond / ingest.rawPut.docsPerSecond };
    const report: BenchReport = {
      startedAt: new Date().toISOString(),
      machine: {
        cpu: cpu?.model ?? 'unknown',
        cores: os.cpus().length,
        totalMemoryGiB: os.totalmem() / 2 ** 30,
        platform: `${os.platform()} ${os.release()}`,
        node: process.version,
      },
      versions: await packageVersions(),
      options: {
        corpus: options.corpus,
        runs: options.runs,
        concurrency: options.concurrency,
        limit: options.limit,
        scales: scales.map((s) => s.articles),
      },
      replication: REPLICATION_RECIPE,
      queries: {
        seed: QUERY_SEED,
        byKind: Object.fromEntries(
          Object.keys(QUERY_MIX).map((kind) => [kind, queries.filter((q) => q.kind === kind).length]),
        ) as BenchReport['queries']['byKind'],
      },
      ingest: ingestFigures,
      scales,
      targets: checkTargets(scales, ingestFigures),
    };
    await mkdir(dirname(options.out), { recursive: true });
    await writeFile(options.out, `${JSON.stringify(report, null, 2)}\n`);
    await mkdir(dirname(options.chart), { recursive: true });
    await writeFile(options.chart, chart(report));
    console.log(formatReport(report));
    console.log(`\nWritten to ${options.out} and ${options.chart}`);
  } finally {
    await bench.close();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`Benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
    process.exit(1);
  },
);
