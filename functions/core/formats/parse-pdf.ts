/**
 * PDF uploads, through unpdf (pdf.js built for serverless runtimes: no worker, no canvas needed
 * for text).
 */
import { extractTextItems, getDocumentProxy, getMeta } from 'unpdf';
import { VerbatimError } from '../errors.ts';
import { cleanMetadata } from './clean-metadata.ts';
import type { ParsedSource } from './parsed-source.ts';
import { pdfItemsToText } from './pdf-items-to-text.ts';

/**
 * Parse a PDF: its text layer rebuilt into paragraphs, and title, author and the file's creation
 * time (`fileCreatedAt`, never a publication date) from the document information dictionary. PDFs protected only by an owner password (printing or
 * copying restrictions) open normally; a user password cannot be supplied, so they are refused.
 *
 * @throws VerbatimError `unreadable_file` for a damaged or password-protected PDF,
 *   `empty_document` for a PDF without a text layer (a scan).
 * @example
 * ```ts
 * const { text, metadata } = await parsePdf(bytes);
 * ```
 */
export async function parsePdf(bytes: Uint8Array): Promise<ParsedSource> {
  // pdf.js transfers (detaches) the buffer it is given; the caller still needs the original bytes.
  const pdf = await open(bytes.slice());
  try {
    const { items } = await extractTextItems(pdf);
    const text = pdfItemsToText(items);
    if (!/[\p{L}\p{N}]/u.test(text)) {
      throw new VerbatimError(
        'empty_document',
        'This PDF has no text layer; it looks like a scanned image. Upload a PDF with selectable ' +
          'text (run it through OCR first) or paste the text.',
      );
    }
    const { info } = await getMeta(pdf, { parseDates: true });
    const metadata = cleanMetadata({
      title: usefulTitle(info.Title),
      author: info.Author,
      // CreationDate is when the PDF was made (often printed from a browser), not published.
      fileCreatedAt: info.CreationDate ?? info.ModDate,
    });
    return { text, metadata, format: 'pdf' };
  } catch (error) {
    // A file can open and still fail on a damaged page or object stream.
    throw error instanceof VerbatimError ? error : damaged();
  } finally {
    // Frees pdf.js caches and its fake worker; Lambdas reuse the process for many uploads.
    await pdf.loadingTask.destroy();
  }
}

async function open(bytes: Uint8Array) {
  try {
    // verbosity 0: errors only; pdf.js otherwise logs repair warnings for every damaged file.
    return await getDocumentProxy(bytes, { verbosity: 0 });
  } catch (error) {
    const name = (error as Error | undefined)?.name;
    if (name === 'PasswordException') {
      throw new VerbatimError(
        'unreadable_file',
        'This PDF is password-protected, so its text cannot be read. Remove the password ' +
          '(open it and print or export it to a new PDF) and upload that file.',
      );
    }
    throw damaged();
  }
}

function damaged(): VerbatimError {
  return new VerbatimError(
    'unreadable_file',
    'This PDF could not be read: the file is damaged or not really a PDF. Open it in a PDF ' +
      'reader and save or export it again, then upload the new file.',
  );
}

/** Word processors fill the Title with the file name ("Microsoft Word - draft.docx", "untitled"). */
function usefulTitle(title: unknown): string | undefined {
  if (typeof title !== 'string') return undefined;
  const cleaned = title.replace(/^microsoft (?:word|powerpoint) - /i, '').replace(/\.(?:docx?|pdf|odt|rtf|txt)$/i, '');
  return /^(?:untitled|document\d*|title)$/i.test(cleaned.trim()) ? undefined : cleaned;
}
