/**
 * Keyword tail latency at a large archive, this tree's engine beside another checkout's (main's)
 * in the same run, without building the large archive: `--shards` shards are built from the real
 * corpus copied as the bench's scales copy it, and each is then viewed `--views` times, so the
 * index holds `shards × views` segments — the per-query work of an archive that many shards large
 * (the bench's copies make every shard of a large archive much like another anyway). A new Node
 * process per engine and run, the two alternating, asks the bench's 100 keyword queries on the
 * whole index (`search` then `top(10)`, as the bench's keyword figure does) after one warm-up pass.
 * Reported per engine: medians over runs of p50 / p95 / p99, in wall and CPU milliseconds (on a
 * shared machine a query's CPU time is what it costs, its wall time what the load lets it have),
 * the ratio to the baseline pair by pair, and the slowest queries.
 *
 * Usage: `node --import tsx test/bench/bench-keyword-tail.ts --baseline DIR [--shards 2] [--views 50] [--runs 3]`
 * with DIR a checkout of the baseline (a detached worktree with node_modules). Both engines must
 * read the files the other writes' layout: each builds its own.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildQueries, readCorpus } from './bench-queries.ts';
import { median, summarize, type Percentiles } from './percentiles.ts';
import { replicate } from './replicate-documents.ts';
import { runJsonChild } from './run-json-child.ts';

type Engine = typeof import('../../functions/core/search/index.ts');
const engineOf = (root: string): Promise<Engine> =>
  import(pathToFileURL(join(root, 'functions/core/search/index.ts')).href) as Promise<Engine>;

/** What one child measured: per query, its wall and CPU milliseconds. */
interface TailRun {
  segments: number;
  queries: Array<{ q: string; wallMs: number; cpuMs: number }>;
}

/** The child: the shard files in `dir` (named in `keys`), each decoded `views` times, asked every query. */
async function child(root: string, dir: string, keys: string[], views: number, queries: string[]): Promise<TailRun> {
  const engine = await engineOf(root);
  const bodies = await Promise.all(keys.map(async (key) => new Uint8Array(await readFile(join(dir, key)))));
  const entries = [];
  for (let view = 0; view < views; view++)
    for (const [i, body] of bodies.entries())
      entries.push({ key: `${keys[i]}~${view}`, segment: engine.decodeSegment(body) });
  const index = new engine.SearchIndex(entries);
  const ask = async (q: string) => (await index.search(engine.toIndexQuery(engine.parseQuery(q)))).top(10);
  for (const q of queries) await ask(q); // warm-up: JIT, the document tables decoded
  const out: TailRun['queries'] = [];
  for (const q of queries) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    await ask(q);
    const wallMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    out.push({ q, wallMs, cpuMs: (used.user + used.system) / 1000 });
  }
  return { segments: entries.length, queries: out };
}

async function parent(): Promise<void> {
  const { values } = parseArgs({
    options: {
      baseline: { type: 'string' },
      shards: { type: 'string', default: '2' },
      views: { type: 'string', default: '50' },
      runs: { type: 'string', default: '3' },
    },
  });
  if (!values.baseline)
    throw new Error('Usage: bench-keyword-tail.ts --baseline DIR [--shards N] [--views N] [--runs N]');
  const roots = {
    baseline: resolve(values.baseline),
    branch: resolve(fileURLToPath(new URL('../..', import.meta.url))),
  };
  const [shards, views, runs] = [Number(values.shards), Number(values.views), Number(values.runs)];
  const corpus = resolve(roots.branch, '../shared/corpus');
  const real = (
    await Promise.all(
      ['wikinews-2019-2020/articles.jsonl', 'bbc-news/articles.jsonl'].map((f) => readCorpus(join(corpus, f))),
    )
  ).flat();
  // The bench's scales copy the real articles up to their size (replicate-documents.ts).
  const corpusDocuments = real.map((article) => ({
    id: `${article.corpus.slice(0, 4)}-${article.ordinal}`,
    title: article.title,
    text: article.text,
    speakers: [],
    publisher: article.corpus,
    publishedAt: '',
  }));
  const queries = buildQueries(real)
    .filter((query) => query.kind === 'keyword')
    .map((query) => query.q);
  const dir = await mkdtemp(join(tmpdir(), 'bench-keyword-tail-'));
  try {
    const keys: Record<string, string[]> = {};
    for (const [name, root] of Object.entries(roots)) {
      const engine = await engineOf(root);
      const articles = shards * engine.SHARD_DOCUMENTS;
      const documents = [...replicate(corpusDocuments, articles)];
      keys[name] = [];
      for (let from = 0; from < articles; from += engine.SHARD_DOCUMENTS) {
        const key = `${name}-${keys[name].length}`;
        await writeFile(
          join(dir, key),
          engine.encodeSegment(engine.buildSegment(documents.slice(from, from + engine.SHARD_DOCUMENTS))),
        );
        keys[name].push(key);
      }
    }
    await writeFile(join(dir, 'queries.json'), JSON.stringify(queries));
    const results: Record<string, TailRun[]> = { baseline: [], branch: [] };
    // Alternating, so the two meet the same load on the shared machine.
    for (let run = 0; run < runs; run++)
      for (const name of Object.keys(roots) as Array<keyof typeof roots>) {
        const { result } = await runJsonChild<TailRun>([
          '--import',
          'tsx',
          fileURLToPath(import.meta.url),
          '--child',
          roots[name],
          dir,
          keys[name].join(','),
          String(views),
        ]);
        results[name].push(result);
      }
    type Sample = TailRun['queries'][number];
    /** Per run, the percentiles of `pick`; then their median over runs. */
    const tail = (name: string, pick: (q: Sample) => number) => {
      const each = results[name].map((r) => summarize(r.queries.map(pick)));
      return {
        p50: median(each.map((p) => p.p50)),
        p95: median(each.map((p) => p.p95)),
        p99: median(each.map((p) => p.p99)),
      };
    };
    /** The branch's percentile over the baseline's, run by run (both met the same load), then the median. */
    const ratio = (at: keyof Percentiles, pick: (q: Sample) => number) =>
      median(
        results.branch.map(
          (r, i) => summarize(r.queries.map(pick))[at] / summarize(results.baseline[i].queries.map(pick))[at],
        ),
      );
    const slowest = (name: string) => {
      const byQuery = new Map<string, number[]>();
      for (const r of results[name])
        for (const q of r.queries) byQuery.set(q.q, [...(byQuery.get(q.q) ?? []), q.cpuMs]);
      return [...byQuery]
        .map(([q, ms]) => ({ q, cpuMs: median(ms) }))
        .sort((a, b) => b.cpuMs - a.cpuMs)
        .slice(0, 5);
    };
    const report = {
      segments: results.branch[0]?.segments,
      runs,
      queries: queries.length,
      ...Object.fromEntries(
        Object.keys(roots).map((name) => [
          name,
          { wall: tail(name, (q) => q.wallMs), cpu: tail(name, (q) => q.cpuMs), slowestByCpu: slowest(name) },
        ]),
      ),
      ratio: {
        wallP99: ratio('p99', (q) => q.wallMs),
        cpuP50: ratio('p50', (q) => q.cpuMs),
        cpuP99: ratio('p99', (q) => q.cpuMs),
      },
    };
    console.log(JSON.stringify(report, null, 2));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  const [root, dir, keys, views] = process.argv.slice(3);
  const queries = JSON.parse(await readFile(join(dir, 'queries.json'), 'utf8')) as string[];
  console.log(JSON.stringify(await child(root, dir, keys.split(','), Number(views), queries)));
} else await parent();
