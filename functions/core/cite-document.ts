/**
 * Citations and permalinks: what a fact-checker copies to point at an exact passage. The API and
 * the pages both build them here, so a link copied from either opens the same place.
 */
import type { DocumentMetadata } from './document.ts';

/** A ready citation, and the facts it is made of. */
export interface Citation {
  /** One line to paste: publisher, title, date, URL, archive id and link, SHA-256 of the original. */
  text: string;
  publisher: string | null;
  title: string;
  publishedAt: string | null;
  url: string | null;
  archiveId: string;
  archiveUrl: string;
  originalSha256: string;
  archivedAt: string;
}

/** The document fields a citation needs. */
export type CitableDocument = Pick<
  DocumentMetadata,
  'id' | 'title' | 'publisher' | 'publishedAt' | 'url' | 'ingestedAt' | 'originalSha256'
>;

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * A date for people: "14 May 2024". A date that cannot be parsed is shown as the source gave it:
 * a wrong date is worse than an unformatted one.
 *
 * @example
 * ```ts
 * formatDate('2024-05-14'); // '14 May 2024'
 * formatDate('2024');       // '2024'
 * ```
 */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  if (/^\d{4}$/.test(iso)) return iso;
  const parsed = new Date(iso);
  if (Number.isNaN(parsed.getTime())) return iso;
  return /^\d{4}-\d{2}$/.test(iso) ? monthFormat.format(parsed) : dayFormat.format(parsed);
}

/**
 * The stable anchor of a passage on its document page.
 *
 * @example
 * ```ts
 * passageAnchor(120, 212); // 'q-120-212'
 * ```
 */
export const passageAnchor = (start: number, end: number) => `q-${start}-${end}`;

/**
 * The path that opens a document with any passage highlighted and scrolled into view: the page
 * marks `at` and gives the mark the id `at`, so the fragment scrolls even without JavaScript.
 * `highlight` (a search query) also marks its words on the page.
 *
 * @example
 * ```ts
 * passagePath('3f2a9c0d4b1e8a77', 120, 212);            // '/documents/3f2a9c0d4b1e8a77?at=120-212#at'
 * passagePath('3f2a9c0d4b1e8a77', 120, 212, 'embassy'); // '/documents/3f2a9c0d4b1e8a77?at=120-212&hl=embassy#at'
 * ```
 */
export function passagePath(id: string, start: number, end: number, highlight?: string): string {
  return `/documents/${id}?at=${start}-${end}${highlight ? `&hl=${encodeURIComponent(highlight)}` : ''}#at`;
}

/**
 * A quote's permalink: its document with the quote highlighted, at the quote's stable anchor.
 *
 * @example
 * ```ts
 * quotePath('3f2a9c0d4b1e8a77', 120, 212); // '/documents/3f2a9c0d4b1e8a77?at=120-212#q-120-212'
 * ```
 */
export function quotePath(id: string, start: number, end: number): string {
  return `/documents/${id}?at=${start}-${end}#${passageAnchor(start, end)}`;
}

/**
 * A title quoted inside the citation's own double quotes: its double quotes become single ones, as
 * style guides nest them ("“Unacceptable” says…" would otherwise read `"“Unacceptable” says…"`).
 */
function quoteInside(title: string): string {
  return title
    .replace(/[“„]/g, '‘')
    .replace(/[”]/g, '’')
    .replace(/"([^"]*)"/g, '‘$1’');
}

/**
 * @example
 * ```ts
 * citeDocument(document, 'https://verbatim.example').text;
 * // 'The Test Gazette. "Harbour bridge reopens". 2 March 2024. https://example.org/harbour-bridge.
 * //  Archived in Verbatim on 5 May 2025 as 3f2a9c0d4b1e8a77 (https://verbatim.example/documents/3f2a…);
 * //  SHA-256 of the original: 9a1c….'
 * ```
 */
export function citeDocument(document: CitableDocument, origin: string): Citation {
  const archiveUrl = `${origin}/documents/${document.id}`;
  const parts = [
    document.publisher ?? 'Unknown publisher',
    `"${quoteInside(document.title)}"`,
    document.publishedAt ? formatDate(document.publishedAt) : 'Undated',
    ...(document.url ? [document.url] : []),
  ];
  return {
    text:
      `${parts.join('. ')}. Archived in Verbatim on ${formatDate(document.ingestedAt)} as ${document.id} ` +
      `(${archiveUrl}); SHA-256 of the original: ${document.originalSha256}.`,
    publisher: document.publisher,
    title: document.title,
    publishedAt: document.publishedAt,
    url: document.url,
    archiveId: document.id,
    archiveUrl,
    originalSha256: document.originalSha256,
    archivedAt: document.ingestedAt,
  };
}
