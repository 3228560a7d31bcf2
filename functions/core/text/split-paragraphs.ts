/**
 * Paragraph offsets of a normalised text, so a reader can show and link to paragraphs and a
 * search hit can be widened to its paragraph without re-parsing the document.
 */
import type { Paragraph } from '../document.ts';

/**
 * Split a text into paragraphs: the non-empty blocks between blank lines, as `{ start, end }`
 * offsets (UTF-16 indices) such that `text.slice(start, end)` is the paragraph with no
 * surrounding whitespace. Meant for the output of `normalizeText`, where paragraphs are separated
 * by exactly `\n\n`, but any text works: whitespace-only lines also separate blocks.
 *
 * @example
 * ```ts
 * splitParagraphs('First one.\n\nSecond one.');
 * // => [{ start: 0, end: 10 }, { start: 12, end: 23 }]
 * ```
 */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  // A block: from a non-space character to the last non-space character before a blank line
  // (a line break followed by optional spaces and another line break) or the end of the text.
  const block = /\S(?:[^\n]|\n(?![^\S\n]*(?:\n|$)))*/g;
  for (const match of text.matchAll(block)) {
    const start = match.index;
    const end = start + match[0].trimEnd().length;
    paragraphs.push({ start, end });
  }
  return paragraphs;
}
