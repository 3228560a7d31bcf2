import { impliesPerson, isPersonTitle, titleGender } from './person-titles.ts';
import { isReportingVerb } from './reporting-verbs.ts';
import type { Gender } from './pronouns.ts';
import { isKnownGivenName } from './name-gender.ts';

/**
 * A capitalised run of words that may name someone: "Alex Potter", "Mrs. Clinton", "Potter".
 *
 * @example
 * ```ts
 * const m: NameMention = { name: 'Alex Potter', start: 4, end: 15, titled: true, gender: null, title: 'sen' };
 * ```
 */
export interface NameMention {
  /** The run with leading titles and a trailing possessive removed. */
  name: string;
  start: number;
  end: number;
  /** A person title came first ("Sen.", "Mrs."), or a reporting verb follows, so this is a person and not a place. */
  titled: boolean;
  gender: Gender | null;
  /** The last title written before the name, lower case without its dot ("sen" of "Sen. Jo Mica"). */
  title?: string;
}

// Capitalised words (with initials like "W.") separated by single spaces; one pass over the text.
// Abbreviated titles whose dot belongs to the word ("Sen. Jo Mica"), not to the sentence.
const DOTTED = new Set([
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
  'Sen',
  'Rep',
  'Gov',
  'Gen',
  'Lt',
  'Col',
  'Sgt',
  'Capt',
  'Rev',
  'Jr',
  'Sr',
  'St',
  'Prof',
]);
const PARTICLES = new Set(['de', 'van', 'von', 'del', 'da', 'bin', 'al']);
const LETTER = /[\p{L}\p{M}\p{N}]/u;
const UPPER = /\p{Lu}/u;

// Character classes by code unit, touching a regex only for the rare non-ASCII character.
function isWordCode(c: number, text: string, i: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
  return c !== 8217 && c !== 8220 && c !== 8221 && c !== 8212 && c !== 8211 && LETTER.test(text[i]);
}

function isUpperCode(c: number, text: string, i: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER.test(text[i]);
}

interface Word {
  text: string;
  start: number;
  end: number;
}

// Candidate starts of capitalised words; each is checked against the word rules below.
const UPPER_START = /\p{Lu}/gu;

function isJoiner(c: number): boolean {
  // Inner ’ ' - . keep "O’Malley", "Crouse-Mays", "U.S" in one word.
  return c === 8217 || c === 39 || c === 45 || c === 46;
}

/** End of the word starting at `i` (letters and digits, with inner ’ ' - .), no further than `n`. */
function wordEnd(text: string, i: number, n: number): number {
  let j = i + 1;
  while (j < n) {
    const d = text.charCodeAt(j);
    if (isWordCode(d, text, j)) j++;
    else if (isJoiner(d) && j + 1 < n && isWordCode(text.charCodeAt(j + 1), text, j + 1)) j += 2;
    else break;
  }
  return j;
}

/**
 * Capitalised runs of words separated by single spaces (or joined by a particle: "Ursula von der
 * Leyen"). The regex jumps from capital to capital, so the lower-case bulk of the text is never
 * walked in JavaScript; that walk was the costliest loop of extraction.
 */
