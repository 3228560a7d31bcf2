/**
 * Text normalisation: the one canonical form of a document's text. Everything downstream
 * (content hash, paragraphs, quote offsets, the search index) is computed on this form, so it must
 * be deterministic and idempotent: `normalizeText(normalizeText(x)) === normalizeText(x)`.
 */
import { stripFurniture } from './strip-furniture.ts';

export { countWords } from './count-words.ts';

/**
 * Line and paragraph separators that are not `\n`: Windows/old-Mac line ends, vertical tab, form
 * feed (PDF page breaks, plain-text page breaks) and the Unicode line/paragraph separators.
 */
const LINE_BREAKS = /\r\n?|[\v\f\u0085\u2028\u2029]/g;

/**
 * Spaces that look like a space but are not U+0020: tab, NBSP (very common in scraped HTML), Ogham
 * space, the U+2000–U+200A typographic spaces, narrow NBSP (French quotes), medium mathematical
 * space and the ideographic space. Left as they are, they break search and quote matching.
 */
const ODD_SPACES = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;

/**
 * Invisible characters that only get in the way of matching words: zero-width space, word joiner,
 * BOM / zero-width no-break space, soft hyphen (scraped text is full of them, and "con\u00adtent"
 * must match "content") and the Mongolian vowel separator (a former space).
 *
 * Zero-width joiner and non-joiner (U+200D, U+200C) are deliberately KEPT: they carry meaning in
 * emoji sequences and in Persian and Indic scripts, where removing them changes the text.
 */
const INVISIBLES = /[\u200b\u2060\ufeff\u00ad\u180e]/g;

/** C0 and C1 control characters other than `\n` (tab and the line breaks were replaced above). */
const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;

/**
 * Normalise extracted text into Verbatim's canonical form.
 *
 * - invisible characters and stray control characters are removed, odd spaces become spaces,
 *   every kind of line break becomes `\n`, and the result is in Unicode NFC;
 * - each line is trimmed and runs of spaces are collapsed;
 * - every non-empty line is a paragraph: scraped articles often put one paragraph per line with
 *   a single `\n`, so paragraphs are joined with exactly one blank line (`\n\n`);
 * - page furniture (menus, share buttons, "Leave a comment", image file debris…) is removed by
 *   the conservative, line-based rules of {@link stripFurniture}; the article's words, embedded
 *   posts and their attribution lines are kept.
 *
 * Parsers must therefore not hard-wrap a paragraph over several lines: a single `\n` here always
 * means a new paragraph.
 *
 * @example
 * ```ts
 * normalizeText('- Category\r\nHello\u00a0 world. \nSecond line\n\n\nShare this article');
 * // => 'Hello world.\n\nSecond line'
 * ```
 */
export function normalizeText(raw: string): string {
  // Character clean-up comes before NFC: removing an invisible character can bring a base letter
  // and a combining mark together, and NFC must see them together to compose them (idempotence).
  const cleaned = raw
    .replace(LINE_BREAKS, '\n')
    .replace(ODD_SPACES, ' ')
    .replace(INVISIBLES, '')
    .replace(CONTROLS, '')
    .normalize('NFC');

  const lines = cleaned.split('\n').map((line) => line.replace(/ {2,}/g, ' ').trim());
  return stripFurniture(lines)
    .filter((line) => line !== '')
    .join('\n\n');
}
