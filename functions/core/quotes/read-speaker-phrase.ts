import { isReportingVerb } from './reporting-verbs.ts';
import { isTitleAbbreviation } from './person-titles.ts';
import { pronounInfo } from './pronouns.ts';
import type { WordToken as Token } from '../text/tokenize.ts';

/** Text of a token that stands for another quotation inside the window (so it is not read as words). */
export const QUOTE_PLACEHOLDER = '\u0000Q';

// Words that end a noun phrase: a new clause, a verb of being, or a preposition that starts an
// adverbial ("on Tuesday", "in a statement"). "of", "for" and "at" stay inside ("a spokesman for X").
const STOP = new Set(
  `that which who whom whose and but or nor as when while because if after before since so than
where though although until unless whether is was are were be been being am not to on in during from by with into
about over under like via through without amid against toward towards upon across between later then also has had
have having would will could should can may might must do does did said says told tells`.split(/\s+/),
);

// Between a subject and its verb: auxiliaries and adverbs ("Potter has also said").
const BETWEEN = new Set(
  `also later then has had have once previously recently again further simply just would will
never only first repeatedly often even already still earlier reportedly allegedly did does do can could may might
must should shall apparently quickly flatly angrily subsequently once went on is was are were been be being`.split(
    /\s+/,
  ),
);
// Lower-case words ending in -ly that are nouns, not adverbs.
const LY_NOUNS = new Set([
  'family',
  'assembly',
  'rally',
  'ally',
  'daily',
  'weekly',
  'monthly',
  'supply',
  'bully',
  'italy',
  'july',
]);

// Modal verbs that are also names: "Theresa May", "Mrs May", "Will Doyle". Capitalised beside
// another capitalised word, they are part of the name, not the verb that ends the phrase.
const NAME_MODALS = new Set(['may', 'will']);
const isCapitalisedWord = (t: Token | undefined) => t !== undefined && t.word && /^\p{Lu}/u.test(t.text);

const DETERMINERS = new Set(
  `the a an this that these those his her its their our my your one another some several
many two three four five six both each every most few other`.split(/\s+/),
);

/**
 * Whether a token may sit between a subject and its reporting verb ("also", "has", "later",
 * "reportedly"…).
 *
 * @example
 * ```ts
 * isBetweenWord({ text: 'also', start: 0, end: 4, word: true }); // true
 * ```
 */
export function isBetweenWord(t: Token): boolean {
  if (!t.word) return false;
  const w = t.text.toLowerCase();
  // "Theresa May said": a capitalised modal is a name, not an auxiliary.
  if (NAME_MODALS.has(w) && t.text !== w) return false;
  if (BETWEEN.has(w)) return true;
  return w === t.text && w.endsWith('ly') && !LY_NOUNS.has(w);
}

// A month cut short before its day: "the Nov. 8 election", "A Feb. 1 letter".
const MONTH_ABBREVIATION = /^(Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)$/;

function isAbbrevDot(tokens: Token[], k: number): boolean {
  // A dot that belongs to "Sen." or an initial "W." rather than ending anything.
  const prev = tokens[k - 1];
  if (!prev || !prev.word || prev.end !== tokens[k].start) return false;
  if (MONTH_ABBREVIATION.test(prev.text)) return /^\d{1,2}(st|nd|rd|th)?$/.test(tokens[k + 1]?.text ?? '');
  return isTitleAbbreviation(prev.text) || /^\p{Lu}$/u.test(prev.text) || /^(jr|sr|st|inc|co|corp)$/i.test(prev.text);
}

// A slash joining two numbers is one word, the "9/11" of "9/11 widow Terry Strada".
function isNumberSlash(tokens: Token[], k: number): boolean {
  const [prev, next] = [tokens[k - 1], tokens[k + 1]];
  const digits = (t: Token | undefined) => t !== undefined && /^\d+$/.test(t.text);
  return digits(prev) && digits(next) && prev.end === tokens[k].start && tokens[k].end === next.start;
}

