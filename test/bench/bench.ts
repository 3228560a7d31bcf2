/**
 * `npm run bench -- [--corpus DIR] [--runs 5] [--ingest-runs 1] [--concurrency 8] [--limit N] [--out FILE]`
 *
 * Imports the Wikinews and BBC corpora through the real ingest path into a throwaway archive, then
 * measures index size, cold start, and search latency in-process and over HTTP — each against a
 * baseline measured in the same run, because the machine is shared and absolute figures drift.
 * Prints a table and writes everything to `bench-results/bench.json` (git-ignored).
 * Quick smoke run: `npm run bench -- --limit 100 --runs 1`.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { compactIndex } from '../../functions/app/compact-index.ts';
import { createApp } from '../../functions/http/create-app.ts';
import { buildQueries, QUERY_MIX, QUERY_SEED, readCorpus } from './bench-queries.ts';
import { formatReport, reduceRuns, type BenchReport } from './bench-report.ts';
import { startPingServer, startServer, type BenchServer } from './measure-latency.ts';
import { itemKey, measureIngest, type BenchArchive, type IngestFigures } from './measure-ingest.ts';
import { median } from './percentiles.ts';
import { checkResults, fetchAll, miniSearchAll, pingAll, runLatency, searchAll, type RunContext, type RunFigures } from './run-latency.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPORA = ['wikinews-2019-2020/articles.jsonl', 'bbc-news/articles.jsonl'];
const PACKAGES = ['minisearch', 'hono', '@hono/node-server', '@aws-sdk/client-s3', '@aws-sdk/client-dynamodb', 's3rver', 'dynalite'];

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
      runs: { type: 'string' },
      'ingest-runs': { type: 'string' },
      concurrency: { type: 'string' },
      limit: { type: 'string' },
      out: { type: 'string' },
    },
  });
  return {
    corpus: resolve(process.cwd(), values.corpus ?? process.env.VERBATIM_CORPUS ?? '../shared/corpus'),
    runs: positiveInt('runs', values.runs) ?? 5,
    ingestRuns: positiveInt('ingest-runs', values['ingest-runs']) ?? 1,
    concurrency: positiveInt('concurrency', values.concurrency) ?? 8,
    limit: positiveInt('limit', values.limit) ?? null,
    out: resolve(process.cwd(), values.out ?? 'bench-results/bench.json'),
  };
}

async function packageVersions(): Promise<Record<string, string>> {
  const entries = await Promise.all(
    PACKAGES.map(async (name) => [name, JSON.parse(await readFile(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version as string]),
  );
  return Object.fromEntries(entries);
}

const log = (message: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

async function main(): Promise<void> {
  const options = readOptions();
  const limit = options.limit ?? Infinity;
  const paths = CORPORA.map((file) => join(options.corpus, file));
  const articles = (await Promise.all(paths.map((path) => readCorpus(path, limit)))).flat();
  const queries = buildQueries(articles);
  log(`${articles.length} articles, ${queries.length} queries; ${options.ingestRuns} ingest run(s) at concurrency ${options.concurrency}`);

  const cleanups: Array<() => Promise<void>> = [];
  const cleanup = async () => {
    for (const step of cleanups.splice(0).reverse()) await step().catch((error) => console.error('cleanup failed:', error));
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
  try {
    const ingestRuns: IngestFigures[] = [];
    let bench: BenchArchive | undefined;
    for (let i = 0; i < options.ingestRuns; i++) {
      await bench?.close();
      const measured = await measureIngest(paths, { limit, concurrency: options.concurrency });
      bench = measured.archive;
      ingestRuns.push(measured.figures);
      log(`ingest run ${i + 1}: ${measured.figures.ingest.docsPerSecond.toFixed(1)} docs/s`);
    }
    const { archive, config } = bench!.local;
    cleanups.push(() => bench!.close());

    const compaction = await compactIndex(archive);
    const manifest = compaction.written ? compaction.manifest : await archive.metadata.getManifest();
    if (!manifest) throw new Error('compactIndex wrote no snapshot.');
    const snapshot = (await archive.blobs.get(manifest.snapshotKey))!.body;

    const app: BenchServer = await startServer(createApp({ archive }).fetch);
    cleanups.push(() => app.close());
    const ping = await startPingServer();
    cleanups.push(() => ping.close());
    const context: RunContext = { archive, config, appUrl: app.url, pingUrl: ping.url, queries, snapshot };

    // Warm-up: JIT, connection pools, the document cache, and the sanity check on the results.
    const pages = (await searchAll(context)).map((s) => s.value);
    const httpPages = (await fetchAll(context)).map((s) => s.value);
    await miniSearchAll(context);
    await pingAll(context);
    const disagreements = httpPages.filter((page, i) => page.total !== pages[i].total).length;
    if (disagreements > 0) log(`warning: ${disagreements} queries found a different total over HTTP than in-process`);
    const sanity = checkResults(queries, pages, (q) => bench!.ids.get(itemKey(q.source.corpus, q.source.ordinal)));

    const runs: RunFigures[] = [];
    for (let run = 1; run <= options.runs; run++) {
      runs.push(await runLatency(context));
      log(`latency run ${run}/${options.runs}: in-process p50 ${runs[run - 1].inProcess.all.p50.toFixed(2)} ms, HTTP p50 ${runs[run - 1].http.all.p50.toFixed(2)} ms`);
    }

    const cpu = os.cpus()[0];
    const report: BenchReport = {
      startedAt: new Date().toISOString(),
      machine: { cpu: cpu?.model ?? 'unknown', cores: os.cpus().length, totalMemoryGiB: os.totalmem() / 2 ** 30, platform: `${os.platform()} ${os.release()}`, node: process.version },
      versions: await packageVersions(),
      options: { corpus: options.corpus, runs: options.runs, ingestRuns: options.ingestRuns, concurrency: options.concurrency, limit: options.limit },
      queries: { seed: QUERY_SEED, byKind: Object.fromEntries(Object.keys(QUERY_MIX).map((k) => [k, queries.filter((q) => q.kind === k).length])) as BenchReport['queries']['byKind'] },
      ingest: {
        runs: ingestRuns,
        docsPerSecond: median(ingestRuns.map((r) => r.ingest.docsPerSecond)),
        rawPutDocsPerSecond: median(ingestRuns.map((r) => r.rawPut.docsPerSecond)),
        prepareOnlyDocsPerSecond: median(ingestRuns.map((r) => r.prepareOnly.docsPerSecond)),
        ratioToRawPut: median(ingestRuns.map((r) => r.ingest.docsPerSecond / r.rawPut.docsPerSecond)),
      },
      index: { snapshotBytes: manifest.bytes, documentCount: manifest.documentCount },
      ...reduceRuns(runs),
      sanity,
      runs,
    };
    await mkdir(dirname(options.out), { recursive: true });
    await writeFile(options.out, `${JSON.stringify(report, null, 2)}\n`);
    console.log(formatReport(report));
    console.log(`\nWritten to ${options.out}`);
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`Benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
    process.exit(1);
  },
);
