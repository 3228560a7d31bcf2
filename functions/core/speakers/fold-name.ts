/**
 * Folds one word of a name so that the forms a person appears under compare equal: case and
 * accents ("Şahin" = "Sahin"), and the usual transliterations of a final -y/-iy/-yy
 * ("Zelenskyy" = "Zelensky" = "Zelenskiy"). Possessive endings are dropped.
 *
 * @example
 * ```ts
 * foldNameWord('Zelenskiy') === foldNameWord('Zelenskyy'); // true
 * ```
 */
export function foldNameWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']s?$/, '')
    .replace(/(?:iy|yy|ij|ii)$/, 'y');
}

/**
 * The folded words of a name, titles and one-letter words left out.
 *
 * @example
 * ```ts
 * nameWords('President Volodymyr Zelenskyy'); // ['volodymyr', 'zelensky']
 * ```
 */
export function nameWords(name: string): string[] {
  const hit = wordsCache.get(name);
  if (hit) return hit;
  const words = name
    .split(/[^\p{L}\p{N}'’-]+/u)
    .filter((w) => w.length > 1 && !TITLES.has(w.toLowerCase().replace(/\.$/, '')))
    .map(foldNameWord);
  if (wordsCache.size >= MAX_CACHED_NAMES) wordsCache.clear();
  wordsCache.set(name, words);
  return words;
}

/**
 * Distinct names whose folded words are remembered: the same few thousand speakers recur in every
 * facet count and directory build, and folding is most of their cost. Cleared when full, so memory
 * stays bounded.
 */
const MAX_CACHED_NAMES = 50_000;
const wordsCache = new Map<string, string[]>();

const TITLES = new Set(
  `mr mrs ms miss dr sir dame lord lady president prime minister pm gov governor sen senator rep
representative mayor chancellor king queen prince princess general gen col colonel sgt captain capt judge justice
secretary chairman chairwoman chief officer spokesman spokeswoman spokesperson former the of`.split(/\s+/),
);

/**
 * Whether a claimed speaker is the speaker an archived quote names: the claimed name's last word
 * (the surname, "Mr Zelensky" → zelensky) is one of the words of the archived name, folded.
 *
 * @example
 * ```ts
 * sameSpeaker('Mr Zelensky', 'Volodymyr Zelenskyy'); // true
 * sameSpeaker('Zelenskyy', 'the ministry'); // false
 * ```
 */
export function sameSpeaker(claimed: string, archived: string): boolean {
  const wanted = nameWords(claimed);
  if (wanted.length === 0) return false;
  const have = new Set(nameWords(archived));
  return have.has(wanted[wanted.length - 1]) || (wanted.length === 1 && have.has(wanted[0]));
}
