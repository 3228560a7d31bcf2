/**
 * The index part of a cold start, this tree's engine beside another checkout's (main's) in the
 * same run: both build shards from the same articles (the real corpus, copied up to `--articles`
 * as the bench's scales copy it), served over loopback HTTP with byte ranges; a new Node process
 * per run reads each shard as a cold reader does (`fetchShard`) and answers the bench's first
 * keyword query (or each of the first `--queries`) and reads its page's stored texts. Reported:
 * rounds of requests (a wave: a request starting while none is in flight begins the next), bytes
 * fetched before the answer, milliseconds from the first shard read
 * to the answer, then to the whole index in memory; in this process, keyword p50 / p99 over the
 * bench's 100 keyword queries on the whole index, and the index's bytes. Medians of `--runs`.
 *
 * Usage: `node --import tsx test/bench/bench-cold-index.ts --baseline DIR [--articles 25000] [--runs 3] [--queries 1]`
 * with DIR a checkout of the baseline (`git archive main | tar -x -C DIR`, its node_modules linked).
 * Speakers are left out of the documents (the bench's archive finds them by ingest; both engines
 * index the same documents here).
 */
import { createServer } from 'node:http';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildQueries, readCorpus } from './bench-queries.ts';
import { summarize } from './percentiles.ts';
import { runJsonChild } from './run-json-child.ts';

type Engine = typeof import('../../functions/core/search/index.ts');
const engineOf = (root: string): Promise<Engine> =>
  import(pathToFileURL(join(root, 'functions/core/search/index.ts')).href) as Promise<Engine>;
const fetchShardOf = (root: string): Promise<typeof import('../../functions/core/search/fetch-shard.ts')> =>
  import(pathToFileURL(join(root, 'functions/core/search/fetch-shard.ts')).href);

interface ShardFile {
  key: string;
  documentCount: number;
  bytes: number;
  headBytes: number;
}

/** The child: a cold reader of the shards at `url`, answering `q`. */
async function child(root: string, url: string, shards: ShardFile[], q: string) {
  const engine = await engineOf(root);
  const { fetchShard } = await fetchShardOf(root);
  let bytes = 0;
  let requests = 0;
  // A round is a wave of requests: one that starts while none is in flight begins the next.
  let rounds = 0;
  let inFlight = 0;
  let directoryBytes = 0;
  const files = {
    get: async () => null,
    getRange: async (key: string, start: number, end: number) => {
      if (inFlight++ === 0) rounds++;
      const response = await fetch(`${url}/${key}`, { headers: { range: `bytes=${start}-${end - 1}` } });
      const body = new Uint8Array(await response.arrayBuffer());
      inFlight--;
      bytes += body.byteLength;
      if (start === 0) directoryBytes += body.byteLength;
      requests++;
      return body;
    },
  };
  const started = performance.now();
  const segments = await Promise.all(shards.map((info) => fetchShard(files, info, () => undefined)));
  const index = new engine.SearchIndex(segments.map((segment, i) => ({ key: shards[i].key, segment })));
  const hits = await index.search(engine.toIndexQuery(engine.parseQuery(q)));
  // What the facets read: every hit's stored document.
  let published = 0;
  for (let hit = 0; hit < hits.total; hit++) if (hits.document(hit).publisher) published++;
  // The page: its hits' stored texts, as a result page reads them.
  await hits.storedTexts(hits.top(10));
  const answeredMs = performance.now() - started;
  const [answerBytes, answerRequests, answerRounds] = [bytes, requests, rounds];
  await index.loadAll();
  return {
    answeredMs,
    completeMs: performance.now() - started,
    answerBytes,
    answerRequests,
    answerRounds,
    directoryBytes,
    total: hits.total,
    published,
  };
}

