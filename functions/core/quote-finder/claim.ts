/**
 * The claimed quote as the finder sees it: its words with ids, and the multiset of their keys.
 */
import { tokenize } from '../text/tokenize.ts';
import type { Vocabulary } from './vocabulary.ts';

/** A word of the claim: `text.slice(start, end)`. */
export interface ClaimWord {
  surface: string;
  start: number;
  end: number;
  form: number;
  key: number;
}

/** A prepared claim. */
export interface Claim {
  text: string;
  words: ClaimWord[];
  /** The words' form and key ids, in order (for alignment). */
  forms: Int32Array;
  keys: Int32Array;
  /** How often each key occurs in the claim. */
  counts: Map<number, number>;
  /** Sum of the words' ranking weights. */
  weight: number;
  /** Whether the claim has content words; if not, every word counts as content. */
  hasContent: boolean;
}

/**
 * @example
 * ```ts
 * const claim = prepareClaim('“We will rebuild,” she says', vocabulary);
 * claim.words.map((w) => w.surface); // ['We', 'will', 'rebuild', 'she', 'says']
 * ```
 */
export function prepareClaim(text: string, vocabulary: Vocabulary): Claim {
  const scratch = new Map<string, number>();
  const counts = new Map<number, number>();
  let weight = 0;
  let hasContent = false;
  const words = tokenize(text).map((token) => {
    const surface = text.slice(token.start, token.end);
    const ids = vocabulary.lookup(surface, scratch);
    counts.set(ids.key, (counts.get(ids.key) ?? 0) + 1);
    weight += ids.weight;
    if (ids.weight === 1) hasContent = true;
    return { surface, start: token.start, end: token.end, form: ids.form, key: ids.key };
  });
  return {
    text,
    words,
    forms: Int32Array.from(words, (w) => w.form),
    keys: Int32Array.from(words, (w) => w.key),
    counts,
    weight,
    hasContent,
  };
}
