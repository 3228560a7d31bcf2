import type { Paragraph } from '../document.ts';
import type { QuoteSpan } from './quote-span.ts';

/**
 * A pseudo-markup tag (`<tweet author="…">`) is stepped over when it closes within this many
 * characters: a real tag does, and a lone "<" must not make a line's scan look far ahead.
 */
const MAX_MARKUP_CHARS = 600;

/** Marks that can only open a quotation. */
const OPENERS = new Set(['“', '„', '«']);
/** Marks that can only close one (but see the typo rule for ”). */
const CLOSERS = new Set(['”', '»']);
const SPACE = /\s/;
// Every character the line scanner stops at.
const MARK = /[“”"„«»<]/g;
const WORD_START = /[\p{L}\p{N}]/u;

/**
 * Splits paragraphs into lines. Some sources put one paragraph per line with single newlines, and
 * a quote mark never pairs across a line break in practice, so lines are the pairing unit.
 *
 * @example
 * ```ts
 * splitLines('a\nb', [{ start: 0, end: 3 }]); // [{ start: 0, end: 1 }, { start: 2, end: 3 }]
 * ```
 */
export function splitLines(text: string, paragraphs: Paragraph[]): Paragraph[] {
  const ranges = paragraphs.length > 0 ? paragraphs : [{ start: 0, end: text.length }];
  const lines: Paragraph[] = [];
  for (const p of ranges) {
    let s = p.start;
    while (s <= p.end) {
      let nl = text.indexOf('\n', s);
      if (nl < 0 || nl > p.end) nl = p.end;
      if (nl > s) lines.push({ start: s, end: nl });
      s = nl + 1;
    }
  }
  return lines;
}

/**
 * Finds double-quoted spans line by line, pairing curly and straight marks (mixed pairs allowed).
 *
 * Single quotes are ignored on purpose: they are apostrophes far more often than marks, and inside
 * a double quote they are nested quotes that belong to the outer span. An unclosed quote runs to
 * the end of its line (the multi-paragraph convention). Marks inside `<…>` pseudo-tags are skipped.
 *
 * @example
 * ```ts
 * const text = '“First,” she said, "second."';
 * findQuoteSpans(text, [{ start: 0, end: text.length }]).map((s) => text.slice(s.start, s.end));
 * // ['First,', 'second.']
 * ```
 */
export function findQuoteSpans(text: string, paragraphs: Paragraph[]): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const lines = splitLines(text, paragraphs);
  // One regex pass over the whole article: lines are in order, so the first mark at or after a
  // line's start tells whether the line needs scanning at all (most lines have no mark).
  MARK.lastIndex = 0;
  let next = MARK.exec(text)?.index ?? text.length;
  for (let li = 0; li < lines.length; li++) {
    const { start, end } = lines[li];
    if (next < start) {
      MARK.lastIndex = start;
      next = MARK.exec(text)?.index ?? text.length;
    }
    if (next >= end) continue;
    scanLine(text, start, end, li, spans);
  }
  return spans;
}

/** Emits the span opened at `openAt`, with its words trimmed; nothing if it is empty. */
function emit(
  text: string,
  spans: QuoteSpan[],
  openAt: number,
  close: number | null,
  endAt: number,
  line: number,
  lineStart: number,
  lineEnd: number,
): void {
  let s = openAt + 1;
  let e = endAt;
  while (s < e && SPACE.test(text[s])) s++;
  while (e > s && SPACE.test(text[e - 1])) e--;
  if (e > s) spans.push({ start: s, end: e, open: openAt, close, line, lineStart, lineEnd });
}

/** Whether a code unit is one of the marks (or the "<" of a pseudo-tag) the scanner stops at. */
function isMarkCode(c: number): boolean {
  // " < and the curly/guillemet marks; everything else is skipped with one comparison.
  return c === 34 || c === 60 || c === 0x201c || c === 0x201d || c === 0x201e || c === 0xab || c === 0xbb;
}

/**
 * Pairs the marks of one line that has at least one. A loop bounded by the line: the old global
 * regex restarted at each line searched on past the line's end, a scan of the rest of the
 * article for every line without a mark.
 */
function scanLine(text: string, lineStart: number, lineEnd: number, li: number, spans: QuoteSpan[]): void {
  let openAt = -1;
  // Curly marks inside a straight-quoted span are a nested quote, not a new one.
  let nested = 0;
  for (let i = lineStart; i < lineEnd; i++) {
    if (!isMarkCode(text.charCodeAt(i))) continue;
    const c = text[i];
    if (c === '<') {
      // Skip pseudo-markup such as <tweet author="…">; a lone "<" is just a character.
      if (i + 1 < lineEnd && /[A-Za-z/]/.test(text[i + 1])) {
        const gt = text.indexOf('>', i);
        if (gt > 0 && gt < lineEnd && gt - i < MAX_MARKUP_CHARS) i = gt;
      }
      continue;
    }
    const prevSpace = i === lineStart || SPACE.test(text[i - 1]);
    const nextSpace = i + 1 >= lineEnd || SPACE.test(text[i + 1]);
    if (openAt < 0) {
      if (OPENERS.has(c)) openAt = i;
      else if (c === '"') {
        // A straight mark glued to the word before it and followed by space is a stray closer.
        if (!(nextSpace && !prevSpace)) openAt = i;
      } else if (CLOSERS.has(c) && prevSpace && i + 1 < lineEnd && WORD_START.test(text[i + 1])) {
        // Typo: a right mark used as an opener (after a space, before a word).
        openAt = i;
      }
      continue;
    }
    if (text[openAt] === '"' && c === '“') {
      nested++;
      continue;
    }
    if (nested > 0 && c === '”') {
      nested--;
      continue;
    }
    if (OPENERS.has(c) && (prevSpace || !nextSpace)) {
      // A second opener while open: the first quote lost its closing mark. End it here and restart,
      // rather than pairing it with this mark and quoting the narrative in between.
      emit(text, spans, openAt, null, i, li, lineStart, lineEnd);
      openAt = i;
      nested = 0;
      continue;
    }
    emit(text, spans, openAt, i, i, li, lineStart, lineEnd);
    openAt = -1;
    nested = 0;
  }
  if (openAt >= 0) emit(text, spans, openAt, null, lineEnd, li, lineStart, lineEnd);
}
