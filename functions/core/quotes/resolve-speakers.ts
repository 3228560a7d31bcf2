import { definiteRole } from './definite-role.ts';
import { findNameMentions, type NameMention } from './find-name-mentions.ts';
import { guessGender, isKnownGivenName } from './name-gender.ts';
import { isPersonTitle, titleGender } from './person-titles.ts';
import { DESCRIPTION_LINKS, isDeterminer } from './read-speaker-phrase.ts';
import { pronounInfo, type Gender } from './pronouns.ts';
import { findSentenceStart } from './sentence-bounds.ts';

/**
 * One speaker to resolve: the mention as written next to a quote and where it sits.
 *
 * @example
 * ```ts
 * const req: SpeakerRequest = { mention: 'he', at: 120 };
 * ```
 */
export interface SpeakerRequest {
  mention: string | null;
  /** Offset of the mention (or of the quote, when there is no mention). */
  at: number;
}

/** How many recent name mentions a pronoun or a definite role looks back over for its antecedent. */
const MAX_PRONOUN_LOOKBACK = 40;

/**
 * What may stand before a sentence's subject: nothing, or an opening adverbial of a few words and
 * its comma ("On Monday, Bush …"). A pronoun later in the sentence prefers that subject to a person
 * named after it.
 */
const SUBJECT_LEAD = /^(?:[\s“”"‘’']*|(?:\S+\s+){0,7}\S+,\s*)$/;
/** How far back the sentence of a pronoun is looked for, in characters. */
const SENTENCE_LOOKBACK_CHARS = 400;

/** The end of "… Trump, whom he called": a pronoun right after "whom" that follows a name. */
const RELATIVE_OBJECT = /\p{Lu}[\p{L}.'’-]*,?\s+whom\s+$/u;

interface Entity {
  name: string;
  gender: Gender | null;
  person: boolean;
  /** Titles seen before the name in the narrative ("sen", "gov"), for "the senator" to find. */
  titles?: Set<string>;
}

/**
 * The name inside a speaker phrase, or null when the phrase is a description ("the ministry",
 * "a spokesman for X", "The New York Times") that should be kept as written.
 *
 * @example
 * ```ts
 * nameInMention('former President Bill Clinton'); // { name: 'Bill Clinton', gender: null }
 * nameInMention('a spokesman for Bernie Sanders'); // null
 * ```
 */
export function nameInMention(mention: string): { name: string; gender: Gender | null } | null {
  // Party tags and other parentheticals ("Rep. Jo Mica (R-Fla.)") are not part of the name.
  const words = mention
    .replace(/\s*\([^)]*\)/g, '')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return null;
  const last = words[words.length - 1];
  if (!/^\p{Lu}/u.test(last)) return null;
  // The final capitalised run, e.g. "Hope Hicks" in "Trump campaign spokesperson Hope Hicks".
  let s = words.length - 1;
  while (s > 0 && /^(\p{Lu}|de$|van$|von$|al-|bin$)/u.test(words[s - 1]) && !/[’']s$/.test(words[s - 1])) s--;
  const before = s > 0 ? words[s - 1].toLowerCase() : '';
  // "the Daily News", "a spokesman for X": an organisation or a description, not a person's name.
  if (
    before === 'of' ||
    before === 'for' ||
    before === 'at' ||
    (isDeterminer(before) && !/^(his|her|their|its)$/.test(before))
  )
    return null;
  // "an aide to Governor Ana Ruiz", "a complaint filed by the agency": a description that names
  // someone else after a link word; the speaker is the description, kept as written.
  if (/^(a|an|the|one)$/.test(words[0]) && words.slice(1, s).some((w) => DESCRIPTION_LINKS.has(w))) return null;
  let gender: Gender | null = null;
  while (s < words.length - 1 && isPersonTitle(words[s])) {
    gender = titleGender(words[s]) ?? gender;
    s++;
  }
  for (let k = 0; k < s; k++) gender = titleGender(words[k]) ?? gender;
  if (/^the$/i.test(words[s])) return null;
  const name = words
    .slice(s)
    .join(' ')
    .replace(/[’']s?$/, '');
  return { name, gender };
}

/**
 * Resolves speaker mentions to names, in text order: a pronoun to the most recent person of
 * compatible gender mentioned outside quotes (else the most recent named speaker), a surname to
 * the full name seen earlier, a description to itself. First-person pronouns stay unresolved,
 * since the writer is not named in the text.
 *
 * @example
 * ```ts
 * const text = 'Alex Potter spoke. “Yes,” he said. “No,” Potter said.';
 * resolveSpeakers(text, [{ mention: 'he', at: 26 }, { mention: 'Potter', at: 41 }], []);
 * // ['Alex Potter', 'Alex Potter']
 * ```
 */
export function resolveSpeakers(
  text: string,
  requests: SpeakerRequest[],
  quoted: { start: number; end: number }[],
): (string | null)[] {
  // Only narrative is scanned (names inside quotes are not antecedents), and only up to the last
  // mention that needs resolving: the scan is the costliest step of extraction.
  let last = 0;
  for (const r of requests) if (r.mention) last = Math.max(last, r.at);
  const mentions = narrativeMentions(text, quoted, last);
  const bySurname = new Map<string, Entity>();
  const byName = new Map<string, Entity>();
  const recent: Entity[] = [];
  const recentAt: number[] = [];
  let lastSpeaker: Entity | null = null;
  let lastGroup: string | null = null;
  let next = 0;

  // Exact-name cache: most narrative mentions repeat a name already seen, and the slow path
  // (split, lower-case, gender guess) was the resolver's main cost. A full name keeps its entity;
  // a lone surname keeps only its key, since it must follow whichever full name came last.
  const seen = new Map<string, { e: Entity; key: string; surname: boolean }>();
  const entityFor = (name: string, gender: Gender | null, titled: boolean): Entity => {
    const hit = seen.get(name);
    let e: Entity | undefined;
    if (hit?.surname) {
      e = hit.e;
      bySurname.set(hit.key, e);
    } else if (hit) {
      e = byName.get(hit.key) ?? bySurname.get(hit.key);
    }
    if (!e) {
      const words = name.split(' ');
      const key = name.toLowerCase();
      e = byName.get(key);
      if (!e && words.length === 1) e = bySurname.get(key);
      const surname = words.length >= 2 ? words[words.length - 1].toLowerCase() : null;
      if (!e) {
        e = {
          name,
          gender: gender ?? guessGender(name),
          person: titled || isKnownGivenName(words[0]) || / \p{Lu}\. /u.test(name),
        };
        byName.set(key, e);
      }
      if (surname) bySurname.set(surname, e);
      seen.set(name, surname ? { e, key: surname, surname: true } : { e, key, surname: false });
    }
    if (gender && !e.gender) e.gender = gender;
    if (titled) e.person = true;
    return e;
  };
  const advance = (to: number) => {
    while (next < mentions.length && mentions[next].start < to) {
      const m = mentions[next++];
      const e = entityFor(m.name, m.gender, m.titled);
      if (m.title) (e.titles ??= new Set()).add(m.title);
      recent.push(e);
      recentAt.push(m.start);
    }
  };
  // "Bush went after Trump at the debate, when he called …": a pronoun later in a sentence whose
  // subject is a person, after another person is named, stands for the subject.
  const sentenceSubject = (at: number, gender: Gender | null): Entity | undefined => {
    const start = findSentenceStart(text, at, Math.max(0, at - SENTENCE_LOOKBACK_CHARS));
    let k = recent.length - 1;
    while (k >= 0 && recentAt[k] >= start) k--;
    // The subject opens the sentence, or follows an opening adverbial and its comma ("With the
    // vote ruled out, Cross said …"); a name inside that adverbial is not it.
    let j = k + 1;
    while (j < recent.length && !SUBJECT_LEAD.test(text.slice(start, recentAt[j]))) j++;
    const first = recent[j];
    if (!first || !first.person || (first.gender !== null && first.gender !== gender)) return undefined;
    const others = recent
      .slice(j + 1)
      .filter((e) => e !== first && e.person && (e.gender === null || e.gender === gender));
    return others.length > 0 ? first : undefined;
  };

  return requests.map(({ mention, at }) => {
    advance(at);
    if (!mention) return null;
    const p = pronounInfo(mention.trim());
    if (p) {
      if (p.firstPerson) return null;
      if (!p.person) return lastGroup ?? lastSpeaker?.name ?? null;
      // "Rubio went after Trump, whom he called …": the person just named is the one "whom" stands
      // for, the object of the clause, so the pronoun subject is someone else.
      const whom = RELATIVE_OBJECT.test(text.slice(Math.max(0, at - 40), at)) ? recent.at(-1) : undefined;
      const subject = sentenceSubject(at, p.gender);
      if (subject) {
        subject.gender = p.gender;
        return subject.name;
      }
      for (let k = recent.length - 1, seen = 0; k >= 0 && seen < MAX_PRONOUN_LOOKBACK; k--, seen++) {
        const e = recent[k];
        if (e.person && e !== whom && (e.gender === null || e.gender === p.gender)) {
          // Learn the gender, so a later "she" does not pick a man whose first name we did not know.
          e.gender = p.gender;
          return e.name;
        }
      }
      return lastSpeaker?.name ?? null;
    }
    const found = nameInMention(mention);
    const role = found ? null : definiteRole(mention);
    if (role) {
      // "the senator said": the most recent person introduced with that title ("Sen. Jo Mica").
      for (let k = recent.length - 1, seen = 0; k >= 0 && seen < MAX_PRONOUN_LOOKBACK; k--, seen++) {
        const e = recent[k];
        if (
          e.titles &&
          role.titles.some((t) => e.titles!.has(t)) &&
          (!role.gender || e.gender !== (role.gender === 'm' ? 'f' : 'm'))
        )
          return e.name;
      }
    }
    if (!found) {
      lastGroup = mention;
      return mention;
    }
    const e = entityFor(found.name, found.gender, false);
    e.person = e.person || !isDeterminer(mention.split(' ')[0]);
    recent.push(e);
    recentAt.push(at);
    lastSpeaker = e;
    return e.name;
  });
}

function narrativeMentions(text: string, quoted: { start: number; end: number }[], until: number): NameMention[] {
  const out: NameMention[] = [];
  let pos = 0;
  // `quoted` is in text order; scan the gaps between quotations.
  for (const q of quoted) {
    if (pos >= until) break;
    if (q.start > pos) out.push(...findNameMentions(text, pos, Math.min(q.start, until)));
    pos = Math.max(pos, q.end);
  }
  if (pos < until) out.push(...findNameMentions(text, pos, until));
  return out;
}
