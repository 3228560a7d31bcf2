/**
 * What a "word" is, in one place: search, the quote finder, near-duplicate detection and quote
 * extraction all build on this module. There are two named variants, because their callers
 * truly differ, and one fold:
 *
 * - **index words** ({@link WORD}, {@link tokenize}): runs of letters and digits. Everything else
 *   separates words — apostrophes too ("Baku’s" is `baku` + `s`), and currency signs ("£10bn" is
 *   `10bn`) — the same way in the index, in queries, in phrase checks and in the quote finder, so
 *   what one of them finds the others find too. The index's terms are these words, folded.
 * - **quote words** ({@link tokenizeWords}): what attribution reads. Names must stay whole, so
 *   inner ’ ' - . join ("O’Malley", "al-Assad", "U.S"), combining marks belong to their word, and
 *   punctuation comes back as tokens of its own (a comma or a quote mark is a clue there).
 */

/**
 * Folds a word to its index form: lower case, accents removed, so "Zelenskyy" matches "zelenskyy"
 * and "café" matches "cafe".
 *
 * @example
 * ```ts
 * foldTerm('Café'); // 'cafe'
 * ```
 */
export function foldTerm(term: string): string {
  // Most text only needs lowercasing: skip the decomposition for it (a measured ~40% of tokenising time).
  if (foldKeepsOffsets(term)) return term.toLowerCase();
  return term
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/**
 * ASCII, and the General Punctuation characters news text is full of (dashes, curly quotes,
 * ellipses: U+2010–U+205F, which have no decomposition, no case and are not letters).
 */
const LOWERCASE_FOLDS = /^[\x00-\x7f\u2010-\u205f]*$/;

/**
 * Whether folding `text` only lowercases it, so that {@link foldTerm}'s result has the same
 * offsets as `text` (and ASCII word boundaries, as {@link asciiWordAround} finds them).
 */
export function foldKeepsOffsets(text: string): boolean {
  return LOWERCASE_FOLDS.test(text);
}

/** An index word of the text: `text.slice(start, end)`, and its folded form for comparison. */
export interface Token {
  start: number;
  end: number;
  folded: string;
}

/** An index word: a run of letters and digits (see the module comment). */
export const WORD = /[\p{L}\p{N}]+/gu;

const LETTER_OR_NUMBER_POINT = /^[\p{L}\p{N}]$/u;

/** A-Z, a-z, 0-9. */
const isAsciiWordCode = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);

/**
 * The index word that covers offset `at` of a text whose characters are ASCII or not letters
 * ({@link foldKeepsOffsets}), as `[start, end]` (what {@link tokenize} would give there), or null
 * when `at` is not in a word. Lets a caller that knows
 * where to look test a few words without tokenising the whole text.
 *
 * @example
 * ```ts
 * asciiWordAround('The pier, rebuilt.', 6); // [4, 8]
 * ```
 */
export function asciiWordAround(text: string, at: number): [number, number] | null {
  if (!isAsciiWordCode(text.charCodeAt(at))) return null;
  let start = at;
  while (start > 0 && isAsciiWordCode(text.charCodeAt(start - 1))) start--;
  let end = at + 1;
  while (end < text.length && isAsciiWordCode(text.charCodeAt(end))) end++;
  return [start, end];
}

/** How many code units the letter or digit at `i` takes (1, or 2 for a surrogate pair), or 0 if none is there. */
function wordCharLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return isAsciiWordCode(c) ? 1 : 0;
  const width = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
  return LETTER_OR_NUMBER_POINT.test(text.slice(i, i + width)) ? width : 0;
}

