/**
 * Plain-text uploads: the usual case of a researcher pasting an article into a file.
 */
import type { ParsedSource } from './parsed-source.ts';
import { decodeText } from './decode-text.ts';
import { unwrapHardWraps } from './unwrap-hard-wraps.ts';

/**
 * Parse a `text/plain` upload: strict decoding (UTF-8 unless a BOM or charset says otherwise),
 * binary refused, hard-wrapped paragraphs re-joined. Plain text carries no metadata; the caller
 * may derive a title from the first line.
 *
 * @throws VerbatimError `invalid_text` for invalid UTF-8 or binary content.
 * @example
 * ```ts
 * parseText(new TextEncoder().encode('Headline\nBody.'));
 * // => { text: 'Headline\nBody.', metadata: {}, format: 'text' }
 * ```
 */
export function parseText(bytes: Uint8Array, charset?: string): ParsedSource {
  const text = unwrapHardWraps(decodeText(bytes, { charset }));
  return { text, metadata: {}, format: 'text' };
}
