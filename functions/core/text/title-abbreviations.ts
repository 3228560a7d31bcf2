/**
 * Abbreviated titles that stand before a name ("Mr. Potter", "Gov. Brown"): a dot after one of
 * these does not end a sentence. `Intl.Segmenter` breaks after them (its ICU data has the English
 * suppressions, but V8 does not expose the `ss` option that turns them on), so the sentence
 * splitters re-join those breaks. Only titles are listed: "U.S." or "Inc." can end a sentence
 * and are left to the segmenter.
 */
export const TITLE_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sen',
  'rep',
  'gov',
  'gen',
  'lt',
  'col',
  'sgt',
  'capt',
  'cmdr',
  'adm',
  'maj',
  'st',
  'rev',
  'hon',
  'pres',
  'supt',
  'det',
  'insp',
  'fr',
]);

/** A title is at most this long ("cmdr"): the look-back before a dot stays bounded. */
const LONGEST_TITLE = 4;

/**
 * Whether the dot at `dot` closes a title abbreviation: the word before it, standing alone, is a title.
 *
 * @example
 * ```ts
 * closesTitle('met Mr. Potter', 6); // true
 * closesTitle('met Amr. Potter', 7); // false
 * ```
 */
export function closesTitle(text: string, dot: number): boolean {
  if (text[dot] !== '.') return false;
  let start = dot;
  while (start > 0 && dot - start <= LONGEST_TITLE && /\p{L}/u.test(text[start - 1])) start--;
  if (dot - start > LONGEST_TITLE || start === dot) return false;
  // The word must start there: "Amr." is not "Mr.".
  if (start > 0 && /[\p{L}\p{N}.]/u.test(text[start - 1])) return false;
  return TITLE_ABBREVIATIONS.has(text.slice(start, dot).toLowerCase());
}
