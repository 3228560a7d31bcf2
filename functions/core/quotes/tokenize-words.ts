/**
 * A word or punctuation token with its offsets in the text.
 *
 * @example
 * ```ts
 * const t: Token = { text: 'said', start: 10, end: 14, word: true };
 * ```
 */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** True for words (letters/digits, with inner apostrophes, hyphens, dots); false for punctuation. */
  word: boolean;
}

// Inner ’ ' - . keep "O’Malley", "al-Assad" and "U.S" whole; a trailing dot is left as punctuation
// so "said." ends a sentence, and callers re-attach it to titles and initials where it matters.
const TOKEN = /[\p{L}\p{N}\p{M}]+(?:[’'\-.][\p{L}\p{N}\p{M}]+)*|[^\s\p{L}\p{N}\p{M}]/gu;

/**
 * Tokenises `text.slice(start, end)` into words and single punctuation characters.
 * Used only on small windows around a quote, never on the whole article.
 *
 * @example
 * ```ts
 * tokenizeWords('Potter said, “Hi.”', 0, 13).map((t) => t.text); // ['Potter', 'said', ',', '“']
 * ```
 */
export function tokenizeWords(text: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(start, end);
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(slice)) !== null) {
    const s = start + m.index;
    const first = m[0].charCodeAt(0);
    tokens.push({ text: m[0], start: s, end: s + m[0].length, word: isWordChar(first, m[0]) });
  }
  return tokens;
}

function isWordChar(code: number, s: string): boolean {
  if (code < 128) return /[A-Za-z0-9]/.test(s[0]);
  return /[\p{L}\p{N}]/u.test(s[0]);
}
