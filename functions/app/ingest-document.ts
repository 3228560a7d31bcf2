/**
 * Ingest: parse an upload, normalise its text, find its quotes, and store it — once. The same
 * normalised text always gets the same id, so a duplicate is detected by one conditional write.
 *
 * Order of writes, so that a failure never leaves anything half-visible:
 * 1. claim the id (metadata, status `pending`: invisible to readers),
 * 2. write the original bytes and the normalised document,
 * 3. append to the ingest log (now searchable),
 * 4. mark the metadata `ready` (now readable).
 * A failure in 2–4 removes what was written (logging a delete if the add was logged). A process
 * that dies between steps leaves a pending claim; the next upload of the same content takes it
 * over once it is stale and finishes the job, so nothing stays stuck. (The other order could
 * leave a document readable but never searchable, with every re-upload answered "duplicate".)
 */
import { createHash } from 'node:crypto';
import type { ArchivedDocument, DocumentMetadata, SourceMetadata } from '../core/document.ts';
import { VerbatimError } from '../core/errors.ts';
import { parseSource, type ParsedSource, type SourceFile } from '../core/formats/parse-source.ts';
import { extractQuotes } from '../core/quotes/extract-quotes.ts';
import { documentKey, originalKey } from '../core/storage-keys.ts';
import { countWords, normalizeText } from '../core/text/normalize-text.ts';
import { splitParagraphs } from '../core/text/split-paragraphs.ts';
import type { Archive } from './archive.ts';
import { describeSource } from '../core/describe-source.ts';
import { linkNewDocument } from './link-copies.ts';

/** An upload: the file as received, metadata the uploader typed (wins over what the file says). */
export interface IngestRequest {
  file: SourceFile;
  metadata?: SourceMetadata;
  uploader?: string | null;
}

/** The stored document's metadata, and whether it was already in the archive. */
export interface IngestResult extends DocumentMetadata {
  duplicate: boolean;
}

/** A pending claim older than this belongs to an ingest that died; a new upload may take it over. */
const STALE_CLAIM_MS = 5 * 60_000;

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

/** Splits an archived document into its metadata (for the metadata store). */
export function metadataOf(document: ArchivedDocument): DocumentMetadata {
  const { text: _text, paragraphs: _paragraphs, quotes: _quotes, ...metadata } = document;
  return metadata;
}

/**
 * Another upload of the same text is in progress (common in bulk imports of corpora with
 * duplicates): an ingest takes well under a second, so wait briefly for it rather than failing.
 */
async function waitUntilReady(archive: Archive, id: string): Promise<DocumentMetadata | null> {
  for (let attempt = 0; attempt < 10; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100 * (attempt + 1)));
    const existing = await archive.metadata.get(id);
    if (existing) return existing;
  }
  return null;
}

/**
 * Stores an upload in the archive, or reports the copy it already has.
 *
 * @example
 * ```ts
 * const result = await ingestDocument(archive, { file: { bytes, contentType: 'text/html' } });
 * result.duplicate; // false the first time, true for the same text again
 * ```
 */
export async function ingestDocument(archive: Archive, request: IngestRequest, now = new Date()): Promise<IngestResult> {
  if (request.file.bytes.byteLength > archive.limits.maxUploadBytes) {
    throw new VerbatimError('payload_too_large', `The upload is ${request.file.bytes.byteLength} bytes; the limit is ${archive.limits.maxUploadBytes}.`);
  }
  const document = await prepareDocument(request, now);
  const metadata = metadataOf(document);
  const claim = await archive.metadata.claim(metadata, STALE_CLAIM_MS);
  if (!claim.claimed) {
    const existing = claim.status === 'ready' ? claim.existing : await waitUntilReady(archive, document.id);
    if (existing) return { ...existing, duplicate: true };
    throw new VerbatimError('conflict', 'The same text is being archived by another upload right now; try again in a moment.');
  }
  let logged = false;
  try {
    await archive.blobs.put(originalKey(document.id), request.file.bytes, request.file.contentType);
    await archive.blobs.put(documentKey(document.id), JSON.stringify(document), 'application/json');
    await archive.metadata.appendLog({ op: 'add', id: document.id });
    archive.index.noteWrite();
    logged = true;
    await archive.metadata.markReady(document.id);
  } catch (error) {
    await Promise.allSettled([
      ...(logged ? [archive.metadata.appendLog({ op: 'delete', id: document.id })] : []),
      archive.blobs.delete(originalKey(document.id)),
      archive.blobs.delete(documentKey(document.id)),
      archive.metadata.remove(document.id),
    ]);
    throw error;
  }
  archive.documents.remember(document);
  await linkNewDocument(archive, document);
  return { ...metadata, duplicate: false };
}
