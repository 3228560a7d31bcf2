/**
 * Small display formatters shared by the views (dates are formatted by core's `formatDate`, which
 * citations use too).
 */

/**
 * Bytes for people.
 *
 * @example
 * ```ts
 * formatBytes(20480); // '20 KB'
 * ```
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * An href only for http(s) URLs: a document's `url` is untrusted, and a `javascript:` or `data:`
 * URL must never become a link (it is shown as text instead).
 *
 * @example
 * ```ts
 * safeHref('https://example.org/a'); // 'https://example.org/a'
 * safeHref('javascript:alert(1)');  // null
 * ```
 */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** "1 quote", "3 quotes". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

/** What each publication-date source is called next to the date. */
const DATE_SOURCE_LABELS: Readonly<Record<string, string>> = {
  metadata: "date from the page's metadata",
  text: 'date from the dateline in the text',
  uploader: 'entered by the uploader',
};

/**
 * Where a publication date came from, in words.
 *
 * @example
 * ```ts
 * dateSourceLabel('uploader'); // 'entered by the uploader'
 * dateSourceLabel(null);       // 'no publication date known'
 * ```
 */
export function dateSourceLabel(source: string | null | undefined): string {
  return (source && DATE_SOURCE_LABELS[source]) ?? 'no publication date known';
}
