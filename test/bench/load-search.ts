/**
 * Search throughput at 20 connections (issue 10's "736 requests/s, p99 66 ms"): for each source
 * tree given, starts its local server (`functions/handlers/local.ts`, a child process on
 * 127.0.0.1 with its own temporary data folder), imports corpus articles through its API, then
 * drives a fixed mix of search queries at it with autocannon. Trees are measured in turn, each
 * run on every tree before the next run, so a busy moment of the shared machine hits all of them.
 * Bounded: `--seconds` per run (10), `--runs` (3), `--documents` per corpus (150).
 *
 *   node --openssl-legacy-provider --import tsx test/bench/load-search.ts --root /tmp/main-tree --root . --runs 3
 *   … --runs 1 --node-option=--cpu-prof --node-option=--cpu-prof-dir=/tmp/prof   (profile the server)
 *
 * Prints one JSON line: per tree, requests/s and p99 latency (ms) of each run, and their medians.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { readImportItems } from '../../functions/local/read-import-items.ts';
import { LOAD_QUERIES as QUERIES } from './load-search-queries.ts';

const { values } = parseArgs({
  options: {
    root: { type: 'string', multiple: true, default: [resolve(import.meta.dirname, '../..')] },
    runs: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20' },
    documents: { type: 'string', default: '150' },
    /** Appended to every search, e.g. `collapse=false` to leave out the copy links' reads. */
    params: { type: 'string', default: '' },
    port: { type: 'string', default: '3917' },
    /** Passed to the server's node, e.g. `--cpu-prof` with `--cpu-prof-dir=/tmp/prof` to profile it. */
    'node-option': { type: 'string', multiple: true, default: [] },
    corpus: {
      type: 'string',
      default: process.env.VERBATIM_CORPUS ?? resolve(import.meta.dirname, '../../../shared/corpus'),
    },
  },
});

const base = `http://127.0.0.1:${values.port}`;
const decoder = new TextDecoder();

async function waitForServer(child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}.`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('The server did not answer /api/health within 150 s.');
}

/** Imports the first `--documents` articles of each corpus through the API, 8 at a time. */
async function importCorpus(): Promise<number> {
  const paths = ['wikinews-2019-2020', 'bbc-news'].map((name) => join(values.corpus!, name, 'articles.jsonl'));
  const bodies: string[] = [];
  for (const path of paths) {
    let taken = 0;
    for await (const item of readImportItems([path])) {
      if (taken >= Number(values.documents)) break;
      if (!('request' in item)) continue;
      const { file, metadata } = item.request;
      bodies.push(JSON.stringify({ ...metadata, text: decoder.decode(file.bytes) }));
      taken++;
    }
  }
  let next = 0;
  let stored = 0;
  const post = async () => {
    while (next < bodies.length) {
      const body = bodies[next++];
      const response = await fetch(`${base}/api/documents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      if (response.status === 201 || response.status === 200) stored++;
      await response.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: 8 }, post));
  return stored;
}

function load(seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url: base,
    connections: Number(values.connections),
    duration: seconds,
    requests: QUERIES.map((q) => {
      const [words, rest] = q.split('&');
      const params = [rest, values.params].filter(Boolean).map((p) => `&${p}`);
      return { method: 'GET', path: `/api/search?q=${encodeURIComponent(words)}${params.join('')}` };
    }),
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results: Record<
  string,
  { documents: number; requestsPerSecond: number[]; p99Ms: number[]; errors: number; non2xx: number }
> = {};
for (let run = 1; run <= Number(values.runs); run++) {
  for (const root of values.root!.map((r) => resolve(r))) {
    const dataDir = mkdtempSync(join(tmpdir(), 'verbatim-load-'));
    const child = spawn(
      process.execPath,
      ['--openssl-legacy-provider', ...values['node-option']!, '--import', 'tsx', 'functions/handlers/local.ts'],
      {
        cwd: root,
        env: {
          ...process.env,
          PORT: values.port,
          VERBATIM_DATA_DIR: dataDir,
          VERBATIM_API_TOKEN: '',
          VERBATIM_API_TOKENS: '',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    try {
      await waitForServer(child);
      const documents = await importCorpus();
      await load(2); // warm-up: the index, the caches, the JIT
      const result = await load(Number(values.seconds));
      const entry = (results[root] ??= { documents, requestsPerSecond: [], p99Ms: [], errors: 0, non2xx: 0 });
      entry.requestsPerSecond.push(Math.round(result.requests.average));
      entry.p99Ms.push(result.latency.p99);
      entry.errors += result.errors + result.timeouts;
      entry.non2xx += result.non2xx;
      console.error(root, `run ${run}:`, Math.round(result.requests.average), 'req/s, p99', result.latency.p99, 'ms');
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
}
const summary = Object.fromEntries(
  Object.entries(results).map(([root, r]) => [
    root,
    { ...r, medianRequestsPerSecond: median(r.requestsPerSecond), medianP99Ms: median(r.p99Ms) },
  ]),
);
console.log(
  JSON.stringify({
    connections: Number(values.connections),
    seconds: Number(values.seconds),
    queries: QUERIES,
    results: summary,
  }),
);
