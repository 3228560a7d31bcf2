/**
 * Metadata found inside files is messy (empty strings, "By Jane Roe", PDF dates, relative URLs):
 * one place turns it into a tidy {@link SourceMetadata}, so every parser returns the same shape.
 */
import type { SourceMetadata } from '../document.ts';

/** Raw metadata candidates; each field may be missing, empty, or of the wrong type. */
export interface RawMetadata {
  title?: unknown;
  url?: unknown;
  publisher?: unknown;
  author?: unknown;
  publishedAt?: unknown;
  fileCreatedAt?: unknown;
}

/**
 * Tidy raw metadata: strings trimmed and whitespace-collapsed, empty values dropped, a leading
 * "By " removed from authors (authors and publishers may be a string, `{ name }` or a list of them, as JSON-LD and
 * YAML give them), URLs kept only when absolute http(s), dates turned into ISO 8601
 * (a date-only value stays a date).
 *
 * @example
 * ```ts
 * cleanMetadata({ title: '  Big  news ', author: 'By Jane Roe', publishedAt: '2025-11-14T09:30:00+02:00', url: '/x' });
 * // => { title: 'Big news', author: 'Jane Roe', publishedAt: '2025-11-14T07:30:00.000Z' }
 * ```
 */
export function cleanMetadata(raw: RawMetadata): SourceMetadata {
  const metadata: SourceMetadata = {};
  const title = cleanString(raw.title);
  const author = cleanString(personName(raw.author))?.replace(/^by\s+/i, '');
  const publisher = cleanString(personName(raw.publisher));
  const url = cleanUrl(raw.url);
  const publishedAt = toIsoDate(raw.publishedAt);
  if (title) metadata.title = title;
  if (url) metadata.url = url;
  if (publisher) metadata.publisher = publisher;
  if (author) metadata.author = author;
  if (publishedAt) metadata.publishedAt = publishedAt;
  const fileCreatedAt = toIsoDate(raw.fileCreatedAt);
  if (fileCreatedAt) metadata.fileCreatedAt = fileCreatedAt;
  return metadata;
}

/**
 * A date as ISO 8601, or undefined when it is not a recognisable date. Accepts `Date`, ISO
 * strings, and PDF dates (`D:20251114093000+02'00'`).
 *
 * @example
 * ```ts
 * toIsoDate("D:20251114093000Z"); // => '2025-11-14T09:30:00.000Z'
 * toIsoDate('2025-11-14'); // => '2025-11-14'
 * ```
 */
export function toIsoDate(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (typeof value !== 'string') return undefined;
  const text = fromPdfDate(value.trim()) ?? value.trim();
  // A bare day is a fact about the calendar, not an instant: keep it as it is.
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return Number.isNaN(Date.parse(text)) ? undefined : text;
  // Only ISO-like strings: Date.parse accepts free text ("5") in implementation-specific ways.
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text)) return undefined;
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** `D:YYYYMMDDHHmmSS+HH'mm'` (PDF 32000-1 §7.9.4) as an ISO string, parts optional after the year. */
function fromPdfDate(text: string): string | undefined {
  const match = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(text);
  if (!match) return undefined;
  const [, year, month = '01', day = '01', hour, minute = '00', second = '00', zone] = match;
  if (hour === undefined) return `${year}-${month}-${day}`;
  const offset = !zone || zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.replace(/'/g, '').slice(3, 5) || '00'}`;
  return `${year}-${month}-${day}T${hour}:${minute}:${second}${offset}`;
}

function cleanString(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text;
}

function cleanUrl(value: unknown): string | undefined {
  const text = cleanString(value);
  if (!text) return undefined;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A person or organisation as JSON-LD and YAML give one: a string, `{ name }`, or a list. */
function personName(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(personName).filter(Boolean).join(', ') || undefined;
  if (value && typeof value === 'object') return personName((value as { name?: unknown }).name);
  return undefined;
}
