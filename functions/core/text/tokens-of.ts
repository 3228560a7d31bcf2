/**
 * The tokens of a stored text, computed once per text: a search result's passages and a phrase
 * check both need every word of the document, and popular documents come up query after query.
 * Keyed weakly by the text's owner, so the tokens go when the document leaves the cache.
 */
import { tokenize, type Token } from './tokenize.ts';

const cache = new WeakMap<object, Token[]>();

/**
 * How much of a document's text is searched: indexed, and checked for phrases. The whole text is
 * stored and shown; only words past this are not found. Tokenising and indexing are linear but
 * not free (~50 ms per 250 K characters on this shared machine, and a 10 MB upload would take over
 * a second), and one search must not stall the process for others. 250 K characters is about
 * 125 pages, several times the longest article in the corpora.
 */
export const SEARCHED_TEXT_CHARS = 250_000;

/** The searched part of a text (a view, not a copy, for long ones). */
export function searchedText(text: string): string {
  return text.length > SEARCHED_TEXT_CHARS ? text.slice(0, SEARCHED_TEXT_CHARS) : text;
}

/**
 * @example
 * ```ts
 * tokensOf(document); // the same array on every call for the same document object
 * ```
 */
export function tokensOf(owner: { text: string }): Token[] {
  let tokens = cache.get(owner);
  if (!tokens) cache.set(owner, (tokens = tokenize(searchedText(owner.text))));
  return tokens;
}
