/**
 * FTS5 behind a minimal HTTP endpoint, so the baseline's latency is measured through a socket and
 * JSON like our own API's, not as a bare function call that no user would ever see.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Fts5Searcher } from './fts5-baseline.ts';

/** A running FTS5 search server. */
export interface Fts5Server {
  /** Base URL, e.g. `http://127.0.0.1:53211`. */
  url: string;
  close(): Promise<void>;
}

const MAX_LIMIT = 100;

/**
 * Serves `GET /search?q=…&limit=10` as `{ results: [{ id, title, snippet }] }` from the database
 * file, on a free local port.
 *
 * @example
 * ```ts
 * const server = await startFts5Server('/tmp/bench.db');
 * const { results } = await (await fetch(`${server.url}/search?q=budget`)).json();
 * await server.close();
 * ```
 */
export async function startFts5Server(file: string): Promise<Fts5Server> {
  const searcher = Fts5Searcher.open(file);
  const server = createServer((request, response) => {
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify(body));
    };
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method !== 'GET' || url.pathname !== '/search') return send(404, { error: 'not_found' });
    const q = url.searchParams.get('q');
    if (!q) return send(400, { error: 'bad_request', message: 'The q parameter is required.' });
    const requested = Number(url.searchParams.get('limit') ?? 10);
    const limit = Number.isInteger(requested) && requested > 0 ? Math.min(requested, MAX_LIMIT) : 10;
    try {
      send(200, { results: searcher.searchWithSnippets(q, limit) });
    } catch (error) {
      send(500, { error: 'internal', message: error instanceof Error ? error.message : String(error) });
    }
  });
  // Benchmark clients reuse connections; the default 5 s keep-alive would otherwise drop them mid-run.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          searcher.close();
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}
