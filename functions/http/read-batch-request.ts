/**
 * Reads the body of `POST /api/documents:batch`: a JSON array, or NDJSON (one JSON object per
 * line), of single-ingest bodies. A body that cannot be read at all is refused whole; an item that
 * is not a valid upload becomes that item's error, and the other items still go in.
 */
import type { Context } from 'hono';
import { MAX_BATCH_DOCUMENTS } from '../app/upload-limits.ts';
import type { IngestRequest } from '../app/ingest-document.ts';
import { VerbatimError } from '../core/errors.ts';
import { ingestRequestOfJson } from './read-ingest-request.ts';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** An item of a batch: the request to ingest, or why it was refused before ingest. */
export type BatchItem = IngestRequest | VerbatimError;

function parseItems(type: string, raw: string): unknown[] {
  if (type === 'application/json') {
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      throw new VerbatimError('bad_request', 'The request body is not valid JSON.');
    }
    if (!Array.isArray(body))
      throw new VerbatimError(
        'bad_request',
        'A batch is a JSON array of documents ([{ "text": … }, …]); send a single document to POST /api/documents.',
      );
    return body;
  }
  const lines = raw.split('\n').filter((line) => line.trim() !== '');
  // Checked before parsing: an oversized batch costs no JSON parsing at all.
  if (lines.length > MAX_BATCH_DOCUMENTS) return lines;
  return lines.map((line, i) => {
    try {
      return JSON.parse(line);
    } catch {
      return new VerbatimError('bad_request', `Line ${i + 1} is not valid JSON.`);
    }
  });
}

/**
 * @throws VerbatimError for a body that is not UTF-8, not JSON/NDJSON, empty or over {@link MAX_BATCH_DOCUMENTS} items.
 * @example
 * ```ts
 * const items = await readBatchRequest(c); // [IngestRequest | VerbatimError, …]
 * ```
 */
export async function readBatchRequest(c: Context): Promise<BatchItem[]> {
  const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json' && type !== 'application/x-ndjson') {
    throw new VerbatimError(
      'unsupported_media_type',
      `Send the batch as application/json (an array) or application/x-ndjson (one document per line); got "${type || 'no content type'}".`,
    );
  }
  let raw: string;
  try {
    raw = strictUtf8.decode(await c.req.arrayBuffer());
  } catch {
    throw new VerbatimError('invalid_utf8', 'The request body is not valid UTF-8: send the batch as UTF-8.');
  }
  const items = parseItems(type, raw);
  if (items.length === 0) throw new VerbatimError('bad_request', 'The batch is empty: send at least one document.');
  if (items.length > MAX_BATCH_DOCUMENTS)
    throw new VerbatimError(
      'bad_request',
      `A batch holds at most ${MAX_BATCH_DOCUMENTS} documents; this one has ${items.length}. Split it.`,
    );
  return items.map((item) => {
    if (item instanceof VerbatimError) return item;
    try {
      return ingestRequestOfJson(item);
    } catch (error) {
      if (error instanceof VerbatimError) return error;
      throw error;
    }
  });
}
