/**
 * Word (.docx) uploads, through mammoth's raw-text extraction; the document properties (title,
 * author) are read from `docProps/core.xml` with JSZip, the zip library mammoth itself uses.
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { VerbatimError } from '../errors.ts';
import { cleanMetadata } from './clean-metadata.ts';
import type { ParsedSource } from './parsed-source.ts';

/** OLE compound files: legacy .doc, and Office files encrypted with a password. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

/**
 * Parse a .docx upload: its paragraphs separated by blank lines, and title and author from the
 * document properties.
 *
 * @throws VerbatimError `unreadable_file` for a damaged file, a password-protected one, or a
 *   legacy .doc renamed to .docx.
 * @example
 * ```ts
 * const { text, metadata } = await parseDocx(bytes); // metadata: { title, author }
 * ```
 */
export async function parseDocx(bytes: Uint8Array): Promise<ParsedSource> {
  if (OLE_SIGNATURE.every((byte, i) => bytes[i] === byte)) {
    throw new VerbatimError(
      'unreadable_file',
      'This Word file is password-protected or in the old .doc format. Remove the password, ' +
        'or open it in Word or LibreOffice and save it as .docx, then upload it again.',
    );
  }
  let zip: JSZip;
  let text: string;
  try {
    zip = await JSZip.loadAsync(bytes.slice());
    // mammoth's Node build reads a Buffer (its `arrayBuffer` input exists only in the browser build).
    ({ value: text } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) }));
  } catch {
    throw new VerbatimError(
      'unreadable_file',
      'This .docx file could not be opened: it is damaged or not a Word document. Open it in ' +
        'Word or LibreOffice, save it again as .docx, and upload the new file.',
    );
  }
  const core = (await zip.file('docProps/core.xml')?.async('string')) ?? '';
  const metadata = cleanMetadata({
    title: xmlElement(core, 'dc:title'),
    author: xmlElement(core, 'dc:creator'),
    // When the file was first saved: kept apart, never taken as the publication date.
    fileCreatedAt: xmlElement(core, 'dcterms:created'),
  });
  return { text, metadata, format: 'docx' };
}

/** The text of the first `<name>…</name>` in a small, flat XML part, entities decoded. */
function xmlElement(xml: string, name: string): string | undefined {
  const match = new RegExp(`<${name}(?:\\s[^>]*)?>([^<]*)</${name}>`).exec(xml);
  return match?.[1].replace(/&(#x[\da-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (entity[0] !== '#') return named[entity.toLowerCase()];
    const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}
