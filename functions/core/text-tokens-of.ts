/**
 * The tokens of a stored text, computed once per text: a search result's passages and a phrase
 * check both need every word of the document, and popular documents come up query after query.
 * Keyed weakly by the text's owner, so the tokens go when the document leaves the cache.
 */
import { tokenize, type Token } from './text-tokens.ts';

const cache = new WeakMap<object, Token[]>();

/**
 * @example
 * ```ts
 * tokensOf(document); // the same array on every call for the same document object
 * ```
 */
export function tokensOf(owner: { text: string }): Token[] {
  let tokens = cache.get(owner);
  if (!tokens) cache.set(owner, (tokens = tokenize(owner.text)));
  return tokens;
}