async function parent(): Promise<void> {
  const { values } = parseArgs({
    options: {
      baseline: { type: 'string' },
      articles: { type: 'string' },
      runs: { type: 'string' },
      queries: { type: 'string' },
    },
  });
  if (!values.baseline) throw new Error('Usage: bench-cold-index.ts --baseline DIR [--articles N] [--runs N]');
  const roots = {
    baseline: resolve(values.baseline),
    branch: resolve(fileURLToPath(new URL('../..', import.meta.url))),
  };
  const articles = Number(values.articles ?? 25_000);
  const runs = Number(values.runs ?? 3);
  const corpus = resolve(roots.branch, '../shared/corpus');
  const real = (
    await Promise.all(
      ['wikinews-2019-2020/articles.jsonl', 'bbc-news/articles.jsonl'].map((f) => readCorpus(join(corpus, f))),
    )
  ).flat();
  const keyword = buildQueries(real).filter((query) => query.kind === 'keyword');
  const documents = Array.from({ length: articles }, (_, k) => {
    const source = real[k % real.length];
    const copy = Math.floor(k / real.length);
    return {
      id: `${source.corpus.slice(0, 4)}-${source.ordinal}~${copy}`,
      title: copy ? `${source.title} (copy ${copy})` : source.title,
      text: source.text,
      speakers: [],
      publisher: source.corpus,
      publishedAt: '',
    };
  });
  const dir = await mkdtemp(join(tmpdir(), 'bench-cold-index-'));
  const figures: Record<string, unknown> = {};
  const manifests: Record<string, ShardFile[]> = {};
  for (const [name, root] of Object.entries(roots)) {
    const engine = await engineOf(root);
    const shards: ShardFile[] = [];
    const whole = [];
    for (let from = 0; from < documents.length; from += engine.SHARD_DOCUMENTS) {
      const body = engine.encodeSegment(engine.buildSegment(documents.slice(from, from + engine.SHARD_DOCUMENTS)));
      const key = `${name}-${shards.length}`;
      await writeFile(join(dir, key), body);
      shards.push({
        key,
        documentCount: Math.min(engine.SHARD_DOCUMENTS, articles - from),
        bytes: body.byteLength,
        headBytes: engine.headLength(body),
      });
      whole.push({ key, segment: engine.decodeSegment(body) });
    }
    manifests[name] = shards;
    const index = new engine.SearchIndex(whole);
    const samples: number[][] = [];
    for (let run = 0; run < runs; run++) {
      const times: number[] = [];
      for (const query of keyword) {
        const started = performance.now();
        const hits = await index.search(engine.toIndexQuery(engine.parseQuery(query.q)));
        hits.top(10);
        times.push(performance.now() - started);
      }
      samples.push(times);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    figures[name] = {
      shards: shards.length,
      indexBytes: shards.reduce((n, s) => n + s.bytes, 0),
      directoryBytes: shards.reduce((n, s) => n + s.headBytes, 0),
      keywordP50: median(samples.map((s) => summarize(s).p50)),
      keywordP99: median(samples.map((s) => summarize(s).p99)),
    };
  }
  // The files are held in memory: the server must not be what a run with more requests waits on.
  const held = new Map<string, Buffer>();
  const server = createServer(async (request, response) => {
    const key = request.url!.slice(1);
    if (!held.has(key)) held.set(key, await readFile(join(dir, key)));
    const body = held.get(key)!;
    const [, start, end] = /bytes=(\d+)-(\d+)/.exec(request.headers.range ?? '') ?? [];
    response.writeHead(start ? 206 : 200).end(start ? body.subarray(Number(start), Number(end) + 1) : body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  type Cold = Awaited<ReturnType<typeof child>>;
  const firstQueries = keyword.slice(0, Number(values.queries ?? 1)).map((query) => query.q);
  const colds: Record<string, Record<string, Cold[]>> = { baseline: {}, branch: {} };
  // Alternating, so the two meet the same load on the shared machine.
  for (const q of firstQueries)
    for (let run = 0; run < runs; run++) {
      for (const name of Object.keys(roots) as Array<keyof typeof roots>) {
        const args = ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', roots[name], url, q];
        await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifests[name]));
        const { result } = await runJsonChild<Cold>([...args, join(dir, 'manifest.json')]);
        (colds[name][q] ??= []).push(result);
      }
    }
  server.close();
  const byMs = (xs: Cold[]) => [...xs].sort((a, b) => a.answeredMs - b.answeredMs)[xs.length >> 1];
  const medians = (name: string) => Object.fromEntries(firstQueries.map((q) => [q, byMs(colds[name][q])]));
  const out = {
    articles,
    runs,
    firstQueries,
    figures,
    median: { baseline: medians('baseline'), branch: medians('branch') },
  };
  console.log(JSON.stringify(out, null, 2));
}

if (process.argv[2] === '--child') {
  const [root, url, q, manifest] = process.argv.slice(3);
  const shards = JSON.parse(await readFile(manifest, 'utf8')) as ShardFile[];
  console.log(JSON.stringify(await child(root, url, shards, q)));
} else await parent();
