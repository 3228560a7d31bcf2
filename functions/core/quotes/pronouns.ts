/** Grammatical gender a pronoun or a name implies, when it implies one. */
export type Gender = 'm' | 'f';

/**
 * What a pronoun tells us about its referent.
 *
 * @example
 * ```ts
 * const info: PronounInfo = { gender: 'f', person: true, relative: false, firstPerson: false };
 * ```
 */
export interface PronounInfo {
  gender: Gender | null;
  /** He/she/I refer to people; it/they more often to organisations. */
  person: boolean;
  /** "who"/"which": refers to the phrase right before it, not to the discourse. */
  relative: boolean;
  /** I/we: the writer, who is not in the text. */
  firstPerson: boolean;
}

/** The longest pronoun in the table ("himself", "herself"): a longer word is not looked up at all. */
const LONGEST_PRONOUN = 7;
const TABLE: Record<string, PronounInfo> = {};
const add = (words: string[], info: PronounInfo) => words.forEach((w) => (TABLE[w] = info));
add(['he', 'him', 'his', 'himself'], { gender: 'm', person: true, relative: false, firstPerson: false });
add(['she', 'her', 'hers', 'herself'], { gender: 'f', person: true, relative: false, firstPerson: false });
add(['they', 'them', 'their', 'it', 'its'], { gender: null, person: false, relative: false, firstPerson: false });
add(['who', 'which', 'that', 'whom'], { gender: null, person: false, relative: true, firstPerson: false });
add(['i', 'we', 'me', 'us', 'my', 'our'], { gender: null, person: true, relative: false, firstPerson: true });

/**
 * Looks a word up as a pronoun (case-insensitive). Returns null for anything else.
 *
 * @example
 * ```ts
 * pronounInfo('She')?.gender; // 'f'
 * pronounInfo('Potter'); // null
 * ```
 */
export function pronounInfo(word: string): PronounInfo | null {
  // Called for nearly every token: longer words cannot be pronouns, so skip the lower-casing.
  if (word.length > LONGEST_PRONOUN) return null;
  // "US" in capitals is the country ("US Senator Jo Mica said"), not the pronoun.
  if (word === 'US') return null;
  const w = word.toLowerCase();
  return Object.hasOwn(TABLE, w) ? TABLE[w] : null;
}

/**
 * Whether a mention is a single pronoun ("he", "They").
 *
 * @example
 * ```ts
 * isPronoun('he'); // true
 * isPronoun('the ministry'); // false
 * ```
 */
export function isPronoun(mention: string): boolean {
  return pronounInfo(mention.trim()) !== null;
}
