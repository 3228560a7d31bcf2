/**
 * `npm run soak:fuzz`: sends many malformed and random requests to a real local server (embedded
 * s3rver + dynalite, a throwaway data folder, 127.0.0.1 only) and counts what must never happen:
 * a 5xx, an error answered without the JSON `{ error: { code, message } }` body, a request left
 * unanswered. Bounded by count and time; prints a JSON summary and exits 1 if any count is not 0.
 *
 *   npm run soak:fuzz -- --count 5000 --seconds 120 --seed 7 --concurrency 8
 */
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createApp } from '../../functions/http/create-app.ts';
import { serveApp } from '../../functions/local/serve-app.ts';
import { startLocalArchive } from '../../functions/local/start-local-archive.ts';
import { rawRequest } from '../helpers/raw-http.ts';
import { fuzzCases } from './fuzz-cases.ts';

/** Hard caps, whatever the arguments say: this shares a machine. */
export const MAX_FUZZ_REQUESTS = 100_000;
export const MAX_FUZZ_SECONDS = 600;
/** Small uploads keep 413s cheap to reach. */
const FUZZ_UPLOAD_BYTES = 64 * 1024;
const TOKEN = 'fuzz-token-0123456789abcdef';

/** What a fuzz run saw. */
export interface FuzzSummary {
  seed: number;
  requests: number;
  seconds: number;
  byStatus: Record<string, number>;
  byKind: Record<string, number>;
  serverErrors: number;
  /** Errors not in the JSON shape (web pages may answer with a readable HTML page instead). */
  nonJsonErrors: number;
  /** Errors of web pages (paths outside /api/) answered as an HTML page: allowed, counted. */
  htmlPageErrors: number;
  unanswered: number;
  /** Up to 10 offending cases: kind, status, the first bytes sent and received. */
  examples: Array<{ kind: string; status: number; sent: string; received: string }>;
}

/** The request path, from the request line sent. */
const pathOf = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 300)).toString('latin1').split(' ')[1] ?? '';

/** A readable error page for a browser: allowed where a person, not a program, asked. */
const isHtmlPage = (bytes: Uint8Array, contentType: string | undefined, body: string) =>
  /^\/(?!api\/)/.test(pathOf(bytes)) && /^text\/html/i.test(contentType ?? '') && /<title>[^<]+<\/title>/.test(body);

function isJsonError(contentType: string | undefined, body: string): boolean {
  if (!/^application\/json/i.test(contentType ?? '')) return false;
  try {
    const parsed = JSON.parse(body);
    return (
      typeof parsed?.error?.code === 'string' &&
      typeof parsed.error.message === 'string' &&
      parsed.error.message.length > 0
    );
  } catch {
    return false;
  }
}

/**
 * @example
 * ```ts
 * const summary = await runFuzz({ count: 200, seconds: 30, seed: 1 });
 * summary.serverErrors; // 0
 * ```
 */
export async function runFuzz(options: {
  count: number;
  seconds: number;
  seed: number;
  concurrency?: number;
}): Promise<FuzzSummary> {
  const count = Math.min(options.count, MAX_FUZZ_REQUESTS);
  const deadline = Date.now() + Math.min(options.seconds, MAX_FUZZ_SECONDS) * 1000;
  const local = await startLocalArchive(
    { VERBATIM_API_TOKEN: TOKEN, VERBATIM_MAX_UPLOAD_BYTES: String(FUZZ_UPLOAD_BYTES) },
    { persistent: false },
  );
  const server = serveApp(createApp({ archive: local.archive, apiTokens: local.config.apiTokens }).fetch, {
    port: 0,
    hostname: '127.0.0.1',
  });
  await new Promise((resolve) => server.once('listening', resolve));
  const port = (server.address() as AddressInfo).port;
  const next = fuzzCases(options.seed, TOKEN);
  const summary: FuzzSummary = {
    seed: options.seed,
    requests: 0,
    seconds: 0,
    byStatus: {},
    byKind: {},
    serverErrors: 0,
    nonJsonErrors: 0,
    htmlPageErrors: 0,
    unanswered: 0,
    examples: [],
  };
  const started = Date.now();
  const worker = async () => {
    while (summary.requests < count && Date.now() < deadline) {
      summary.requests++;
      const fuzz = next();
      const response = await rawRequest(port, fuzz.bytes);
      summary.byStatus[response.status] = (summary.byStatus[response.status] ?? 0) + 1;
      summary.byKind[fuzz.kind] = (summary.byKind[fuzz.kind] ?? 0) + 1;
      const unanswered = response.status === 0;
      const serverError = response.status >= 500;
      const failed =
        response.status >= 400 && !fuzz.head && !isJsonError(response.headers['content-type'], response.body);
      const page = failed && isHtmlPage(fuzz.bytes, response.headers['content-type'], response.body);
      const nonJson = failed && !page;
      summary.htmlPageErrors += Number(page);
      summary.unanswered += Number(unanswered);
      summary.serverErrors += Number(serverError);
      summary.nonJsonErrors += Number(nonJson);
      if ((unanswered || serverError || nonJson) && summary.examples.length < 10) {
        summary.examples.push({
          kind: fuzz.kind,
          status: response.status,
          sent: Buffer.from(fuzz.bytes.subarray(0, 200)).toString('latin1'),
          received: response.body.slice(0, 200),
        });
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  } finally {
    summary.seconds = Math.round((Date.now() - started) / 100) / 10;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await local.close();
  }
  return summary;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '3000' },
      seconds: { type: 'string', default: '120' },
      seed: { type: 'string', default: String(Date.now() % 1e6) },
      concurrency: { type: 'string', default: '4' },
    },
  });
  const summary = await runFuzz({
    count: Number(values.count),
    seconds: Number(values.seconds),
    seed: Number(values.seed),
    concurrency: Number(values.concurrency),
  });
  console.log(JSON.stringify(summary, null, 2));
  process.exit(summary.serverErrors + summary.nonJsonErrors + summary.unanswered === 0 ? 0 : 1);
}
