/**
 * The import CLI's bulk client for a running Verbatim (`npm run import -- --api URL`): sends
 * articles 100 at a time to `POST /api/documents:batch` as JSON. Only text the batch route can
 * carry as JSON goes that way (plain text and UTF-8 HTML: the JSONL articles); files whose format
 * the server must see (PDF, DOCX, Markdown) are posted one by one as multipart, as before.
 */
import type { BatchItemAnswer } from '../app/import-batches.ts';
import type { IngestRequest } from '../app/ingest-document.ts';
import { VerbatimError } from '../core/errors.ts';
import { fetchThrottled, postToApi, type PostToApiOptions } from './post-to-api.ts';
import type { components } from './verbatim-api.ts';

type BatchBody = components['schemas']['IngestBatch'];
type BatchAnswer = components['schemas']['IngestBatchResult'];

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The JSON item for a request the batch route can carry, or null (it goes as a file). */
function jsonItemOf(request: IngestRequest): BatchBody[number] | null {
  const type = request.file.contentType.split(';')[0].trim().toLowerCase();
  if (type !== 'text/plain' && type !== 'text/html') return null;
  let text: string;
  try {
    text = strictUtf8.decode(request.file.bytes);
  } catch {
    return null; // not UTF-8: the server reads the file's own bytes and says why
  }
  const metadata = Object.fromEntries(Object.entries(request.metadata ?? {}).filter(([, value]) => value));
  return type === 'text/plain' ? { ...metadata, text } : { ...metadata, html: text };
}

/**
 * @example
 * ```ts
 * const ingest = postBatchToApi('http://localhost:3000', token);
 * await importBatches(items, ingest, { batchSize: 100, inFlight: 2 });
 * ```
 */
export function postBatchToApi(api: string, token: string | undefined, options: PostToApiOptions = {}) {
  const single = postToApi(api, token, options);
  return async (requests: IngestRequest[]): Promise<BatchItemAnswer[]> => {
    const items = requests.map(jsonItemOf);
    const batched = items.flatMap((item, i) => (item ? [i] : []));
    const answers: BatchItemAnswer[] = new Array(requests.length);
    await Promise.all([
      (async () => {
        if (batched.length === 0) return;
        const body = JSON.stringify(batched.map((i) => items[i]));
        const headers = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
        let answer: BatchAnswer;
        try {
          const response = await fetchThrottled(
            () => fetch(new URL('/api/documents:batch', api), { method: 'POST', body, headers }),
            options.baseDelayMs,
          );
          answer = (await response.json()) as BatchAnswer;
        } catch (error) {
          // The batch as a whole refused (too large for the server's limit, say): each item says why.
          if (!(error instanceof VerbatimError)) throw error;
          for (const i of batched) answers[i] = { ok: false, error };
          return;
        }
        answer.results.forEach((result, k) => {
          const i = batched[k];
          answers[i] = result.error
            ? { ok: false, error: result.error }
            : { ok: true, duplicate: result.status === 200 };
        });
      })(),
      ...requests.map(async (request, i) => {
        if (items[i]) return;
        try {
          answers[i] = { ok: true, duplicate: (await single(request)).duplicate };
        } catch (error) {
          if (!(error instanceof VerbatimError)) throw error;
          answers[i] = { ok: false, error };
        }
      }),
    ]);
    return answers;
  };
}