function inPhrase(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (t.text === QUOTE_PLACEHOLDER) return false;
  if (!t.word) {
    if (t.text === '.') return isAbbrevDot(tokens, k);
    if (t.text === '/') return isNumberSlash(tokens, k);
    return t.text === '’' || t.text === "'" || t.text === '&';
  }
  const w = t.text.toLowerCase();
  if (NAME_MODALS.has(w) && t.text !== w && (isCapitalisedWord(tokens[k - 1]) || isCapitalisedWord(tokens[k + 1])))
    return true;
  if (STOP.has(w)) return false;
  // A lower-case reporting verb belongs to another clause; capitalised "Says" is not a concern.
  return !(t.text === w && isReportingVerb(w));
}

/**
 * A speaker phrase is at most this many tokens: "a spokesman for the ministry of foreign affairs"
 * fits, and a longer run is a clause, not a noun phrase that can speak.
 */
export const MAX_PHRASE_TOKENS = 9;
/**
 * A phrase read where only a name is expected (a signature after a dash, an inverted "said Potter",
 * the subject opening a sentence) is at most this many tokens: names are short, and a longer cap
 * there swallowed the narration after them.
 */
export const MAX_NAME_PHRASE_TOKENS = 6;

/**
 * Reads a speaker phrase forwards from token `i` ("Alex Potter, an analyst" → "Alex Potter";
 * "a spokesman for the ministry"). Returns the inclusive token range, or null.
 *
 * @example
 * ```ts
 * // tokens of 'Alex Potter, an analyst'
 * readPhraseForward(tokens, 0); // [0, 1]
 * ```
 */
export function readPhraseForward(tokens: Token[], i: number, maxTokens = MAX_PHRASE_TOKENS): [number, number] | null {
  if (i >= tokens.length || !tokens[i].word) return null;
  const p = pronounInfo(tokens[i].text);
  if (p && !p.relative && !isPossessiveBefore(tokens, i)) return [i, i];
  if (p?.relative) return null;
  let k = i;
  while (k < tokens.length && k - i < maxTokens) {
    // A parenthetical party tag, "Rep. Jo Mica (R-Fla.)", stays inside the phrase.
    if (tokens[k].text === '(' && k > i) {
      const close = closingParen(tokens, k);
      if (close < 0) break;
      k = close + 1;
      continue;
    }
    if (!inPhrase(tokens, k)) break;
    k++;
  }
  return trimPhrase(tokens, i, k - 1);
}

/**
 * Reads a speaker phrase backwards from token `e` (the word just before the verb):
 * "… said former President Bill Clinton said" → the range of "former President Bill Clinton".
 *
 * @example
 * ```ts
 * // tokens of 'On Sunday, the ministry'
 * readPhraseBackward(tokens, 4); // [3, 4]
 * ```
 */
export function readPhraseBackward(
  tokens: Token[],
  e: number,
  lo = 0,
  maxTokens = MAX_PHRASE_TOKENS,
): [number, number] | null {
  if (e < lo || (!tokens[e].word && tokens[e].text !== ')')) return null;
  if (pronounInfo(tokens[e].text)) return [e, e];
  if (tokens[e].text === ')') {
    const open = openingParen(tokens, e, lo);
    if (open < 1) return null;
    const r = readPhraseBackward(tokens, open - 1, lo, maxTokens);
    return r ? [r[0], e] : null;
  }
  let k = e;
  while (k >= lo && e - k < maxTokens && inPhrase(tokens, k)) {
    // A pronoun ends the phrase going backwards unless it is a possessive determiner ("his aide").
    const p = pronounInfo(tokens[k].text);
    if (p && k !== e && !DETERMINERS.has(tokens[k].text.toLowerCase())) break;
    k--;
  }
  return trimPhrase(tokens, k + 1, e);
}

