/**
 * How the quote finder compares words. Two levels: the *form* (folded: lower case, no accents,
 * one apostrophe) says whether a word was copied exactly; the *key* (a lemma or Porter stem of the
 * form) says whether it is the same word in another form — "said" and "says", "protest" and
 * "protests" share a key, so a misremembered word form still aligns.
 */
import { porterStem } from './porter-stem.ts';
import { foldTerm } from './tokenize.ts';

/** Irregular forms a stemmer cannot join, mostly the verbs quotes are reported and remembered with. */
const LEMMAS: Record<string, string> = {};
/** Every form of each lemma above, the lemma included: the search index finds irregular forms by it. */
const FORMS: Record<string, string[]> = {};
for (const [lemma, forms] of Object.entries({
  be: 'am is are was were been being',
  have: 'has had having',
  do: 'does did done doing',
  say: 'says said saying',
  tell: 'tells told telling',
  go: 'goes went gone going',
  make: 'makes made making',
  take: 'takes took taken taking',
  give: 'gives gave given giving',
  come: 'comes came coming',
  see: 'sees saw seen seeing',
  know: 'knows knew known knowing',
  think: 'thinks thought thinking',
  get: 'gets got gotten getting',
  find: 'finds found finding',
  feel: 'feels felt feeling',
  leave: 'leaves left leaving',
  keep: 'keeps kept keeping',
  bring: 'brings brought bringing',
  begin: 'begins began begun beginning',
  write: 'writes wrote written writing',
  win: 'wins won winning',
  lose: 'loses lost losing',
  pay: 'pays paid paying',
  build: 'builds built building',
  rebuild: 'rebuilds rebuilt rebuilding',
  // Porter stems "lying" to "ly" but "lied" and "lies" to "li", and "lie" to "lie".
  lie: 'lies lied lying',
  die: 'dies died dying',
  tie: 'ties tied tying',
  will: 'would',
  can: 'could',
  shall: 'should',
  may: 'might',
  man: 'men',
  woman: 'women',
  child: 'children',
  person: 'people',
})) {
  for (const form of forms.split(' ')) LEMMAS[form] = lemma;
  LEMMAS[lemma] = lemma;
  FORMS[lemma] = [lemma, ...forms.split(' ')];
}

/** Function words: they align, but weigh less when ranking, and are not sent to the index. */
export const STOPWORDS = new Set(
  (
    'a an the and or but if of to in on at by for with from as into about than then that this these those ' +
    "it its it's i me my we us our you your he him his she her they them their there here who whom whose which what " +
    'when where why how not no nor so too very just also only all any some such more most other own same ' +
    'be am is are was were been being have has had do does did will would can could shall should may might must ' +
    'up out over under again once said says say told'
  ).split(' '),
);

/**
 * The folded form of a word: what "copied exactly, up to case and accents" compares.
 *
 * @example
 * ```ts
 * wordForm('Don’t'); // "don't"
 * ```
 */
export function wordForm(word: string): string {
  return foldTerm(word).replace(/’/g, "'");
}

/**
 * The comparison key of a folded form: a lemma for irregular words, otherwise its Porter stem
 * (possessive "'s" dropped first).
 *
 * @example
 * ```ts
 * wordKey('said') === wordKey('says'); // true
 * wordKey('protesters');               // 'protest'
 * ```
 */
export function wordKey(form: string): string {
  const base = form.endsWith("'s") ? form.slice(0, -2) : form;
  const lemma = LEMMAS[base];
  if (lemma) return lemma;
  // Not the lemma of the stem: "founding" stems to "found", which is no form of "find" there.
  return porterStem(base);
}

/** How much a word counts when ranking: function words less than content words. */
export function keyWeight(form: string): number {
  return STOPWORDS.has(form) ? 0.35 : 1;
}

/**
 * The irregular forms of a key that is a lemma (`lemmaForms('go')`: go, goes, went, gone, going),
 * or none: forms a stemmer cannot join, so the search index looks them up by name.
 *
 * @example
 * ```ts
 * lemmaForms(wordKey('said')); // ['say', 'says', 'said', 'saying']
 * ```
 */
export function lemmaForms(key: string): readonly string[] {
  return Object.hasOwn(FORMS, key) ? FORMS[key] : [];
}
