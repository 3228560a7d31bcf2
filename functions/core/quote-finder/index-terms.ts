/**
 * The words of a claim worth asking the full-text index about: content words, as folded forms or
 * stem prefixes, so the index's bag of words finds candidate documents for any form of them.
 */
import { tokenize } from '../text/tokenize.ts';
import { STOPWORDS, wordForm, wordKey } from '../text/word-keys.ts';

/** An index query term, and whether it may match longer words. */
export interface IndexTerm {
  term: string;
  prefix: boolean;
}

/**
 * The longest content words only: each index term costs a pass over its posting list, and a
 * handful of rare words picks out the candidates as well as all of them (the alignment then
 * reads every word).
 */
const MAX_TERMS = 10;

/** Claims with fewer content words than this also send their function words. */
const FEW_CONTENT_WORDS = 4;

/** Stem prefixes shorter than this expand to too many words to be worth it. */
const MIN_PREFIX = 4;

/**
 * @example
 * ```ts
 * indexTerms('The protesters were happy'); // [{ term: 'protest', prefix: true }, { term: 'happ', prefix: true }]
 * ```
 */
export function indexTerms(claim: string, max = MAX_TERMS): IndexTerm[] {
  // The index's tokenizer splits at apostrophes ("don’t" is "don" and "t"), so the terms must too.
  const words = tokenize(claim).flatMap((t) => wordForm(claim.slice(t.start, t.end)).split("'"));
  const forms = [...new Set(words.filter((w) => w.length > 1))];
  // Longer words first: they are rarer, so better at picking out the right documents. A claim with
  // few content words ("on average, we can") is mostly function words: those then rank too.
  const byLength = (a: string, b: string) => b.length - a.length;
  const content = forms.filter((f) => !STOPWORDS.has(f)).sort(byLength);
  const chosen =
    content.length >= FEW_CONTENT_WORDS
      ? content
      : [...content, ...forms.filter((f) => STOPWORDS.has(f)).sort(byLength)];
  const terms = new Map<string, IndexTerm>();
  for (const form of chosen.slice(0, max)) {
    const key = wordKey(form);
    let common = 0;
    while (common < form.length && common < key.length && form[common] === key[common]) common++;
    const entry =
      common >= MIN_PREFIX && common < form.length
        ? { term: form.slice(0, common), prefix: true }
        : { term: form, prefix: false };
    terms.set(entry.term, entry);
  }
  return [...terms.values()];
}

/**
 * How many distinct content (not function) words the claim has.
 *
 * @example
 * ```ts
 * contentWordCount('It was no match at all'); // 1
 * ```
 */
export function contentWordCount(claim: string): number {
  return new Set(
    tokenize(claim)
      .map((t) => wordForm(claim.slice(t.start, t.end)))
      .filter((f) => !STOPWORDS.has(f)),
  ).size;
}