// "his aide", "her senior adviser": a possessive pronoun opening a longer phrase.
function isPossessiveBefore(tokens: Token[], i: number): boolean {
  const w = tokens[i].text.toLowerCase();
  if (!/^(his|her|their|its|our|my|your)$/.test(w)) return false;
  const next = tokens[i + 1];
  if (!next || !next.word) return false;
  if (w !== 'her') return true;
  const n = next.text.toLowerCase();
  return !STOP.has(n) && !isReportingVerb(n);
}

function closingParen(tokens: Token[], k: number): number {
  for (let j = k + 1; j < tokens.length && j - k < 10; j++) if (tokens[j].text === ')') return j;
  return -1;
}

function openingParen(tokens: Token[], k: number, lo: number): number {
  for (let j = k - 1; j >= lo && k - j < 10; j--) if (tokens[j].text === '(') return j;
  return -1;
}

function trimPhrase(tokens: Token[], s: number, e: number): [number, number] | null {
  // Prepositions and punctuation cannot start or end a speaker phrase.
  const edge = (t: Token) => !t.word || /^(of|for|at)$/i.test(t.text);
  while (s <= e && edge(tokens[s])) s++;
  while (e >= s && edge(tokens[e]) && !(tokens[e].text === '.' && isAbbrevDot(tokens, e)) && tokens[e].text !== ')')
    e--;
  if (s > e) return null;
  // A phrase made only of determiners or adverbs names no one.
  let content = false;
  for (let k = s; k <= e; k++) {
    const w = tokens[k].text.toLowerCase();
    if (tokens[k].word && !DETERMINERS.has(w) && !isBetweenWord(tokens[k])) content = true;
  }
  return content ? [s, e] : null;
}

/**
 * Whether a word is a determiner that opens a descriptive phrase ("the", "a", "his").
 *
 * @example
 * ```ts
 * isDeterminer('The'); // true
 * ```
 */
export function isDeterminer(word: string): boolean {
  return DETERMINERS.has(word.toLowerCase());
}

/**
 * Words after which a description goes on to say whose or which it is ("an aide to Potter",
 * "a complaint filed by the agency", "a donor familiar with the plan").
 */
export const DESCRIPTION_LINKS: ReadonlySet<string> = new Set([
  'to',
  'with',
  'by',
  'in',
  'from',
  'on',
  'familiar',
  'filed',
  'released',
  'known',
  'published',
  'close',
  'who',
  'that',
]);
const MAX_EXTENSION = 12;

/**
 * Extends a descriptive speaker phrase read forwards ("the former aide") over the words that
 * identify it ("… to Governor Ana Ruiz"), up to the comma or full stop that ends it. Names are
 * left alone: "Alex Potter" needs no qualifier, and one after a name is an adverbial ("Potter
 * in Lune"). Returns the range unchanged when the phrase does not end cleanly.
 *
 * @example
 * ```ts
 * // tokens of 'said the former aide to Governor Ana Ruiz.'
 * extendDescription(tokens, [1, 3]); // [1, 7]
 * ```
 */
export function extendDescription(tokens: Token[], r: [number, number]): [number, number] {
  const first = tokens[r[0]].text;
  if (!DETERMINERS.has(first) || first !== first.toLowerCase()) return r;
  const next = tokens[r[1] + 1];
  if (!next || !DESCRIPTION_LINKS.has(next.text)) return r;
  for (let k = r[1] + 2; k < tokens.length && k - r[1] <= MAX_EXTENSION; k++) {
    const t = tokens[k];
    if (t.text === ',' || (t.text === '.' && !isAbbrevDot(tokens, k)) || t.text === ';')
      return k - 1 > r[1] + 1 ? [r[0], k - 1] : r;
    // Another clause's verb: the description has turned into a sentence.
    if (t.word && t.text === t.text.toLowerCase() && isReportingVerb(t.text)) return r;
  }
  return r;
}
