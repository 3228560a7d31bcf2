import type { Gender } from './pronouns.ts';

/**
 * Role nouns that, after "the", name one person the article has introduced with the same title
 * ("Sen. Bernie Sanders … the senator said"), and the titles (lower case, no dot) that introduce
 * them. Roles no title backs ("the candidate", "the billionaire") stay descriptions: resolved to
 * the most recent person, they named the wrong one about one time in five on PolNeAR train.
 */
const ROLE_TITLES: Record<string, readonly string[]> = {
  senator: ['sen', 'senator'],
  governor: ['gov', 'governor'],
  president: ['president', 'pres'],
  congressman: ['rep', 'representative', 'congressman'],
  congresswoman: ['rep', 'representative', 'congresswoman'],
  mayor: ['mayor'],
  judge: ['judge'],
};
/** A definite role is at most this many words ("the former Florida governor"). */
const MAX_ROLE_WORDS = 5;
const GENDERED: Record<string, Gender> = { congressman: 'm', congresswoman: 'f' };

/**
 * A speaker phrase that is "the" and a role naming one known person: the titles that introduce
 * such a person and the gender the role tells; null for any other phrase (a name, "a senator",
 * "the senator's office", "the spokesman").
 *
 * @example
 * ```ts
 * definiteRole('the former Florida governor'); // { titles: ['gov', 'governor'], gender: null }
 * definiteRole('the spokesman'); // null
 * ```
 */
export function definiteRole(mention: string): { titles: readonly string[]; gender: Gender | null } | null {
  const words = mention.trim().split(/\s+/);
  if (words.length < 2 || words.length > MAX_ROLE_WORDS || !/^the$/i.test(words[0])) return null;
  const head = words[words.length - 1];
  const titles = Object.hasOwn(ROLE_TITLES, head) ? ROLE_TITLES[head] : undefined;
  if (!titles) return null;
  // Only modifiers between "the" and the role: no link word, no possessive.
  if (words.slice(1, -1).some((w) => /^(of|for|at|to|by|with|and|or)$/i.test(w) || /[’']s$/.test(w))) return null;
  return { titles, gender: GENDERED[head] ?? null };
}
