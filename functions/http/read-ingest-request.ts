/**
 * Turns an HTTP upload — JSON `{ text | html, …metadata }` or a multipart form with a `file` —
 * into the ingest use case's request, validating it on the way.
 */
import type { Context } from 'hono';
import type { SourceMetadata } from '../core/document.ts';
import { VerbatimError } from '../core/errors.ts';
import type { IngestRequest } from '../app/ingest-document.ts';
import { IngestJsonSchema, SourceMetadataSchema } from './schemas.ts';
import { formatZodError } from './format-zod-error.ts';
import { readMultipartForm } from './read-multipart-form.ts';

const encoder = new TextEncoder();
/** Strict: a JSON body with invalid UTF-8 is refused, as the same bytes uploaded as a file are. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** `null` where GET answers null means "not given": what a client reads back, it can post again. */
function withoutNulls(body: unknown): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== null));
}

function metadataFrom(fields: Record<string, unknown>): SourceMetadata {
  const parsed = SourceMetadataSchema.safeParse(
    Object.fromEntries(
      Object.entries(fields).filter(
        ([key, value]) => key in SourceMetadataSchema.shape && typeof value === 'string' && value !== '',
      ),
    ),
  );
  if (!parsed.success) throw new VerbatimError('bad_request', formatZodError(parsed.error));
  return parsed.data;
}

async function fromJson(c: Context): Promise<IngestRequest> {
  let raw: string;
  try {
    raw = strictUtf8.decode(await c.req.arrayBuffer());
  } catch {
    throw new VerbatimError(
      'invalid_utf8',
      'The request body is not valid UTF-8: JSON must be sent as UTF-8. Check the encoding of the text you send.',
    );
  }
  if (raw.trim() === '')
    throw new VerbatimError('bad_request', 'The request body is empty: send JSON with "text" or "html".');
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new VerbatimError('bad_request', 'The request body is not valid JSON.');
  }
  return ingestRequestOfJson(body);
}

/**
 * One JSON upload (`{ text | html, …metadata }`, already parsed) as an ingest request: the single
 * route's body, and each item of `POST /api/documents:batch`.
 *
 * @throws VerbatimError `bad_request` naming what is wrong with it.
 * @example
 * ```ts
 * const request = ingestRequestOfJson({ text: 'Hello', title: 'Greeting' });
 * ```
 */
export function ingestRequestOfJson(body: unknown): IngestRequest {
  const parsed = IngestJsonSchema.safeParse(withoutNulls(body));
  if (!parsed.success) throw new VerbatimError('bad_request', formatZodError(parsed.error));
  const { text, html, ...metadata } = parsed.data;
  const file =
    text !== undefined
      ? { bytes: encoder.encode(text), contentType: 'text/plain; charset=utf-8' }
      : { bytes: encoder.encode(html!), contentType: 'text/html; charset=utf-8' };
  return { file, metadata };
}

async function fromMultipart(c: Context): Promise<IngestRequest> {
  const { fields, files } = await readMultipartForm(c.req.raw);
  const metadata = metadataFrom(Object.fromEntries(fields));
  const file = files.get('file');
  if (file) {
    if (file.bytes.byteLength === 0) throw new VerbatimError('empty_document', `The file "${file.fileName}" is empty.`);
    return { file: { ...file, contentType: file.contentType || 'application/octet-stream' }, metadata };
  }
  const text = fields.get('text');
  if (text !== undefined && text.trim() !== '') {
    return { file: { bytes: encoder.encode(text), contentType: 'text/plain; charset=utf-8' }, metadata };
  }
  throw new VerbatimError('bad_request', 'The form has no "file" (or "text") field to archive.');
}

/**
 * @example
 * ```ts
 * const request = await readIngestRequest(c); // throws VerbatimError for anything malformed
 * ```
 */
export async function readIngestRequest(c: Context): Promise<IngestRequest> {
  const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/json') return fromJson(c);
  if (type === 'multipart/form-data') return fromMultipart(c);
  throw new VerbatimError(
    'unsupported_media_type',
    `Send the article as application/json ({ "text" } or { "html" }) or as multipart/form-data with a "file"; got "${type || 'no content type'}".`,
  );
}
