/**
 * What `npm run import` reads: files, folders (recursively) and JSONL files of articles, turned
 * into ingest requests. JSONL lines carry `title`, `text` and optional metadata; the corpus files'
 * field names (`source`, `published`) are understood too.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { IngestRequest } from '../app/ingest-document.ts';
import { contentTypeOfExtension, formatOfExtension } from '../core/formats/source-formats.ts';

/** One article to import, a line that could not be read (with why), or a file in a folder left out (with why). */
export type ImportItem =
  { label: string; request: IngestRequest } | { label: string; error: string } | { label: string; skipped: string };

const encoder = new TextEncoder();
const asString = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

function fromJsonLine(line: string, label: string): ImportItem {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(line);
  } catch {
    return { label, error: 'not valid JSON' };
  }
  const text = asString(record.text);
  if (!text) return { label, error: 'no "text" field' };
  return {
    label,
    request: {
      file: { bytes: encoder.encode(text), contentType: 'text/plain; charset=utf-8' },
      metadata: {
        title: asString(record.title),
        url: asString(record.url),
        publisher: asString(record.publisher) ?? asString(record.source),
        author: asString(record.author),
        publishedAt: asString(record.publishedAt) ?? asString(record.published),
      },
    },
  };
}

async function* readJsonl(path: string): AsyncGenerator<ImportItem> {
  let lineNumber = 0;
  for await (const line of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
    lineNumber++;
    if (line.trim() !== '') yield fromJsonLine(line, `${basename(path)}:${lineNumber}`);
  }
}

/**
 * Why a folder entry is not imported, or undefined to import it. Files given by path are always
 * tried (the archive says why it refuses them); a folder's other files are listed as skipped, so
 * nothing is left out without a word.
 */
export function skipReason(entry: string): string | undefined {
  if (entry.startsWith('.')) return 'hidden file';
  const extension = extname(entry).toLowerCase();
  if (extension === '' || extension === '.jsonl' || formatOfExtension(extension)) return undefined;
  return `"${extension}" is not an article format (import .txt, .md, .html, .pdf, .docx or .jsonl)`;
}

/**
 * Items in order: articles, unreadable lines, and folder entries skipped with the reason.
 *
 * @example
 * ```ts
 * for await (const item of readImportItems(['../shared/corpus/wikinews-2019-2020/articles.jsonl'])) { … }
 * ```
 */
export async function* readImportItems(paths: string[]): AsyncGenerator<ImportItem> {
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) {
      yield { label: path, error: 'no such file or folder' };
    } else if (info.isDirectory()) {
      for (const entry of (await readdir(path)).sort()) {
        const why = skipReason(entry);
        if (why) yield { label: join(path, entry), skipped: why };
        else yield* readImportItems([join(path, entry)]);
      }
    } else if (extname(path).toLowerCase() === '.jsonl') {
      yield* readJsonl(path);
    } else {
      const contentType = contentTypeOfExtension(extname(path)) ?? 'application/octet-stream';
      yield {
        label: path,
        request: { file: { bytes: new Uint8Array(await readFile(path)), contentType, fileName: basename(path) } },
      };
    }
  }
}

/** How many items the paths hold (JSONL lines counted), for a progress bar's total. */
export async function countImportItems(paths: string[]): Promise<number> {
  let count = 0;
  for await (const _ of readImportItems(paths)) count++;
  return count;
}
