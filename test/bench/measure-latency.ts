/**
 * Latency measurement: queries one after another (no overlap, so each sample is one query's own
 * time), in-process or over HTTP against a real `@hono/node-server` listening on 127.0.0.1.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

/** One timed call and what it returned. */
export interface Sample<T> {
  ms: number;
  value: T;
}

/**
 * Runs `call` for each input in order and times each call.
 *
 * @example
 * ```ts
 * const samples = await timeEach(queries, (query) => searchArchive(archive, { q: query.q, limit: 10, offset: 0 }));
 * ```
 */
export async function timeEach<I, T>(inputs: I[], call: (input: I) => Promise<T> | T): Promise<Array<Sample<T>>> {
  const samples: Array<Sample<T>> = [];
  for (const input of inputs) {
    const started = performance.now();
    const value = await call(input);
    samples.push({ ms: performance.now() - started, value });
  }
  return samples;
}

/** A server started for the benchmark. */
export interface BenchServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a fetch handler on 127.0.0.1 on a free port, as `npm start` serves the app.
 *
 * @example
 * ```ts
 * const server = await startServer(createApp({ archive }).fetch);
 * ```
 */
export function startServer(fetch: (request: Request) => Response | Promise<Response>): Promise<BenchServer> {
  return new Promise((resolve) => {
    const server = serve({ fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            // Keep-alive connections would hold close() open until they time out.
            if ('closeAllConnections' in server) server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/** The HTTP baseline: the smallest Hono route there is, on the same kind of server. */
export function startPingServer(): Promise<BenchServer> {
  return startServer(new Hono().get('/ping', (c) => c.text('pong')).fetch);
}

/**
 * GETs a URL and reads the whole body (Node's fetch keeps the connection alive between calls);
 * anything but a 2xx fails the benchmark, since a fast error is not a fast search.
 */
export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  const body = await response.text();
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${body.slice(0, 300)}`);
  return (response.headers.get('content-type') ?? '').includes('json') ? (JSON.parse(body) as T) : (body as T);
}
