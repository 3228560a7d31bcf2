import type { WordToken as Token } from '../text/tokenize.ts';

// After a quote, the subjects a bare "say"/"write" agrees with: a plural noun ("officials say"),
// a plural pronoun, or a count ("the two write"). "to", "and" and the modals are left out there:
// "…,” to say" and "…,” and say" are no attribution.
const PLURAL_SUBJECT_WORD = /^(we|you|they|both|two|three|four|several|many|others|people|police|staff)$/;
const PLURAL_ENDING = /\p{L}{2}s$/u;
const NOT_PLURAL_ENDING = /(ss|us|is)$/;
// Adverbs that may stand between such a subject and its verb ("officials also say").
const SUBJECT_ADVERB = /^(often|also|still|now|always|never|privately|publicly)$/;

/**
 * Whether a bare base-form verb at `v` ("say", "write") agrees with the subject that ends just
 * before it, reading no further back than `from`: the verb of "…,” officials say" and "…,
 * the two write", which a singular subject ("…,” Potter say") never takes.
 *
 * @example
 * ```ts
 * const tokens = tokenizeWords('officials also say', 0, 18);
 * pluralSubjectBefore(tokens, 0, 2); // true
 * ```
 */
export function pluralSubjectBefore(tokens: Token[], from: number, v: number): boolean {
  let p = v - 1;
  if (p > from && SUBJECT_ADVERB.test(tokens[p].text)) p--;
  const t = tokens[p];
  if (p < from || !t?.word) return false;
  const w = t.text.toLowerCase();
  return PLURAL_SUBJECT_WORD.test(w) || (PLURAL_ENDING.test(w) && !NOT_PLURAL_ENDING.test(w) && !/[’']/.test(w));
}
