/**
 * Reading an upload without storing it: what `POST /api/extract` answers, so the upload form can
 * pre-fill its fields and refuse an unreadable file before the upload.
 */
import type { SourceFile, SourceFormat } from '../core/formats/parse-source.ts';
import { describeSource, type SourceDescription } from '../core/describe-source.ts';
import { countWords } from '../core/text/normalize-text.ts';
import { PREVIEW_CHARS } from './upload-limits.ts';
import { readSourceTextOffThread } from './prepare-off-thread.ts';

/** What a file says about itself: its format, the metadata it would be archived with, a preview. */
export interface Extraction {
  format: SourceFormat;
  metadata: Omit<SourceDescription, 'notes'>;
  /** Metadata found in the file and not kept, and why. */
  notes: string[];
  wordCount: number;
  /** The first {@link PREVIEW_CHARS} characters of the normalised text. */
  preview: string;
}

/**
 * Reads the file exactly as an upload is read (off the request thread, with the same limits), and
 * chooses title and date as ingest would with no uploader fields yet.
 *
 * @example
 * ```ts
 * const { format, metadata, preview } = await extractDocument({ bytes, contentType: 'application/pdf' });
 * ```
 */
export async function extractDocument(file: SourceFile, now = new Date()): Promise<Extraction> {
  const { parsed, text } = await readSourceTextOffThread(file);
  const { notes, ...metadata } = describeSource(parsed.metadata, text, {}, now);
  return { format: parsed.format, metadata, notes, wordCount: countWords(text), preview: text.slice(0, PREVIEW_CHARS) };
}
