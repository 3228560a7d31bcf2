import type { QuoteSpan } from './quote-span.ts';
import { CALENDAR_WORD } from './calendar-words.ts';

/** A title in quote marks is at most this many words ("Backfire: Carly Fiorina's High-Stakes Battle for …"). */
const MAX_TITLE_WORDS = 12;
/** How much of the line before the opening mark is read for the word that introduces a title. */
const LOOKBACK_CHARS = 40;

// Words a title keeps in lower case ("Meet the Press", "State of the Union").
const TITLE_SMALL_WORDS = new Set('a an the of and or in on to for with at by from is it'.split(' '));
// Words that introduce the title of a show, a book or a film rather than reported words.
const TITLE_CUES = new Set(
  `on titled entitled article show program programme podcast book books film movie song series documentary album
column episode segment sitcom novel memoir play musical author host star`.split(/\s+/),
);

/**
 * Whether a quoted span is the title of a programme or a work ("told MSNBC’s “Morning Joe”",
 * "said on “Meet the Press.”", "author of the book “America’s Bitter Pill”"): a few words in title
 * case, right after a possessive or a word that introduces a title. Nobody is on record as saying
 * them. So is a headline cited with its byline.
 *
 * @example
 * ```ts
 * const text = 'Potter told ABC’s “Good Morning America” on Monday.';
 * isTitleOfWork(text, { open: 17, start: 18, end: 39 } as QuoteSpan); // true
 * ```
 */
export function isTitleOfWork(text: string, span: QuoteSpan): boolean {
  if (isBylinedHeadline(text, span)) return true;
  const words = text
    .slice(span.start, span.end)
    .replace(/[,.!?]+$/, '')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0 || words.length > MAX_TITLE_WORDS) return false;
  if (!/^[\p{Lu}\d]/u.test(words[0])) return false;
  for (const w of words) if (!/^[\p{Lu}\d]/u.test(w) && !TITLE_SMALL_WORDS.has(w.toLowerCase())) return false;
  // "Trump's new book, “…”": a comma may stand between the cue and the title.
  const before = text
    .slice(Math.max(span.lineStart, span.open - LOOKBACK_CHARS), span.open)
    .trimEnd()
    .replace(/,$/, '');
  const [, cue = '', last = ''] = /(?:(\S+)\s+)?(\S+)$/.exec(before) ?? [];
  if (/\p{L}(['’]s|s['’])$/u.test(last)) return true;
  // "author of “…”", "an episode of “…”": the cue is the word before "of".
  return TITLE_CUES.has((last === 'of' ? cue : last).toLowerCase());
}

/**
 * A headline cited with its byline: `“Met accused of whitewashing a painting,” by Post's Ann Lee`.
 * Whatever its case, it is the title of an article, not words anyone said.
 */
function isBylinedHeadline(text: string, span: QuoteSpan): boolean {
  if (span.close === null || text[span.end - 1] !== ',') return false;
  const m = /^\s*by\s+(?:the\s+)?(\p{Lu}\S*)/u.exec(text.slice(span.close + 1, span.close + 1 + LOOKBACK_CHARS));
  // A day or a month after "by" is a deadline ("“…,” by Tuesday"), not a byline.
  return m !== null && !CALENDAR_WORD.test(m[1]);
}
