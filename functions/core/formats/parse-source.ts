/**
 * The entry point for uploaded files: picks the parser for the file's type and returns its text
 * (not yet normalised) and the metadata found inside it.
 */
import { VerbatimError } from '../errors.ts';
import type { ParsedSource, SourceFile } from './parsed-source.ts';
import { parseText } from './parse-text.ts';
import { formatOfExtension, formatOfType, SUPPORTED_TYPES, type SourceFormat } from './source-formats.ts';

export type { ParsedSource, SourceFile, SourceFormat } from './parsed-source.ts';

/**
 * Parse an uploaded file. The format comes from the content type (parameters ignored, except a
 * `charset` for the text formats); when the type is missing or `application/octet-stream`, or is
 * `text/plain` for a `.md` file (some browsers do that), the file name's extension decides.
 *
 * @throws VerbatimError `unsupported_media_type` for other types, `empty_document` when no text
 *   is left, and the parsers' `invalid_text` and `unreadable_file`.
 * @example
 * ```ts
 * const parsed = await parseSource({ bytes, contentType: 'text/plain; charset=utf-8', fileName: 'report.txt' });
 * parsed.format; // => 'text'
 * ```
 */
export async function parseSource(file: SourceFile): Promise<ParsedSource> {
  const [mediaType, ...parameters] = file.contentType.split(';').map((part) => part.trim());
  const type = mediaType.toLowerCase();
  const charset = parameters.map((parameter) => /^charset\s*=\s*"?([^";]+)"?$/i.exec(parameter)?.[1]).find(Boolean);
  const format = detectFormat(type, extensionOf(file.fileName));
  if (file.bytes.length === 0) {
    throw new VerbatimError('empty_document', 'The file is empty. Choose the file again, or paste the text.');
  }
  const parsed = await parseOrExplain(format, file.bytes, charset);
  if (!/[\p{L}\p{N}]/u.test(parsed.text)) {
    throw new VerbatimError(
      'empty_document',
      `No text was found in this ${format === 'text' ? 'text' : format.toUpperCase()} file. ` +
        'Check that it is the right file, or paste the text instead.',
    );
  }
  return parsed;
}

// The heavier parsers (a DOM, pdf.js, a zip reader) load on first use: a cold start that only
// serves searches, or ingests plain text, never pays for them.
const PARSERS: Record<SourceFormat, (bytes: Uint8Array, charset?: string) => ParsedSource | Promise<ParsedSource>> = {
  text: parseText,
  markdown: async (bytes, charset) => (await import('./parse-markdown.ts')).parseMarkdown(bytes, charset),
  html: async (bytes, charset) => (await import('./parse-html.ts')).parseHtml(bytes, charset),
  pdf: async (bytes) => (await import('./parse-pdf.ts')).parsePdf(bytes),
  docx: async (bytes) => (await import('./parse-docx.ts')).parseDocx(bytes),
};

/**
 * Parsers throw their own errors for what they recognise; anything else — a library tripping over
 * a corrupt zip, a stack overflow on absurd nesting — is still the file's fault, not the server's.
 */
async function parseOrExplain(
  format: SourceFormat,
  bytes: Uint8Array,
  charset: string | undefined,
): Promise<ParsedSource> {
  try {
    return await PARSERS[format](bytes, charset);
  } catch (error) {
    if (error instanceof VerbatimError) throw error;
    console.warn(`Unreadable ${format} upload`, error);
    throw new VerbatimError(
      'unreadable_file',
      `This ${format === 'text' ? 'text' : format.toUpperCase()} file could not be read; it may be damaged or unusually structured. Try saving it again, or paste the text.`,
    );
  }
}

function detectFormat(type: string, extension: string | undefined): SourceFormat {
  const byExtension = extension ? formatOfExtension(extension) : undefined;
  const byType = formatOfType(type);
  if (type === '' || type === 'application/octet-stream') {
    if (byExtension) return byExtension;
  } else if (type === 'text/plain' && byExtension === 'markdown') {
    return 'markdown';
  } else if (byType) {
    return byType;
  }
  const legacyWord = type === 'application/msword' || extension === 'doc';
  throw new VerbatimError(
    'unsupported_media_type',
    `${legacyWord ? 'Old Word (.doc) files are not supported; save it as .docx. ' : ''}` +
      `Files of type "${type || extension || 'unknown'}" cannot be archived. Upload plain text ` +
      '(.txt), Markdown (.md), HTML (.html), PDF (.pdf) or Word (.docx).',
    { supported: SUPPORTED_TYPES },
  );
}

function extensionOf(fileName: string | undefined): string | undefined {
  const match = /\.([a-z0-9]+)$/i.exec(fileName ?? '');
  return match?.[1].toLowerCase();
}
