/**
 * Citations in the formats reference managers import: BibTeX, RIS and CSL-JSON. The facts come from
 * {@link citeDocument} (the same as the plain-text citation); the formats are written by
 * citation-js, which Zotero-compatible tools use too, so escaping (`{`, `%`, accents, curly quotes)
 * is its job, not ours. citation-js is loaded on first use: a search never pays for it.
 */
import { citeDocument, type CitableDocument } from './cite-document.ts';

/** The formats, with the media type and file extension each is served with. */
export const CITATION_FORMATS = {
  bibtex: { contentType: 'application/x-bibtex; charset=utf-8', extension: 'bib' },
  ris: { contentType: 'application/x-research-info-systems; charset=utf-8', extension: 'ris' },
  'csl-json': { contentType: 'application/vnd.citationstyles.csl+json; charset=utf-8', extension: 'json' },
} as const;

export type CitationFormat = keyof typeof CITATION_FORMATS;

/** A CSL-JSON name: a person split into given and family names, or an organisation as a literal. */
type CslName = { given?: string; family?: string; 'non-dropping-particle'?: string; literal?: string };

/** One CSL-JSON item (the subset Verbatim fills). */
export interface CslItem {
  id: string;
  type: 'article-newspaper';
  title: string;
  'container-title'?: string;
  publisher?: string;
  author?: CslName[];
  URL?: string;
  issued?: { 'date-parts': number[][] };
  accessed: { 'date-parts': number[][] };
  archive: string;
  archive_location: string;
  note: string;
}

/** The document fields a formatted citation needs: those of the plain citation, plus the author. */
export type CitableWithAuthor = CitableDocument & { author: string | null };

/** "2024-03-02T10:00:00Z" → [[2024, 3, 2]]; "2024" → [[2024]]; anything else → undefined. */
function dateParts(iso: string | null): { 'date-parts': number[][] } | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso ?? '');
  if (!match) return undefined;
  return { 'date-parts': [match.slice(1).filter(Boolean).map(Number)] };
}

/**
 * Bylines name one or several people ("Jane Roe and John Doe"), or a desk ("Staff reporter"). A
 * single word or a desk-like byline stays a literal: splitting "BBC News" into a given and a family
 * name would make a reference manager list "News, BBC".
 */
const PERSON_NAME = /^\p{Lu}[\p{L}'’.-]*(?: (?:\p{Lu}[\p{L}'’.-]*|van|von|de|da|del|der|la|le|du|bin|al))+$/u;
const NOT_A_PERSON = /\b(?:News|Staff|Desk|Agency|Press|Team|Wire|Service)\b/;

function authors(byline: string | null, parse: (name: string) => CslName): CslName[] | undefined {
  if (!byline) return undefined;
  const names = byline
    .split(/\s*(?:;|,| and | & )\s*/)
    .map((name) => name.trim())
    .filter(Boolean);
  return names.map((name) => (PERSON_NAME.test(name) && !NOT_A_PERSON.test(name) ? parse(name) : { literal: name }));
}

/**
 * The CSL-JSON item for a document: the article as published, plus where Verbatim keeps it.
 *
 * @example
 * ```ts
 * const item = cslItem(document, 'https://verbatim.example', parseName);
 * item.archive_location; // 'https://verbatim.example/documents/3f2a9c0d4b1e8a77'
 * ```
 */
export function cslItem(document: CitableWithAuthor, origin: string, parseName: (name: string) => CslName): CslItem {
  const citation = citeDocument(document, origin);
  return {
    id: `verbatim-${document.id}`,
    type: 'article-newspaper',
    title: document.title,
    ...(document.publisher ? { 'container-title': document.publisher, publisher: document.publisher } : {}),
    ...(document.author ? { author: authors(document.author, parseName) } : {}),
    ...(document.url ? { URL: document.url } : {}),
    ...(dateParts(document.publishedAt) ? { issued: dateParts(document.publishedAt) } : {}),
    accessed: dateParts(document.ingestedAt)!,
    archive: 'Verbatim',
    archive_location: citation.archiveUrl,
    note: `Archived in Verbatim as ${document.id}; SHA-256 of the original: ${document.originalSha256}`,
  };
}

type CiteModule = {
  Cite: new (data: unknown) => { format(format: string, options?: object): string };
};

let library: Promise<{ Cite: CiteModule['Cite']; parseName: (name: string) => CslName }> | null = null;

/** citation-js and its three format plugins, imported once, on the first citation asked for. */
function loadLibrary() {
  library ??= (async () => {
    const [core, name] = await Promise.all([import('@citation-js/core'), import('@citation-js/name')]);
    await Promise.all([
      import('@citation-js/plugin-bibtex'),
      import('@citation-js/plugin-ris'),
      import('@citation-js/plugin-csl'),
    ]);
    return { Cite: (core as unknown as CiteModule).Cite, parseName: (name as { parse: (n: string) => CslName }).parse };
  })();
  return library;
}

/**
 * Citations of several documents in one file, in the order given.
 *
 * @example
 * ```ts
 * await formatCitations([document], 'bibtex', 'https://verbatim.example'); // '@article{Roe2024Harbour, …}'
 * ```
 */
export async function formatCitations(
  documents: CitableWithAuthor[],
  format: CitationFormat,
  origin: string,
): Promise<string> {
  const { Cite, parseName } = await loadLibrary();
  const items = documents.map((document) => cslItem(document, origin, parseName));
  if (format === 'csl-json') return `${JSON.stringify(items, null, 2)}\n`;
  return new Cite(items).format(format === 'bibtex' ? 'bibtex' : 'ris');
}
