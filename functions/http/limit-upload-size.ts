/**
 * The upload size check for routes that take a file: the body is refused with 413 before it is
 * read in full. The ingest use case checks the file itself again (the limit is on the file; the
 * body also carries multipart framing and metadata fields).
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { VerbatimError } from '../core/errors.ts';

/** Room for multipart framing and metadata fields on top of the file itself. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

/**
 * @example
 * ```ts
 * app.post('/api/documents', limitUploadSize(10 << 20), handler);
 * ```
 */
export function limitUploadSize(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes + FORM_OVERHEAD_BYTES,
    onError: () => {
      throw new VerbatimError('payload_too_large', `The upload is larger than the limit of ${maxBytes} bytes.`);
    },
  });
}
