/**
 * The content type an original is served with. A file uploaded as `text/plain` or `text/markdown`
 * without a charset would be decoded by a browser as windows-1252 and show mojibake for every
 * curly quote; when the bytes are valid UTF-8, say so.
 */

const TEXT_TYPE = /^text\/|^application\/(?:xhtml\+xml|json)\b/i;

/**
 * The stored content type, with `; charset=utf-8` added to a text type that names no charset when
 * the bytes are valid UTF-8 (the common case). A declared charset is never overridden.
 *
 * @example
 * ```ts
 * servedContentType('text/plain', new TextEncoder().encode('“Hi”')); // => 'text/plain; charset=utf-8'
 * servedContentType('application/pdf', bytes); // => 'application/pdf'
 * ```
 */
export function servedContentType(contentType: string, bytes: Uint8Array): string {
  if (!TEXT_TYPE.test(contentType) || /;\s*charset\s*=/i.test(contentType)) return contentType;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return contentType;
  }
  return `${contentType.split(';')[0].trim()}; charset=utf-8`;
}
