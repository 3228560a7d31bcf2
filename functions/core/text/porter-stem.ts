/**
 * The Porter stem of a folded word, with the few places where Porter's rules split one English word
 * in two mended. Each mend is a spelling rule of English, not a list of words, and keeps the stem a
 * prefix of its word plus at most one letter (what the index's one-byte stem codes can say):
 * - a singular in "-us" loses its "s" ("surplus" → `surplu`) while its plural keeps it
 *   ("surpluses" → `surplus`): such a singular is its own stem when its "-uses" plural stems to it;
 * - a one-syllable "-y" word keeps its "y" ("sky", "try") while "skies", "tried" become `ski`,
 *   `tri`: after two or more consonants, "-ies" / "-ied" give the "y" back;
 * - after a soft "c", "-ed" / "-ing" drop an "e" Porter does not restore ("experienced" →
 *   `experienc` beside "experience" → `experi`): the word stems as its "-ce" base;
 * - Porter undoubles a final consonant before "-ed" / "-ing" ("hopped" → `hop`) except l, s and z,
 *   but English never doubles an "f" there: "staffed" is "staff", not `staf`;
 * - a final "eed" is left on a stem only before -ed / -ing are removed, so "exceed" gives `exce`
 *   and "exceeded" `exceed`: such a stem is stemmed again.
 * Found in the word-forms eval's tuning seeds, where these words' forms missed their articles.
 */
import { stemmer } from 'stemmer';

/**
 * Plurals in "-us" of nouns ending in "u" ("menus" is "menu" + s): not "-us" singulars. English has
 * few, and these are the ones news text uses.
 */
const U_PLURALS = new Set([
  'menus',
  'gurus',
  'emus',
  'gnus',
  'haikus',
  'tutus',
  'tofus',
  'snafus',
  'hindus',
  'hutus',
  'zulus',
]);

/** Two or more consonants, then "-ies" / "-ied": the plural or past of a one-syllable "-y" word. */
const SHORT_Y = /^[^aeiouy]{2,}ie[sd]$/;
/** "-ced" / "-cing": a soft "c", so the base ended in "-ce" ("placed", "experiencing"). */
const SOFT_C = /c(ed|ing)$/;
/** The suffixes Porter undoubles a consonant before. */
const INFLECTED = /(ed|ing)$/;

/**
 * @example
 * ```ts
 * porterStem('founded');   // 'found'
 * porterStem('surplus') === porterStem('surpluses'); // true
 * porterStem('skies');     // 'sky'
 * ```
 */
export function porterStem(base: string): string {
  if (SHORT_Y.test(base)) return `${base.slice(0, -3)}y`;
  if (base.endsWith('us') && !base.endsWith('ous') && !U_PLURALS.has(base) && plain(`${base}es`) === base) return base;
  const stem = SOFT_C.test(base) ? plain(`${base.replace(SOFT_C, '')}ce`) : plain(base);
  // An "-ed" / "-ing" word whose stem ends in one "f" where the word goes on with a second: Porter undoubled it.
  const undoubled = INFLECTED.test(base) && stem.endsWith('f') && !stem.endsWith('ff') && base.startsWith(`${stem}f`);
  return undoubled ? `${stem}f` : stem;
}

/** Porter's stem, a final "eed" stemmed again (see {@link porterStem}). */
function plain(word: string): string {
  const stem = stemmer(word);
  return stem.endsWith('eed') ? stemmer(stem) : stem;
}
