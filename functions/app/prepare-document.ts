/**
 * Building the archived form of an upload without storing anything — parse, normalise, find the
 * quotes, choose title and date — so it can run on a worker thread (`prepare-task.ts`) as well as
 * here. Ingest and the upload form's preview (`POST /api/extract`) read files through this.
 */
import { createHash } from 'node:crypto';
import type { ArchivedDocument, DocumentMetadata, SourceMetadata } from '../core/document.ts';
import { describeSource } from '../core/describe-source.ts';
import { VerbatimError } from '../core/errors.ts';
import { parseSource, type ParsedSource, type SourceFile } from '../core/formats/parse-source.ts';
import { extractQuotes } from '../core/quotes/extract-quotes.ts';
import { countWords, normalizeText } from '../core/text/normalize-text.ts';
import { splitParagraphs } from '../core/text/split-paragraphs.ts';

/** An upload: the file as received, metadata the uploader typed (wins over what the file says). */
export interface IngestRequest {
  file: SourceFile;
  metadata?: SourceMetadata;
  uploader?: string | null;
}

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/**
 * The text an upload would be archived with: parsed, normalised, and refused when nothing is left.
 * Ingest and the upload form's preview (`POST /api/extract`) both read files through this.
 *
 * @example
 * ```ts
 * const { parsed, text } = await readSourceText({ bytes, contentType: 'text/html' });
 * ```
 */
export async function readSourceText(file: SourceFile): Promise<{ parsed: ParsedSource; text: string }> {
  const parsed = await parseSource(file);
  const text = normalizeText(parsed.text);
  if (text.length === 0) {
    throw new VerbatimError('empty_document', 'The upload contains no text to archive once page furniture is removed.');
  }
  return { parsed, text };
}

/**
 * Builds the archived form of an upload without storing anything: pure, so it is easy to test.
 *
 * @example
 * ```ts
 * const document = await prepareDocument({ file: { bytes, contentType: 'text/plain' } }, new Date());
 * ```
 */
export async function prepareDocument(request: IngestRequest, now: Date): Promise<ArchivedDocument> {
  const { parsed, text } = await readSourceText(request.file);
  const hash = sha256(text);
  const paragraphs = splitParagraphs(text);
  const quotes = extractQuotes(text, paragraphs);
  const { notes: _notes, ...described } = describeSource(parsed.metadata, text, request.metadata ?? {}, now);
  return {
    id: hash.slice(0, 16),
    ...described,
    ingestedAt: now.toISOString(),
    uploader: request.uploader ?? null,
    sha256: hash,
    originalSha256: sha256(request.file.bytes),
    size: request.file.bytes.byteLength,
    contentType: request.file.contentType,
    wordCount: countWords(text),
    quoteCount: quotes.length,
    text,
    paragraphs,
    quotes,
  };
}

/** Splits an archived document into its metadata (for the document catalog). */
export function metadataOf(document: ArchivedDocument): DocumentMetadata {
  const { text: _text, paragraphs: _paragraphs, quotes: _quotes, ...metadata } = document;
  return metadata;
}