/**
 * The index words of a text, `offset` added to their positions: the runs {@link WORD} matches,
 * found by a scan that tests ASCII by code unit and asks a regex only of other characters (the
 * `matchAll` it replaced, with a fold per match, was the largest share of cutting passages).
 *
 * @example
 * ```ts
 * tokenize('Baku’s Protest'); // [{ start: 0, end: 4, folded: 'baku' }, { start: 5, end: 6, folded: 's' }, { start: 7, end: 14, folded: 'protest' }]
 * ```
 */
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    const first = wordCharLength(text, i);
    if (first === 0) {
      i++;
      continue;
    }
    let j = i + first;
    let ascii = first === 1 && text.charCodeAt(i) < 128;
    // Whether an ASCII word has a capital: most words have none, and skipping toLowerCase for
    // them is a measured quarter of the scan's time.
    let upper = ascii && text.charCodeAt(i) <= 90 && text.charCodeAt(i) >= 65;
    for (;;) {
      const c = text.charCodeAt(j);
      if (j < length && c < 128) {
        if (!isAsciiWordCode(c)) break;
        if (c <= 90 && c >= 65) upper = true;
        j++;
        continue;
      }
      const width = j < length ? wordCharLength(text, j) : 0;
      if (width === 0) break;
      ascii = false;
      j += width;
    }
    const word = text.slice(i, j);
    tokens.push({
      start: offset + i,
      end: offset + j,
      folded: ascii ? (upper ? word.toLowerCase() : word) : foldTerm(word),
    });
    i = j;
  }
  return tokens;
}

/**
 * A quote word or punctuation token with its offsets in the text.
 *
 * @example
 * ```ts
 * const t: WordToken = { text: 'said', start: 10, end: 14, word: true };
 * ```
 */
export interface WordToken {
  text: string;
  start: number;
  end: number;
  /** True for words (letters/digits, with inner apostrophes, hyphens, dots); false for punctuation. */
  word: boolean;
}

// Inner ’ ' - . keep "O’Malley", "al-Assad" and "U.S" whole; a trailing dot is left as punctuation
// so "said." ends a sentence, and callers re-attach it to titles and initials where it matters.
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const SPACE_CHAR = /\s/;
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

/** Letters, digits and combining marks, by code unit: ASCII without a regex, the rest with one. */
function isWordAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return isAsciiWordCode(c);
  return c !== 0x2019 && c !== 0x201c && c !== 0x201d && WORD_CHAR.test(text[i]);
}

function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return SPACE_CHAR.test(text[i]);
}

/**
 * Tokenises `text.slice(start, end)` into quote words and single punctuation characters.
 * Used only on small windows around a quote, never on the whole article. Appends to `tokens`
 * when given, so a caller stitching windows together does not copy arrays. A hand-written scan:
 * the equivalent Unicode regex plus a slice per window was a visible share of extraction time.
 *
 * @example
 * ```ts
 * tokenizeWords('Potter said, “Hi.”', 0, 13).map((t) => t.text); // ['Potter', 'said', ',', '“']
 * ```
 */
export function tokenizeWords(text: string, start: number, end: number, tokens: WordToken[] = []): WordToken[] {
  let i = start;
  while (i < end) {
    if (isSpaceAt(text, i)) {
      i++;
      continue;
    }
    if (!isWordAt(text, i)) {
      // A surrogate pair (emoji) is one punctuation token, as the regex treated it.
      const w = text.charCodeAt(i) >= 0xd800 && text.charCodeAt(i) <= 0xdbff && i + 1 < end ? 2 : 1;
      tokens.push({ text: text.slice(i, i + w), start: i, end: i + w, word: false });
      i += w;
      continue;
    }
    let j = i + 1;
    for (;;) {
      while (j < end && isWordAt(text, j)) j++;
      const c = text.charCodeAt(j);
      // Inner ’ ' - . followed by another word character keeps the word going.
      if (j + 1 < end && (c === 0x2019 || c === 39 || c === 45 || c === 46) && isWordAt(text, j + 1)) j += 2;
      else break;
    }
    // A run that opens with a combining mark is not a word, as in the regex this replaced.
    tokens.push({
      text: text.slice(i, j),
      start: i,
      end: j,
      word: text.charCodeAt(i) < 128 || LETTER_OR_NUMBER.test(text[i]),
    });
    i = j;
  }
  return tokens;
}
