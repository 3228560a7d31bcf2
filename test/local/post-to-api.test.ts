/**
 * The import CLI's API client against the real app over HTTP, behind a front that throttles the
 * way API Gateway does (429 until the limit frees up). Real archive, real sockets.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VerbatimError } from '../../functions/core/errors.ts';
import { MAX_THROTTLE_RETRIES, postToApi } from '../../functions/local/post-to-api.ts';
import { getJson, useScratchArchive } from '../helpers/scratch-archive.ts';

const TOKEN = 'post-to-api-test-token-0123456789';
const scratch = useScratchArchive({ apiToken: TOKEN });

/** How many of the next requests the front refuses with 429, and how many reached the app. */
const front = { throttleNext: 0, refused: 0, passed: 0, retryAfter: null as string | null };
let baseUrl: string;
let server: ReturnType<typeof serve>;

beforeAll(async () => {
  server = await new Promise((resolve) => {
    const started = serve(
      {
        hostname: '127.0.0.1',
        port: 0,
        fetch: (request: Request) => {
          if (front.throttleNext > 0) {
            front.throttleNext--;
            front.refused++;
            const headers: Record<string, string> = { 'content-type': 'application/json' };
            if (front.retryAfter !== null) headers['retry-after'] = front.retryAfter;
            return new Response('{"message":"Too Many Requests"}', { status: 429, headers });
          }
          front.passed++;
          return scratch.app.fetch(request);
        },
      },
      () => resolve(started),
    );
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const article = (text: string) => ({
  file: { bytes: new TextEncoder().encode(text), contentType: 'text/plain', fileName: 'article.txt' },
  metadata: { title: 'Throttled upload', publisher: 'Test Gazette' },
});

function reset(throttleNext: number, retryAfter: string | null = null) {
  Object.assign(front, { throttleNext, refused: 0, passed: 0, retryAfter });
}

describe('postToApi', () => {
  it('waits out 429s (honouring Retry-After) and then archives the article', async () => {
    reset(2, '0');
    const ingest = postToApi(baseUrl, TOKEN, { baseDelayMs: 5 });
    const text = '"We waited our turn," said Rosa Lind, who runs the harbour office.';
    expect(await ingest(article(text))).toEqual({ duplicate: false });
    expect(front).toMatchObject({ refused: 2, passed: 1 });
    const search = await getJson(scratch.app, '/api/search?q=harbour+office');
    expect(search.body.results.map((r: { title: string }) => r.title)).toEqual(['Throttled upload']);
    // The same text again is a duplicate, not an error.
    reset(1);
    expect(await ingest(article(text))).toEqual({ duplicate: true });
  });

  it('stops the import when the throttle outlasts its retries, and sends nothing through', async () => {
    reset(MAX_THROTTLE_RETRIES + 5);
    const ingest = postToApi(baseUrl, TOKEN, { baseDelayMs: 1 });
    const error = await ingest(article('An article that never gets past the throttle at all.')).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(VerbatimError);
    expect((error as Error).message).toMatch(/429.*--concurrency/);
    expect(front).toMatchObject({ refused: MAX_THROTTLE_RETRIES + 1, passed: 0 });
  });

  it('rejects a bad article at once, without retrying', async () => {
    reset(0);
    const error = await postToApi(baseUrl, TOKEN, { baseDelayMs: 1 })(article('   ')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VerbatimError);
    expect(front.passed).toBe(1);
  });

  it('stops the import on a wrong token', async () => {
    reset(0);
    const error = await postToApi(baseUrl, 'not-the-token-at-all-0000', { baseDelayMs: 1 })(
      article('Some text for a wrong token.'),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(VerbatimError);
  });
});
