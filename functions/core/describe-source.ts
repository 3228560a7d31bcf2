/**
 * What an upload says about itself once the uploader's fields are laid over the file's: title,
 * URL, publisher, author, and the publication date with its source. Ingest stores this; the upload
 * form's preview (`POST /api/extract`) pre-fills its fields with the same values, so what the form
 * shows is what would be archived.
 */
import type { DocumentMetadata, SourceMetadata } from './document.ts';
import { choosePublicationDate } from './formats/publication-date.ts';

/** Titles are cut here: a first "line" of a text file can be a whole paragraph. */
export const MAX_TITLE_LENGTH = 200;
/** A title taken from the first line of the text is cut at a word boundary near this length. */
const FIRST_LINE_TITLE_LENGTH = 120;

/** The metadata an upload is archived with, and notes on what the file said that was not kept. */
export type SourceDescription = Pick<
  DocumentMetadata,
  'title' | 'url' | 'publisher' | 'author' | 'publishedAt' | 'publishedAtSource' | 'fileCreatedAt'
> & {
  /** Notes on metadata found in the file and not kept (a date in the future, say). */
  notes: string[];
};

/**
 * Lay the uploader's values (they win; blank counts as not given) over what the file says.
 *
 * @example
 * ```ts
 * describeSource({ fileCreatedAt: '2025-11-20T08:00:00.000Z' }, 'Bridge reopens\n\nThe bridge…', {}, new Date());
 * // => { title: 'Bridge reopens', publishedAt: null, publishedAtSource: null, fileCreatedAt: '2025-11-20T08:00:00.000Z', … }
 * ```
 */
export function describeSource(
  found: SourceMetadata,
  text: string,
  given: SourceMetadata,
  now: Date,
): SourceDescription {
  const title = pick(given.title, found.title) ?? titleFromText(text);
  const date = choosePublicationDate({ given: given.publishedAt, found: found.publishedAt, text, now });
  return {
    title: title.length > MAX_TITLE_LENGTH ? `${title.slice(0, MAX_TITLE_LENGTH - 1)}…` : title,
    url: pick(given.url, found.url),
    publisher: pick(given.publisher, found.publisher),
    author: pick(given.author, found.author),
    publishedAt: date.publishedAt,
    publishedAtSource: date.publishedAtSource,
    fileCreatedAt: found.fileCreatedAt ?? null,
    notes: date.notes,
  };
}

/**
 * A title for text that has none: its first line, cut at a word boundary.
 *
 * @example
 * ```ts
 * titleFromText('Bridge reopens\nThe bridge…'); // => 'Bridge reopens'
 * ```
 */
export function titleFromText(text: string): string {
  const newline = text.indexOf('\n');
  const firstLine = text.slice(0, newline === -1 ? undefined : newline).trim();
  if (firstLine.length <= FIRST_LINE_TITLE_LENGTH) return firstLine;
  const cut = firstLine.slice(0, FIRST_LINE_TITLE_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > FIRST_LINE_TITLE_LENGTH / 2 ? space : FIRST_LINE_TITLE_LENGTH)}…`;
}

function pick(...values: Array<string | undefined | null>): string | null {
  for (const value of values) if (value && value.trim()) return value.trim();
  return null;
}