function capitalisedRuns(text: string, from: number, to: number): Word[][] {
  const runs: Word[][] = [];
  let run: Word[] = [];
  // End of the last word read (capitalised or not), so a capital inside it is not a new word.
  let covered = from;
  // Search only [from, to): an unbounded search would run on to the next capital anywhere in the
  // text, and the text between quotes is scanned gap by gap — quadratic on text without capitals.
  const window = text.slice(from, to);
  UPPER_START.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = UPPER_START.exec(window)) !== null) {
    const i = m.index + from;
    if (i < covered || !isUpperCode(text.charCodeAt(i), text, i)) continue;
    // A capital inside a word ("iPhone", "McCain" past its first letter, "U.S" after the dot) is not a word start.
    if (i > from) {
      const p = text.charCodeAt(i - 1);
      if (isWordCode(p, text, i - 1)) {
        covered = wordEnd(text, i, to);
        UPPER_START.lastIndex = covered - from;
        continue;
      }
      if (isJoiner(p) && i - 2 >= from && isWordCode(text.charCodeAt(i - 2), text, i - 2)) {
        covered = wordEnd(text, i, to);
        UPPER_START.lastIndex = covered - from;
        continue;
      }
    }
    let j = wordEnd(text, i, to);
    let w = text.slice(i, j);
    if (j < to && text.charCodeAt(j) === 46 && (DOTTED.has(w) || j - i === 1 || w.includes('.'))) {
      j++;
      w += '.';
    }
    if (run.length > 0) {
      const lastEnd = run[run.length - 1].end;
      const gap = text.charCodeAt(lastEnd);
      if (i - lastEnd === 1 && (gap === 32 || gap === 160)) {
        // Joined by a single space.
      } else if (!joinsByParticle(text, lastEnd, i, run)) {
        runs.push(run);
        run = [];
      }
    }
    run.push({ text: w, start: i, end: j });
    covered = j;
    UPPER_START.lastIndex = j - from;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** Whether `text.slice(lastEnd, i)` is " de " (a lower-case particle between single spaces); pushes it to the run. */
function joinsByParticle(text: string, lastEnd: number, i: number, run: Word[]): boolean {
  const gap = text.charCodeAt(lastEnd);
  if (gap !== 32 && gap !== 160) return false;
  const ps = lastEnd + 1;
  const pe = i - 1;
  if (pe - ps < 2 || pe - ps > 3 || text.charCodeAt(pe) !== 32) return false;
  const particle = text.slice(ps, pe);
  if (!PARTICLES.has(particle)) return false;
  run.push({ text: particle, start: ps, end: pe });
  return true;
}

// Capitalised words that start sentences or name dates, never people.
const NOT_NAMES = new Set(
  `the a an in on at of for to from by with and but or if when while after before as
this that these those it its he she they we i you his her their our my your there here then so yet also
however meanwhile still though although because since during under over about into than just even not no yes
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december jan feb mar apr jun jul aug sep sept oct nov dec what who why how where which
mr mrs ms dr one two three some many most all every each both another other more`.split(/\s+/),
);

/** The lower-case ASCII word right after `pos` (past an optional comma and spaces), or null. */
function nextLowerWord(text: string, pos: number): string | null {
  let k = pos;
  if (text.charCodeAt(k) === 44) k++;
  const s0 = k;
  while (text.charCodeAt(k) === 32) k++;
  if (k === s0) return null;
  const s = k;
  for (let c = text.charCodeAt(k); c >= 97 && c <= 122; c = text.charCodeAt(++k));
  return k > s ? text.slice(s, k) : null;
}

/** The mention a one-word run makes, or null; the same rules as the general path, without its arrays. */
function singleWordMention(text: string, w: Word): NameMention | null {
  const t = w.text;
  const lower = t.toLowerCase();
  if (NOT_NAMES.has(lower)) return null;
  const dotted = lower.endsWith('.');
  const bare = dotted ? lower.slice(0, -1) : lower;
  if ((dotted && NOT_NAMES.has(bare)) || isPersonTitle(t)) return null;
  // A trailing possessive ("Potter’s") still names Potter; a dotted word cannot also be possessive.
  let last = t;
  if (dotted) last = t.slice(0, -1);
  else if (t.endsWith('’s') || t.endsWith("'s")) last = t.slice(0, -2);
  if (last.length === 0 || (last !== t && NOT_NAMES.has(last.toLowerCase()))) return null;
  const next = nextLowerWord(text, w.end);
  return {
    name: last,
    start: w.start,
    end: w.start + last.length,
    titled: !!next && (next === 'who' || isReportingVerb(next)),
    gender: null,
  };
}

/**
 * Finds every capitalised run in `text.slice(from, to)`, in order, as candidate names. Runs that are only
 * sentence-initial function words or dates are dropped; what remains still includes places and
 * organisations, which the resolver filters by context.
 *
 * @example
 * ```ts
 * findNameMentions('Yesterday Sen. Alex Potter met Smith.').map((m) => m.name);
 * // ['Alex Potter', 'Smith']
 * ```
 */
export function findNameMentions(text: string, from = 0, to = text.length): NameMention[] {
  const out: NameMention[] = [];
  for (const run of capitalisedRuns(text, from, to)) {
    // Fast path: most runs are one word, a sentence-initial function word ("The", "But") or a surname.
    if (run.length === 1) {
      const m = singleWordMention(text, run[0]);
      if (m) out.push(m);
      continue;
    }
    const words = run.map((w) => w.text);
    let i = 0;
    let titled = false;
    let gender: Gender | null = null;
    let title: string | undefined;
    // Drop leading function words and titles, remembering a title's gender.
    while (i < words.length) {
      const w = words[i];
      const bare = w.replace(/\.$/, '').toLowerCase();
      if (NOT_NAMES.has(bare) && !(bare === 'mr' || bare === 'mrs' || bare === 'ms' || bare === 'dr')) {
        i++;
        continue;
      }
      if (isPersonTitle(w)) {
        titled ||= impliesPerson(w);
        gender = titleGender(w) ?? gender;
        // "Vice President Joe Biden" is not "the president".
        title = bare === 'president' && title === 'vice' ? title : bare;
        i++;
        continue;
      }
      break;
    }
    // A title further in ("Yesterday Sen. Alex Potter") marks where the name proper starts.
    for (let j = words.length - 2; j >= i; j--) {
      if (isPersonTitle(words[j])) {
        titled ||= impliesPerson(words[j]);
        gender = titleGender(words[j]) ?? gender;
        title = words[j].replace(/\.$/, '').toLowerCase();
        i = j + 1;
        break;
      }
    }
    // A sentence-initial adverb glued to a name ("Yesterday Alex Potter"): drop it.
    if (words.length - i >= 3 && !isKnownGivenName(words[i]) && isKnownGivenName(words[i + 1])) i++;
    if (i >= words.length) continue;
    // A trailing possessive ("Potter’s") still names Potter.
    const last = words[words.length - 1].replace(/[’']s$/, '').replace(/\.$/, '');
    if (last.length === 0) continue;
    if (words.length - i === 1 && NOT_NAMES.has(last.toLowerCase())) continue;
    const name = words.slice(i, -1).concat(last).join(' ');
    const start = run[i].start;
    // Narrative like "Brafman noted" or "Potter, who…" shows the run is someone who speaks.
    const next = nextLowerWord(text, run[run.length - 1].end);
    if (next && (next === 'who' || isReportingVerb(next))) titled = true;
    out.push({ name, start, end: start + name.length, titled, gender, ...(title ? { title } : {}) });
  }
  return out;
}
