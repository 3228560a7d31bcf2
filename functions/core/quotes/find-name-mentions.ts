import { impliesPerson, isPersonTitle, titleGender } from './person-titles.ts';
import { isReportingVerb } from './reporting-verbs.ts';
import type { Gender } from './pronouns.ts';
import { isKnownGivenName } from './name-gender.ts';

/**
 * A capitalised run of words that may name someone: "Alex Potter", "Mrs. Clinton", "Potter".
 *
 * @example
 * ```ts
 * const m: NameMention = { name: 'Alex Potter', start: 4, end: 15, titled: true, gender: null };
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
}

// Capitalised words (with initials like "W.") separated by single spaces; one pass over the text.
// Abbreviated titles whose dot belongs to the word ("Sen. Jo Mica"), not to the sentence.
const DOTTED = new Set(['Mr', 'Mrs', 'Ms', 'Dr', 'Sen', 'Rep', 'Gov', 'Gen', 'Lt', 'Col', 'Sgt', 'Capt', 'Rev', 'Jr', 'Sr', 'St', 'Prof']);
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

/** Capitalised runs of words separated by single spaces, found with one hand-written scan (regexes with Unicode classes were the ingest bottleneck). */
function capitalisedRuns(text: string, from: number, to: number): Word[][] {
  const runs: Word[][] = [];
  let run: Word[] = [];
  const n = to;
  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isWordCode(c, text, i)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (isWordCode(d, text, j)) j++;
      // Inner ’ ' - . keep "O’Malley", "Crouse-Mays", "U.S" in one word.
      else if ((d === 8217 || d === 39 || d === 45 || d === 46) && j + 1 < n && isWordCode(text.charCodeAt(j + 1), text, j + 1)) j += 2;
      else break;
    }
    const upper = isUpperCode(c, text, i);
    const lastEnd = run.length > 0 ? run[run.length - 1].end : -2;
    const joined = i - lastEnd === 1 && (text.charCodeAt(lastEnd) === 32 || text.charCodeAt(lastEnd) === 160);
    if (upper) {
      // Strings are only made for capitalised words: most words are lower-case and cost nothing.
      let w = text.slice(i, j);
      if (j < n && text.charCodeAt(j) === 46 && (DOTTED.has(w) || j - i === 1 || w.includes('.'))) {
        j++;
        w += '.';
      }
      if (!joined && run.length > 0) runs.push(run), (run = []);
      run.push({ text: w, start: i, end: j });
    } else if (joined && j - i <= 3 && PARTICLES.has(text.slice(i, j)) && j + 1 < n && text.charCodeAt(j) === 32 && isUpperCode(text.charCodeAt(j + 1), text, j + 1)) {
      run.push({ text: text.slice(i, j), start: i, end: j });
    } else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
    i = j;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

// Capitalised words that start sentences or name dates, never people.
const NOT_NAMES = new Set(`the a an in on at of for to from by with and but or if when while after before as
this that these those it its he she they we i you his her their our my your there here then so yet also
however meanwhile still though although because since during under over about into than just even not no yes
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december jan feb mar apr jun jul aug sep sept oct nov dec what who why how where which
mr mrs ms dr one two three some many most all every each both another other more`.split(/\s+/));

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
    // Fast path: most runs are one sentence-initial function word ("The", "But").
    if (run.length === 1 && NOT_NAMES.has(run[0].text.toLowerCase())) continue;
    const words = run.map((w) => w.text);
    let i = 0;
    let titled = false;
    let gender: Gender | null = null;
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
    out.push({ name, start, end: start + name.length, titled, gender });
  }
  return out;
}
