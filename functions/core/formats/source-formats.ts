/**
 * The formats Verbatim reads, in one table: which content types and file extensions mean which
 * format, and what people call it. The parsers, the upload route, the CLI import, the upload page's
 * file picker and the original's download name all read it, so they cannot disagree.
 */

/** The formats Verbatim can read, as reported in `ParsedSource.format`. */
export type SourceFormat = 'text' | 'markdown' | 'html' | 'pdf' | 'docx';

/** One format: its content types and extensions, the usual one first. */
export interface SourceFormatEntry {
  format: SourceFormat;
  /** What people call it (the upload page, a document's details). */
  name: string;
  /** Each content type it is uploaded as, with the extension its original downloads with. */
  types: Readonly<Record<string, string>>;
  /** Extensions, without the dot, that mean this format. */
  extensions: readonly string[];
}

/** The Word (OOXML) content type, too long to spell out twice. */
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The table itself.
 *
 * @example
 * ```ts
 * SOURCE_FORMATS.find((f) => f.format === 'pdf')?.extensions; // => ['pdf']
 * ```
 */
export const SOURCE_FORMATS: readonly SourceFormatEntry[] = [
  { format: 'text', name: 'Plain text', types: { 'text/plain': 'txt' }, extensions: ['txt', 'text'] },
  {
    format: 'markdown',
    name: 'Markdown',
    types: { 'text/markdown': 'md', 'text/x-markdown': 'md' },
    extensions: ['md', 'markdown'],
  },
  {
    format: 'html',
    name: 'HTML',
    types: { 'text/html': 'html', 'application/xhtml+xml': 'xhtml' },
    extensions: ['html', 'htm', 'xhtml'],
  },
  { format: 'pdf', name: 'PDF', types: { 'application/pdf': 'pdf' }, extensions: ['pdf'] },
  { format: 'docx', name: 'Word (.docx)', types: { [DOCX_TYPE]: 'docx' }, extensions: ['docx'] },
];

const BY_TYPE = new Map(
  SOURCE_FORMATS.flatMap((entry) => Object.keys(entry.types).map((type) => [type, entry] as const)),
);
const BY_EXTENSION = new Map(
  SOURCE_FORMATS.flatMap((entry) => entry.extensions.map((extension) => [extension, entry] as const)),
);

/** A media type without parameters, lower case: `Text/HTML; charset=utf-8` is `text/html`. */
export function mediaTypeOf(contentType: string): string {
  return contentType.split(';')[0].trim().toLowerCase();
}

/** An extension as the table spells it: no dot, lower case. */
function bare(extension: string): string {
  return extension.replace(/^\./, '').toLowerCase();
}

/**
 * The content types an upload may declare.
 *
 * @example
 * ```ts
 * SUPPORTED_TYPES.includes('application/pdf'); // => true
 * ```
 */
export const SUPPORTED_TYPES: readonly string[] = Object.freeze([...BY_TYPE.keys()]);

/** Every extension the table knows, with its dot (`.md`), for a file picker or a message. */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.freeze([...BY_EXTENSION.keys()].map((e) => `.${e}`));

/**
 * The format a media type (parameters ignored) or an extension (dot optional) names, if any.
 *
 * @example
 * ```ts
 * formatOfType('text/x-markdown'); // => 'markdown'
 * formatOfExtension('.HTM');       // => 'html'
 * ```
 */
export function formatOfType(contentType: string): SourceFormat | undefined {
  return BY_TYPE.get(mediaTypeOf(contentType))?.format;
}

/** See {@link formatOfType}. */
export function formatOfExtension(extension: string): SourceFormat | undefined {
  return BY_EXTENSION.get(bare(extension))?.format;
}

/**
 * The content type a file of this extension is sent as: the type that downloads with the same
 * extension, else the format's usual one (`.htm` is `text/html`, `.xhtml` is
 * `application/xhtml+xml`).
 *
 * @example
 * ```ts
 * contentTypeOfExtension('.md'); // => 'text/markdown'
 * ```
 */
export function contentTypeOfExtension(extension: string): string | undefined {
  const entry = BY_EXTENSION.get(bare(extension));
  if (!entry) return undefined;
  const types = Object.entries(entry.types);
  return (types.find(([, own]) => own === bare(extension)) ?? types[0])[0];
}

/**
 * The extension an original of this content type downloads with (no dot), if it is a format's.
 *
 * @example
 * ```ts
 * extensionOfType('text/markdown; charset=utf-8'); // => 'md'
 * ```
 */
export function extensionOfType(contentType: string): string | undefined {
  const type = mediaTypeOf(contentType);
  return BY_TYPE.get(type)?.types[type];
}

/**
 * What people call the format of a content type; an unknown type is shown as it is.
 *
 * @example
 * ```ts
 * formatNameOfType('application/pdf'); // => 'PDF'
 * ```
 */
export function formatNameOfType(contentType: string): string {
  const type = mediaTypeOf(contentType);
  return BY_TYPE.get(type)?.name ?? (type || 'Unknown');
}
