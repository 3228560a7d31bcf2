/**
 * The import CLI's client for a running Verbatim (`npm run import -- --api URL`): posts each
 * article to `POST /api/documents` and waits out the API's throttle instead of failing on it.
 */
import type { IngestRequest } from '../app/ingest-document.ts';
import { VerbatimError, type ErrorCode } from '../core/errors.ts';
import type { components } from './verbatim-api.ts';

// The API's own description, generated from /api/openapi.json (`npm run api:types`; a test fails
// when it drifts from the app), so this client cannot ask for or expect what the API does not say.
type MultipartFields = components['schemas']['IngestMultipart'];
type IngestAnswer = components['schemas']['IngestResult'];
type ErrorAnswer = components['schemas']['Error'];

/** The metadata fields a multipart upload carries, as the API names them. */
const FIELDS = ['title', 'url', 'publisher', 'author', 'publishedAt'] as const satisfies ReadonlyArray<
  keyof MultipartFields
>;

/** How many times one article is retried after a `429`; then the import stops (it would only get worse). */
export const MAX_THROTTLE_RETRIES = 6;
/** The first wait after a `429`, doubled on each retry (0.5, 1, 2, 4, 8, 8 s by default). */
const BASE_DELAY_MS = 500;
/** No single wait is longer than this, whatever the server's `Retry-After` says. */
const MAX_DELAY_MS = 8_000;

/** Options for {@link postToApi}. */
export interface PostToApiOptions {
  /** The first back-off delay; tests make it small. @default 500 */
  readonly baseDelayMs?: number;
}

/**
 * An ingest function for `importDocuments` that uploads to `api` as multipart. A `4xx` rejects
 * this article (a `VerbatimError`); a `401`, a `5xx` or a throttle that outlasts
 * {@link MAX_THROTTLE_RETRIES} stops the import (a plain `Error`).
 *
 * @example
 * ```ts
 * const ingest = postToApi('https://verbatim.example', token);
 * await importDocuments(items, ingest, { concurrency: 8 });
 * ```
 */
export function postToApi(api: string, token: string | undefined, options: PostToApiOptions = {}) {
  const baseDelayMs = options.baseDelayMs ?? BASE_DELAY_MS;
  return async (request: IngestRequest): Promise<{ duplicate: boolean }> => {
    const form = new FormData();
    form.set(
      'file',
      new Blob([request.file.bytes as Uint8Array<ArrayBuffer>], { type: request.file.contentType }),
      request.file.fileName ?? 'article.txt',
    );
    for (const key of FIELDS) {
      const value = request.metadata?.[key];
      if (value) form.set(key, value);
    }
    const response = await fetchThrottled(
      () =>
        fetch(new URL('/api/documents', api), {
          method: 'POST',
          body: form,
          headers: token ? { authorization: `Bearer ${token}` } : {},
        }),
      baseDelayMs,
    );
    const body = (await response.json()) as IngestAnswer;
    return { duplicate: body.duplicate };
  };
}

/**
 * Sends a request (made afresh for each try) until it is not throttled, and answers its response
 * once `ok`. A `4xx` throws a `VerbatimError` (the article's problem); a `401`, a `5xx` or a throttle
 * that outlasts {@link MAX_THROTTLE_RETRIES} throws a plain `Error` (stops the import). Shared with
 * the batch client (`post-batch-to-api.ts`).
 *
 * @example
 * ```ts
 * const response = await fetchThrottled(() => fetch(url, { method: 'POST', body }), 500);
 * ```
 */
export async function fetchThrottled(send: () => Promise<Response>, baseDelayMs = BASE_DELAY_MS): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const response = await send();
    if (response.status === 429) {
      await response.body?.cancel();
      if (attempt === MAX_THROTTLE_RETRIES) {
        throw new Error(
          `The API kept answering 429 (throttled) after ${MAX_THROTTLE_RETRIES} retries: try a lower --concurrency.`,
        );
      }
      await sleep(throttleDelay(response.headers.get('retry-after'), baseDelayMs * 2 ** attempt));
      continue;
    }
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as Partial<ErrorAnswer>;
      const message = body.error?.message ?? `HTTP ${response.status}`;
      // Client errors are this article's problem; anything else stops the import.
      if (response.status >= 500 || response.status === 401) throw new Error(message);
      throw new VerbatimError((body.error?.code as ErrorCode | undefined) ?? 'bad_request', message);
    }
    return response;
  }
}

/** The server's `Retry-After` (seconds) when it sends one, else the back-off; capped, with jitter. */
function throttleDelay(retryAfter: string | null, backoffMs: number): number {
  const serverMs = retryAfter !== null && /^\d+$/.test(retryAfter) ? Number(retryAfter) * 1000 : undefined;
  const wait = Math.min(serverMs ?? backoffMs, MAX_DELAY_MS);
  // Up to a quarter more, so that concurrent uploads throttled together do not retry together.
  return wait * (1 + Math.random() / 4);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
