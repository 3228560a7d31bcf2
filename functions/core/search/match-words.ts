/**
 * How search compares the text's words with the query's, for phrase checks and highlights: on the
 * index words of `core/text/tokenize.ts`, folded, so a check agrees with what the index found.
 */
import { foldTerm, type Token } from '../text/tokenize.ts';

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
  return (
    queryWord.length >= 5 &&
    textWord.length >= 4 &&
    queryWord.startsWith(textWord) &&
    queryWord.length - textWord.length <= 2
  );
}

/**
 * The part of `queryWord` that every text word {@link wordMatches} accepts for it contains: the
 * word itself, or for five letters or more the shortest text word its plural/possessive rule
 * accepts. A text holding none of these cannot match `queryWord` (passages skip such text).
 *
 * @example
 * ```ts
 * matchedCore('ministries'); // 'ministri'
 * matchedCore('deck');       // 'deck'
 * ```
 */
export function matchedCore(queryWord: string): string {
  return queryWord.length >= 5 ? queryWord.slice(0, Math.max(4, queryWord.length - 2)) : queryWord;
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
