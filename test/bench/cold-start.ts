/**
 * A cold start of the shipped api function, run as its own process by the benchmark: the asset
 * `cdk synth` packaged (see test/helpers/shipped-handler.ts), loaded as Lambda loads it — its
 * handler module imported, then invoked with an API Gateway v2 event for a search — against
 * storage that is already there (endpoints from the environment, as on Lambda). Prints one JSON
 * line of {@link ColdStartSplit} on stdout.
 *
 * Usage: `node cold-start.mjs <handler module> <export name>`. The handler is a black box, so the
 * split between loading the index and answering is read from its traffic to S3 (node:http's
 * diagnostics channels): shard heads are the byte ranges from 0, postings the others.
 *
 * With `BENCH_TRACE_MODULES=1` it also lists every module file Node loaded (a module loader hook,
 * which slows loading: the timings of such a run are not figures). `BENCH_THEN_EVENTS` names a
 * JSON file of more events, invoked after the search, whose responses are reported too. With
 * `BENCH_WARM_FIRST=1` a request that reads no index (a missing document) runs first, so the
 * memory the search adds is the index's, without the app's first-request costs (routing, clients):
 * the benchmark's memory figures come from such a run, its timings from the others.
 */
import { subscribe } from 'node:diagnostics_channel';
import { readFileSync } from 'node:fs';
import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';

/** The background load of the remaining postings counts as done once S3 has been quiet this long. */
const QUIET_MS = 750;

/** Milliseconds of each phase of a cold start, in order, and what the loaded index occupies. */
export interface ColdStartSplit {
  /** Process start to the first line of this file: Node starting. */
  bootMs: number;
  /** Importing the handler module (its top level runs: config, clients, the app). */
  importMs: number;
  /** Invocation to the first postings read: routing, manifest, every shard's head, the log. */
  loadIndexMs: number;
  /** The first search itself: the postings it needs (S3 byte ranges), then its documents (S3). */
  firstQueryMs: number;
  /** Process start to the first answered search. */
  totalMs: number;
  /** Process start to the last background postings read (every shard whole in memory). */
  completeMs: number;
  /** Heap and array buffers the search added (index and all), after a GC. */
  heapBytes: number;
  arrayBufferBytes: number;
  /** Resident memory with the handler loaded but not yet invoked, and with the index loaded. */
  baseRssBytes: number;
  rssBytes: number;
  firstQueryTotal: number;
  /** Byte-range reads of shard heads before the first query, and of postings by the first query. */
  headRequests: number;
  headBytes: number;
  firstQueryRangeRequests: number;
  firstQueryRangeBytes: number;
  /** With BENCH_TRACE_MODULES: module files loaded by the first answer, and by the end. */
  modulesAtAnswer?: string[];
  modulesAtEnd?: string[];
  /** With BENCH_THEN_EVENTS: each later event's status and body. */
  then?: Array<{ statusCode: number; body: string }>;
}

/** One HTTP request the handler made, as seen on node:http's diagnostics channels. */
interface Traffic {
  startedAt: number;
  finishedAt?: number;
  /** For a byte-range GET of a shard: its first byte and length. */
  range?: { start: number; bytes: number };
}

// Requests in flight, by request; a finished one is moved to `done` and its request let go: a
// request holds its response, and the SDK's body collector with every chunk of it, so keeping
// requests as keys doubled the array-buffer bytes the memory figure counts.
const pending = new Map<object, Traffic>();
const done: Traffic[] = [];
const traffic = { values: () => [...done, ...pending.values()] };
subscribe('http.client.request.start', (message) => {
  const { request } = message as { request: { path: string; getHeader(name: string): unknown } };
  const range = /^bytes=(\d+)-(\d+)$/.exec(String(request.getHeader('range') ?? ''));
  const shard = range && /\/index\//.test(request.path);
  pending.set(request, {
    startedAt: performance.now(),
    range: shard ? { start: Number(range[1]), bytes: Number(range[2]) - Number(range[1]) + 1 } : undefined,
  });
});
subscribe('http.client.response.finish', (message) => {
  const { request } = message as { request: object };
  const entry = pending.get(request);
  if (!entry) return;
  entry.finishedAt = performance.now();
  pending.delete(request);
  done.push(entry);
});

