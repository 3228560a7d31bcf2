/**
 * PDF text has no paragraphs: only glyph runs at positions. pdf.js's plain `extractText` puts a
 * `\n` after every visual line, which would make every line a paragraph (see `normalizeText`) and
 * cut sentences and quotes in two. This module rebuilds paragraphs from the layout instead.
 */
import type { StructuredTextItem } from 'unpdf';

interface Line {
  text: string;
  x: number;
  right: number;
  y: number;
  fontSize: number;
}

/** Running page numbers: "12", "Page 3", "3 of 10", "– 4 –". */
const PAGE_NUMBER = /^(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$/i;
/** How a paragraph usually ends. */
const TERMINAL = /[.!?:;"”’')\]]$/;

/**
 * Turn positioned text items (one array per page) into text with one paragraph per block,
 * paragraphs separated by a blank line. A new paragraph starts after a vertical gap clearly
 * larger than the page's usual line spacing, at a change of font size (headings), at an indented
 * line after a sentence end, after a short line that ends a sentence, and at a page break unless
 * the sentence visibly runs on. Lines of a paragraph are joined with a space (no space after a
 * line-final hyphen, which is kept). Page numbers at the top or bottom of a page are dropped.
 *
 * @example
 * ```ts
 * const { items } = await extractTextItems(pdf);
 * pdfItemsToText(items); // => 'A sentence wrapped over two lines.\n\nNext paragraph.'
 * ```
 */
export function pdfItemsToText(pages: StructuredTextItem[][]): string {
  const paragraphs: string[] = [];
  let current = '';
  let previousPageLast: Line | undefined;
  for (const items of pages) {
    const lines = toLines(items);
    while (lines.length > 0 && PAGE_NUMBER.test(lines[0].text)) lines.shift();
    while (lines.length > 0 && PAGE_NUMBER.test(lines[lines.length - 1].text)) lines.pop();
    const spacing = usualSpacing(lines);
    const left = Math.min(...lines.map((line) => line.x));
    const width = Math.max(...lines.map((line) => line.right)) - left;
    for (const [i, line] of lines.entries()) {
      const before = i > 0 ? lines[i - 1] : undefined;
      const breaks = before
        ? startsParagraph(before, line, spacing, width)
        : !previousPageLast || TERMINAL.test(previousPageLast.text) || !/^\p{Ll}/u.test(line.text);
      if (breaks && current !== '') {
        paragraphs.push(current);
        current = '';
      }
      current = join(current, line.text);
    }
    previousPageLast = lines[lines.length - 1] ?? previousPageLast;
  }
  if (current !== '') paragraphs.push(current);
  return paragraphs.join('\n\n');
}

function startsParagraph(before: Line, line: Line, spacing: number, width: number): boolean {
  const gap = before.y - line.y;
  if (gap <= 0 || gap > spacing * 1.3) return true; // blank space, or a new column/text block
  if (Math.abs(before.fontSize - line.fontSize) > 1) return true; // heading ↔ body
  const endsSentence = TERMINAL.test(before.text);
  const indented = line.x - before.x > line.fontSize;
  const short = before.right - before.x < width * 0.75;
  return endsSentence && (indented || short);
}

/**
 * The page's line spacing inside a paragraph: the smallest gap between consecutive lines (gaps
 * under half a line are ignored: superscripts and overlapping runs). A median would be wrong on
 * pages of short paragraphs, where most gaps are paragraph gaps. When every paragraph is a single
 * line this is the paragraph gap, and the sentence-end rules in `startsParagraph` take over.
 */
function usualSpacing(lines: Line[]): number {
  const gaps = lines
    .slice(1)
    .map((line, i) => lines[i].y - line.y)
    .filter((gap, i) => gap > lines[i + 1].fontSize * 0.5);
  return gaps.length === 0 ? Infinity : Math.min(...gaps);
}

/** Group items into visual lines: a line ends at an item marked end-of-line or a change of baseline. */
function toLines(items: StructuredTextItem[]): Line[] {
  const lines: Line[] = [];
  let line: Line | undefined;
  for (const item of items) {
    const sameLine = line && Math.abs(line.y - item.y) < Math.max(item.fontSize, 1) * 0.5;
    if (!line || !sameLine) {
      if (line) lines.push(line);
      line = { text: '', x: item.x, right: item.x, y: item.y, fontSize: item.fontSize };
    }
    line.text += item.str;
    line.x = Math.min(line.x, item.x);
    line.right = Math.max(line.right, item.x + item.width);
    line.fontSize = Math.max(line.fontSize, item.fontSize);
    if (item.hasEOL) {
      lines.push(line);
      line = undefined;
    }
  }
  if (line) lines.push(line);
  return lines.map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() })).filter((l) => l.text !== '');
}

function join(paragraph: string, line: string): string {
  if (paragraph === '') return line;
  return paragraph.endsWith('-') ? paragraph + line : `${paragraph} ${line}`;
}
