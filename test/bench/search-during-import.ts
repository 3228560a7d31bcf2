/**
 * `node --import tsx test/bench/search-during-import.ts [--limit 300] [--rate 10] [--quiet 15] [--batches 2]`:
 * a bulk import through a running server (`npm start`, then `npm run import -- --api`) beside the
 * same import on the local path, and the search latency a reader sees meanwhile. It starts
 * `npm start` on a fresh data folder, seeds it, measures searches at a fixed rate on the quiet
 * server, then the same searches while `npm run import -- --api` sends the first `limit`
 * articles of each corpus file; then imports those into another fresh folder without a server
 * (the local path). `--batches` is passed to both imports: batches in flight, so the import's
 * storage requests in flight are capped at that many times `BATCH_WRITE_CONCURRENCY`. Prints JSON: both rates, and p50/p99 of search with and without the import.
 * Bounded: `--limit` at most {@link MAX_LIMIT}, `--rate` at most {@link MAX_RATE}, each phase at
 * most {@link MAX_PHASE_MS}, and only on 127.0.0.1.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runEntryPoint } from '../helpers/run-entry-point.ts';
import { summarize } from './percentiles.ts';

/** Articles per corpus file at most: the bench stays a few minutes on the shared machine. */
const MAX_LIMIT = 2_000;
/** Searches a second at most. */
const MAX_RATE = 50;
/** Longest any phase (seed, quiet, import) may run before the bench gives up. */
const MAX_PHASE_MS = 600_000;
/** Articles the archive holds before anything is measured, so searches find something. */
const SEED_ARTICLES = 100;
const QUERIES = ['government', 'police said', '"prime minister"', 'election results', 'health OR hospital', 'court'];
const FILES = ['wikinews-2019-2020/articles.jsonl', 'bbc-news/articles.jsonl'];

const { values } = parseArgs({
  options: {
    limit: { type: 'string', default: '300' },
    rate: { type: 'string', default: '10' },
    quiet: { type: 'string', default: '15' },
    batches: { type: 'string', default: '2' },
    corpus: { type: 'string', default: process.env.VERBATIM_CORPUS ?? '../shared/corpus' },
  },
});
const limit = Math.min(MAX_LIMIT, Number(values.limit));
const rate = Math.min(MAX_RATE, Number(values.rate));
const quietMs = Math.min(MAX_PHASE_MS, Number(values.quiet) * 1000);

const work = await mkdtemp(join(tmpdir(), 'verbatim-search-during-import-'));
const lines = await Promise.all(
  FILES.map(async (file) => (await readFile(join(values.corpus!, file), 'utf8')).split('\n').filter(Boolean)),
);
const seedFile = join(work, 'seed.jsonl');
const importFile = join(work, 'import.jsonl');
// The seed comes after the imported articles in each file, so the import adds only new ones.
await writeFile(seedFile, lines.flatMap((l) => l.slice(limit, limit + SEED_ARTICLES / 2)).join('\n') + '\n');
await writeFile(importFile, lines.flatMap((l) => l.slice(0, limit)).join('\n') + '\n');

const noTokens = {
  VERBATIM_API_TOKEN: '',
  VERBATIM_API_TOKENS: '',
  VERBATIM_S3_ENDPOINT: '',
  VERBATIM_DYNAMODB_ENDPOINT: '',
};

/** Runs the import CLI to the end and returns its rate (items a second, from its own summary). */
async function importRate(args: string[], dataDir: string): Promise<{ perSecond: number; summary: string }> {
  const run = runEntryPoint('functions/handlers/import-cli.ts', [...args, '--batches', values.batches!], {
    ...noTokens,
    VERBATIM_DATA_DIR: dataDir,
  });
  const timer = setTimeout(() => run.child.kill('SIGKILL'), MAX_PHASE_MS);
  const code = await run.exited;
  clearTimeout(timer);
  if (code !== 0) throw new Error(`the import failed (${code}): ${run.output.stderr.slice(-2000)}`);
  const summary = run.output.stdout.split('\n').find((line) => line.startsWith('Imported')) ?? '';
  const match = /Imported (\d+) items? in ([\d.]+) s/.exec(summary);
  if (!match) throw new Error(`no summary in: ${run.output.stdout.slice(-2000)}`);
  return { perSecond: +(Number(match[1]) / Number(match[2])).toFixed(1), summary };
}

/** Searches that failed (no answer, or not 200), with why: reported, never left out silently. */
const failures: string[] = [];

/** Searches at `rate` a second until `done` settles; each one's time to a complete answer. */
async function searchWhile(url: string, done: Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  const pending: Array<Promise<void>> = [];
  let finished = false;
  void done.finally(() => (finished = true));
  const started = Date.now();
  for (let n = 0; !finished && Date.now() - started < MAX_PHASE_MS; n++) {
    const q = QUERIES[n % QUERIES.length];
    pending.push(
      (async () => {
        const t0 = performance.now();
        try {
          const response = await fetch(`${url}/api/search?q=${encodeURIComponent(q)}&limit=10`);
          await response.arrayBuffer();
          if (response.status === 200) samples.push(performance.now() - t0);
          else failures.push(`status ${response.status}`);
        } catch (error) {
          failures.push(String((error as Error).cause ?? error));
        }
      })(),
    );
    // A fixed rate: the next search starts on schedule whether or not the last has answered.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + ((n + 1) * 1000) / rate - Date.now())));
  }
  await Promise.all(pending);
  return samples;
}

const serverDir = join(work, 'served');
const server = runEntryPoint('functions/handlers/local.ts', [], {
  ...noTokens,
  VERBATIM_DATA_DIR: serverDir,
  PORT: '0',
});
try {
  let url = '';
  for (let waited = 0; !url; waited += 100) {
    url = /running at (http:\/\/localhost:\d+)/.exec(server.output.stdout)?.[1].replace('localhost', '127.0.0.1') ?? '';
    if (waited > MAX_PHASE_MS || server.child.exitCode !== null) throw new Error(`no server: ${server.output.stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await importRate([seedFile, '--api', url], serverDir);
  const quiet = summarize(await searchWhile(url, new Promise((resolve) => setTimeout(resolve, quietMs))));
  const viaApi = importRate([importFile, '--api', url], serverDir);
  const during = summarize(
    await searchWhile(
      url,
      viaApi.catch(() => undefined),
    ),
  );
  const api = await viaApi;
  server.child.kill('SIGTERM');
  await server.exited;
  const local = await importRate([importFile], join(work, 'local'));
  console.log(
    JSON.stringify(
      {
        lines: limit * FILES.length,
        searchesPerSecond: rate,
        batchesInFlight: Number(values.batches),
        importApi: api,
        importLocal: local,
        apiVsLocal: +(api.perSecond / local.perSecond).toFixed(2),
        searchQuiet: quiet,
        searchDuringImport: during,
        searchFailures: failures.length,
        firstFailures: failures.slice(0, 3),
        serverErrors: server.output.stderr.slice(-1500),
      },
      null,
      2,
    ),
  );
} finally {
  if (server.child.exitCode === null) server.child.kill('SIGKILL');
  await rm(work, { recursive: true, force: true });
}
