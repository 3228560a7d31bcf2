/**
 * Bytes to string for the text-based formats (plain text, Markdown, HTML), strict enough that a
 * binary file or a mis-encoded one is refused with a message instead of archived as mojibake.
 */
import { VerbatimError } from '../errors.ts';

export interface DecodeOptions {
  /** Charset declared by the upload (`; charset=…`) or the document itself (`<meta charset>`). */
  charset?: string;
  /**
   * Charset to use when no charset is declared and the bytes are not valid UTF-8. HTML passes
   * `windows-1252`, as browsers do for legacy pages; plain text passes nothing and is refused.
   */
  fallback?: string;
}

/** C0 controls other than tab, line feed, vertical tab, form feed and carriage return; and DEL. */
const BINARY_CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f]/;

/**
 * Decode uploaded text. A byte-order mark decides the encoding when present (and is removed), then
 * a declared charset, then strict UTF-8. Text with NUL or other control characters is refused as
 * binary.
 *
 * @throws VerbatimError `invalid_text` when the bytes are not valid in the encoding or look binary.
 * @example
 * ```ts
 * decodeText(new TextEncoder().encode('\uFEFFHello')); // => 'Hello'
 * decodeText(Uint8Array.of(0xff, 0x41)); // throws invalid_text
 * ```
 */
export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): string {
  const declared = sniffBom(bytes) ?? supportedLabel(options.charset);
  const encoding = declared ?? 'utf-8';
  let text: string;
  try {
    text = decode(bytes, encoding, true);
  } catch {
    if (!declared && options.fallback) {
      text = decode(bytes, options.fallback, false);
    } else {
      throw new VerbatimError(
        'invalid_text',
        `This file is not valid ${encoding.toUpperCase()} text. Save it with the UTF-8 encoding ` +
          '(in most editors: Save As… → Encoding: UTF-8) and upload it again.',
      );
    }
  }
  // TextDecoder drops a leading BOM already; this covers a BOM that survived a charset label.
  text = text.replace(/^\uFEFF/, '');
  if (BINARY_CONTROLS.test(text)) {
    throw new VerbatimError(
      'invalid_text',
      'This file looks like binary data, not text: it contains NUL or control characters. ' +
        'If it is a PDF or Word document, upload it as .pdf or .docx; otherwise save it as ' +
        'plain UTF-8 text.',
    );
  }
  return text;
}

/**
 * Node 20's windows-1252 decoder (also used for the `iso-8859-1` and `us-ascii` labels, as the
 * Encoding Standard says) leaves bytes 0x80–0x9F as C1 control characters instead of the curly
 * quotes, dashes and € that legacy pages mean by them; map them as the standard does.
 */
const WINDOWS_1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decode(bytes: Uint8Array, encoding: string, fatal: boolean): string {
  const decoder = new TextDecoder(encoding, { fatal });
  const text = decoder.decode(bytes);
  if (decoder.encoding !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009f]/g, (char) => WINDOWS_1252_C1[char.charCodeAt(0) - 0x80]);
}

/** The encoding a byte-order mark announces, as browsers sniff it. */
function sniffBom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** A charset label TextDecoder knows, normalised; an unknown label is ignored (UTF-8 is tried). */
function supportedLabel(label: string | undefined): string | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label.trim().toLowerCase()).encoding;
  } catch {
    return undefined;
  }
}