const loaded: string[] = [];
if (process.env.BENCH_TRACE_MODULES === '1') {
  const { port1, port2 } = new MessageChannel();
  port1.on('message', (url: string) => loaded.push(url)).unref();
  const hook = `let port; export function initialize(data) { port = data.port; }
    export async function load(url, context, next) { if (url.startsWith('file:')) port.postMessage(url); return next(url, context); }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`, { data: { port: port2 }, transferList: [port2] });
}

/** Lets queued messages (module URLs from the loader thread) arrive before reading them. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

async function main(): Promise<ColdStartSplit> {
  const [file, exportName = 'handler'] = process.argv.slice(2);
  if (!file) throw new Error('Usage: cold-start.mjs <handler module> [export name]');
  const { apiGatewayEvent } = await import('../helpers/api-gateway-event.ts');
  const started = performance.now();
  const handler = (await import(pathToFileURL(file).href))[exportName] as (
    event: unknown,
    context: unknown,
  ) => Promise<{ statusCode: number; body: string }>;
  const imported = performance.now();

  if (process.env.BENCH_WARM_FIRST === '1') {
    const warm = await handler(apiGatewayEvent('GET', '/api/documents/0000000000000000'), {});
    if (warm.statusCode !== 404)
      throw new Error(`The warm-up request answered ${warm.statusCode}: ${warm.body.slice(0, 500)}`);
  }
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage();
  const invoked = performance.now();
  const q = process.env.BENCH_FIRST_QUERY || 'government';
  const response = await handler(
    apiGatewayEvent('GET', '/api/search', { query: `q=${encodeURIComponent(q)}&limit=10` }),
    {},
  );
  const answered = performance.now();
  if (response.statusCode !== 200)
    throw new Error(`The first search answered ${response.statusCode}: ${response.body.slice(0, 500)}`);
  await settle();
  const modulesAtAnswer = [...loaded];

  const ranges = () => [...traffic.values()].filter((t) => t.range);
  const heads = ranges().filter((t) => t.range!.start === 0);
  if (heads.length === 0) throw new Error('No shard head was read: run compactIndex before measuring a cold start.');
  const postings = ranges().filter((t) => t.range!.start > 0 && t.startedAt <= answered);
  const indexReady = postings.length
    ? Math.min(...postings.map((t) => t.startedAt))
    : Math.max(...heads.map((t) => t.finishedAt ?? answered));

  // The rest of the postings load in the background: wait until S3 has been quiet for QUIET_MS.
  for (;;) {
    const inFlight = [...traffic.values()].some((t) => t.finishedAt === undefined);
    const last = Math.max(...[...traffic.values()].map((t) => t.finishedAt ?? Infinity));
    if (!inFlight && performance.now() - last > QUIET_MS) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const completed = Math.max(answered, ...ranges().map((t) => t.finishedAt!));
  // Twice: array buffers are freed by a weak callback that runs after the collection that finds them.
  gc?.();
  gc?.();
  const after = process.memoryUsage();

  const then: ColdStartSplit['then'] = [];
  if (process.env.BENCH_THEN_EVENTS) {
    for (const event of JSON.parse(readFileSync(process.env.BENCH_THEN_EVENTS, 'utf8')) as unknown[]) {
      const { statusCode, body } = await handler(event, {});
      then.push({ statusCode, body });
    }
  }
  await settle();
  const sum = (items: Traffic[]) => items.reduce((total, t) => total + t.range!.bytes, 0);
  return {
    bootMs: started,
    importMs: imported - started,
    loadIndexMs: indexReady - invoked,
    firstQueryMs: answered - indexReady,
    totalMs: answered,
    completeMs: completed,
    heapBytes: after.heapUsed - before.heapUsed,
    arrayBufferBytes: after.arrayBuffers - before.arrayBuffers,
    baseRssBytes: before.rss,
    rssBytes: after.rss,
    firstQueryTotal: (JSON.parse(response.body) as { total: number }).total,
    headRequests: heads.length,
    headBytes: sum(heads),
    firstQueryRangeRequests: postings.length,
    firstQueryRangeBytes: sum(postings),
    ...(loaded.length ? { modulesAtAnswer, modulesAtEnd: [...loaded] } : {}),
    ...(then.length ? { then } : {}),
  };
}

main().then(
  (split) => process.stdout.write(`${JSON.stringify(split)}\n`, () => process.exit(0)),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
