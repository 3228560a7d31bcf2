/**
 * Exports for reference managers and spreadsheets: one document's citation, or a page of search
 * results as citations (BibTeX, RIS, CSL-JSON) or as rows (CSV, JSON Lines) with ids, dates,
 * permalinks and the matched passages.
 */
import { passagePath } from '../core/cite-document.ts';
import type { DocumentMetadata } from '../core/document.ts';
import { VerbatimError } from '../core/errors.ts';
import { CITATION_FORMATS, formatCitations, type CitationFormat } from '../core/format-citations.ts';
import type { Archive } from './archive.ts';
import { searchArchive } from './search-archive.ts';

/** What an export is sent as. */
export interface ExportFile {
  body: string;
  contentType: string;
  filename: string;
}

/** Citation formats, plus the two row formats a page of results can also be exported as. */
export const EXPORT_FORMATS = ['bibtex', 'ris', 'csl-json', 'csv', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const ROW_TYPES = { csv: 'text/csv; charset=utf-8', jsonl: 'application/jsonl; charset=utf-8' } as const;

/**
 * A spreadsheet runs a cell that starts with `=`, `+`, `-`, `@` (or a tab or return) as a formula:
 * archived text is untrusted, so such cells get a leading apostrophe (OWASP's CSV injection advice).
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const safeCell = (value: string) => (FORMULA_START.test(value) ? `'${value}` : value);

/**
 * One document's citation.
 *
 * @example
 * ```ts
 * const file = await exportDocumentCitation(archive, '3f2a9c0d4b1e8a77', 'ris', 'https://verbatim.example');
 * file.filename; // 'verbatim-3f2a9c0d4b1e8a77.ris'
 * ```
 */
export async function exportDocumentCitation(
  archive: Archive,
  id: string,
  format: CitationFormat,
  origin: string,
): Promise<ExportFile> {
  const metadata = await archive.catalog.get(id);
  if (!metadata) throw new VerbatimError('not_found', `There is no document with id "${id}" in the archive.`);
  const { contentType, extension } = CITATION_FORMATS[format];
  return {
    body: await formatCitations([metadata], format, origin),
    contentType,
    filename: `verbatim-${id}.${extension}`,
  };
}

/**
 * A page of search results, in the order the search ranks them.
 *
 * @example
 * ```ts
 * const file = await exportSearchResults(archive, { q: 'embassy', limit: 100, offset: 0 }, 'csv', origin);
 * ```
 */
export async function exportSearchResults(
  archive: Archive,
  input: { q: string; limit: number; offset: number },
  format: ExportFormat,
  origin: string,
): Promise<ExportFile> {
  const page = await searchArchive(archive, input);
  const byId = new Map(
    (await archive.catalog.getMany(page.results.map((hit) => hit.id))).map((meta) => [meta.id, meta]),
  );
  // A document deleted between the search and this read is left out rather than half-described.
  const hits = page.results.filter((hit) => byId.has(hit.id));
  const documents = hits.map((hit) => byId.get(hit.id) as DocumentMetadata);
  if (format === 'bibtex' || format === 'ris' || format === 'csl-json') {
    const { contentType, extension } = CITATION_FORMATS[format];
    return {
      body: await formatCitations(documents, format, origin),
      contentType,
      filename: `verbatim-search.${extension}`,
    };
  }
  const rows = hits.map((hit, index) => {
    const meta = byId.get(hit.id)!;
    return {
      rank: input.offset + index + 1,
      id: hit.id,
      title: meta.title,
      publisher: meta.publisher,
      author: meta.author,
      publishedAt: meta.publishedAt,
      url: meta.url,
      permalink: `${origin}/documents/${hit.id}`,
      score: Number(hit.score.toFixed(4)),
      passages: hit.passages.map((passage) => ({
        text: passage.text,
        start: passage.start,
        end: passage.end,
        permalink: `${origin}${passagePath(hit.id, passage.start, passage.end, input.q)}`,
      })),
    };
  });
  if (format === 'jsonl') {
    return {
      body: rows.map((row) => `${JSON.stringify(row)}\n`).join(''),
      contentType: ROW_TYPES.jsonl,
      filename: 'verbatim-search.jsonl',
    };
  }
  const columns = [
    'rank',
    'id',
    'title',
    'publisher',
    'author',
    'publishedAt',
    'url',
    'permalink',
    'score',
    'passage',
    'passagePermalink',
  ];
  const records = rows.map((row) => [
    String(row.rank),
    row.id,
    safeCell(row.title),
    safeCell(row.publisher ?? ''),
    safeCell(row.author ?? ''),
    row.publishedAt ?? '',
    row.url ?? '',
    row.permalink,
    String(row.score),
    safeCell(row.passages[0]?.text ?? ''),
    row.passages[0]?.permalink ?? '',
  ]);
  // Imported on the first CSV export: a search's cold start never needs the CSV writer.
  const { stringify } = await import('csv-stringify/sync');
  return { body: stringify([columns, ...records]), contentType: ROW_TYPES.csv, filename: 'verbatim-search.csv' };
}
