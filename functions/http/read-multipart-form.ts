/**
 * Reads a `multipart/form-data` upload from its raw bytes, so that text fields are decoded as
 * strictly as JSON bodies are. Hono's `parseBody` (undici's form-data parser) decodes a field
 * before we see it and turns invalid bytes into U+FFFD, which would then be stored as if the
 * uploader had typed it. @remix-run/multipart-parser hands out each part's bytes instead; it is
 * also quicker, and reads the body a chunk at a time (see `test/bench/measure-multipart.ts`).
 */
import { VerbatimError } from '../core/errors.ts';

/** An uploaded file part: its bytes as sent, its declared type and name. */
export interface FormFile {
  bytes: Uint8Array;
  contentType: string;
  fileName: string;
}

/** A form's fields: text fields decoded, file parts as bytes; a repeated name keeps its last part. */
export interface MultipartForm {
  fields: Map<string, string>;
  files: Map<string, FormFile>;
}

/**
 * Parts one form may have: an upload has a file and a handful of metadata fields. The body's size
 * is bounded before this runs (`limit-upload-size.ts`), so no part size limit is set here.
 */
export const MAX_FORM_PARTS = 100;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function decodeField(name: string, bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new VerbatimError(
      'invalid_utf8',
      `The form field "${name}" is not valid UTF-8: send form fields as UTF-8. Nothing was stored.`,
    );
  }
}

/**
 * @throws VerbatimError `invalid_utf8` for a text field that is not UTF-8, `bad_request` for a
 * body that is not a readable form.
 * @example
 * ```ts
 * const { fields, files } = await readMultipartForm(c.req.raw);
 * fields.get('title'); // 'A title'
 * ```
 */
export async function readMultipartForm(request: Request): Promise<MultipartForm> {
  // Imported on first use: a search's cold start never reads a form.
  const { parseMultipartRequest } = await import('@remix-run/multipart-parser');
  const form: MultipartForm = { fields: new Map(), files: new Map() };
  const unbounded = Number.MAX_SAFE_INTEGER;
  const parts = parseMultipartRequest(request, {
    maxParts: MAX_FORM_PARTS,
    maxFileSize: unbounded,
    maxTotalSize: unbounded,
  });
  try {
    for await (const part of parts) {
      const name = part.name;
      if (name === undefined) continue;
      // A file part is one with a filename, as browsers and undici tell them (`isFile` also takes
      // any octet-stream part). Its type is kept whole: a charset parameter matters to the reader.
      const fileName = part.filename;
      if (fileName !== undefined) {
        const file = { bytes: part.bytes, contentType: part.headers['content-type'] ?? '', fileName };
        form.files.set(name, file);
        form.fields.delete(name);
      } else {
        form.fields.set(name, decodeField(name, part.bytes));
        form.files.delete(name);
      }
    }
  } catch (error) {
    if (error instanceof VerbatimError) throw error;
    const tooMany = error instanceof Error && error.name === 'MaxPartsExceededError';
    throw new VerbatimError(
      'bad_request',
      tooMany ? `The form has more than ${MAX_FORM_PARTS} parts.` : 'The multipart form could not be read.',
    );
  }
  return form;
}
