/**
 * Sentence boundaries, found locally around a position: attribution only ever looks at the
 * sentence a quote sits in, so there is no need to segment the whole article.
 */
import { TITLE_ABBREVIATIONS } from '../text/title-abbreviations.ts';

// Words after which a dot does not end a sentence: the titles before a name, and other abbreviations.
const ABBREVIATIONS = new Set([
  ...TITLE_ABBREVIATIONS,
  'jr',
  'sr',
  'inc',
  'corp',
  'co',
  'ltd',
  'no',
  'vs',
  'v',
  'u.s',
  'u.k',
  'u.n',
  'a.m',
  'p.m',
  'jan',
  'feb',
  'mar',
  'apr',
  'aug',
  'sept',
  'sep',
  'oct',
  'nov',
  'dec',
  'ft',
  'mt',
  'd.c',
  'e.g',
  'i.e',
  'etc',
  'al',
  'dept',
  'est',
  'approx',
  'calif',
  'fla',
  'mass',
  'penn',
  'va',
  'wash',
]);
const CLOSING = new Set(['”', '"', '’', "'", ')', ']', '»']);
const SPACE = /\s/;

function wordBefore(text: string, i: number): string {
  let s = i;
  // Abbreviations are short: a longer word is never one, and walking it all was quadratic.
  while (s > 0 && i - s < 12 && /[\p{L}.]/u.test(text[s - 1])) s--;
  return text.slice(s, i).toLowerCase();
}

/**
 * Whether the character at `i` (., ! or ?) ends a sentence: it must be followed (after any closing
 * marks) by whitespace, and a dot must not close an abbreviation or an initial.
 *
 * @example
 * ```ts
 * isSentenceEnd('Mr. Potter left. He', 2); // false
 * isSentenceEnd('Mr. Potter left. He', 15); // true
 * ```
 */
export function isSentenceEnd(text: string, i: number): boolean {
  const c = text[i];
  if (c !== '.' && c !== '!' && c !== '?') return false;
  let j = i + 1;
  while (j < text.length && CLOSING.has(text[j])) j++;
  if (j < text.length && !SPACE.test(text[j])) return false;
  // "“Really?” she asked" continues the sentence: a lower-case word after the mark is not a new one.
  let k = j;
  while (k < text.length && k < j + 4 && SPACE.test(text[k])) k++;
  if (k < text.length && /\p{Ll}/u.test(text[k])) return false;
  if (c !== '.') return true;
  const w = wordBefore(text, i);
  if (w.length === 1 && /[a-z]/.test(w)) return false;
  if (ABBREVIATIONS.has(w)) {
    // "… in the U.S. The next …" is ambiguous; treat a following capital after a country code as an end.
    return false;
  }
  return true;
}

/**
 * The start of the sentence containing `pos`, searching back no further than `limit`.
 *
 * @example
 * ```ts
 * findSentenceStart('One. Two three', 9, 0); // 5
 * ```
 */
export function findSentenceStart(text: string, pos: number, limit: number): number {
  for (let i = pos - 1; i >= limit; i--) {
    const c = text[i];
    if ((c === '.' || c === '!' || c === '?') && isSentenceEnd(text, i)) {
      let j = i + 1;
      while (j < pos && (CLOSING.has(text[j]) || SPACE.test(text[j]))) j++;
      return j;
    }
  }
  return limit;
}

/**
 * The end (exclusive, after the terminator) of the sentence containing `pos`, no further than `limit`.
 *
 * @example
 * ```ts
 * findSentenceEnd('One two. Three', 0, 14); // 8
 * ```
 */
export function findSentenceEnd(text: string, pos: number, limit: number): number {
  for (let i = pos; i < limit; i++) {
    const c = text[i];
    if ((c === '.' || c === '!' || c === '?') && isSentenceEnd(text, i)) return i + 1;
  }
  return limit;
}
