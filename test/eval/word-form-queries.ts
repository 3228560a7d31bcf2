/**
 * Known-item queries with the words' forms changed: what a researcher types when they remember an
 * article's subject but not its wording ("embassies protesting" for an article about an embassy's
 * protest). Built at run time from the corpus with a seeded PRNG, so no corpus text is committed
 * and every run asks the same queries.
 *
 * Recipe (seed {@link FORM_QUERY_SEED}): pick an article uniformly; its distinctive words are its
 * words of 5+ letters (not stop words) that the fewest articles have; of its 20 most distinctive,
 * keep those it writes in lower case (common words, not names) with another form — made by English
 * inflection rules (singular ↔ plural, -s / -ed / -ing, -ion ↔ the verb), never by a stemmer — that
 * some other article writes in lower case (so it is a real word) and this article lacks (so only a
 * word-form match can find it). Use 2 or 3 of them, each in that other form.
 */
import { seededRandom, type CorpusArticle } from '../bench/bench-queries.ts';

/** Change it and every figure changes meaning, so don't. */
export const FORM_QUERY_SEED = 0x0f0e_2026;

/** A query, the article it was made from, and the words it changed. */
export interface FormQuery {
  q: string;
  source: number;
  changed: Array<[from: string, to: string]>;
}

const STOP = new Set(
  'about above after again against before being below between could during every other their there these those through under until where which while would should people years first later since still today'.split(
    ' ',
  ),
);
const WORD = /[\p{L}]+/gu;
const wordsOf = (article: CorpusArticle) =>
  new Set([...`${article.title} ${article.text}`.toLowerCase().matchAll(WORD)].map((m) => m[0]));
/** Words the article writes in lower case somewhere: common words, not only names. */
const lowerCaseWordsOf = (article: CorpusArticle) =>
  new Set([...article.text.matchAll(WORD)].map((m) => m[0]).filter((w) => w === w.toLowerCase()));

/** One syllable ending consonant-vowel-consonant: "tap", "plan" double it before -ed / -ing. */
const SHORT_CVC = /^[^aeiou]*[aeiou][bdgmnprt]$/;

/** The regular forms of a base word: plural or third person, past, present participle. */
function formsOfBase(base: string): string[] {
  if (/[^aeiou]y$/.test(base)) return [`${base.slice(0, -1)}ies`, `${base.slice(0, -1)}ied`, `${base}ing`];
  if (base.endsWith('e')) return [`${base}s`, `${base}d`, `${base.slice(0, -1)}ing`];
  if (/(s|x|z|ch|sh)$/.test(base)) return [`${base}es`, `${base}ed`, `${base}ing`];
  if (SHORT_CVC.test(base)) return [`${base}s`, `${base}${base.at(-1)}ed`, `${base}${base.at(-1)}ing`];
  return [`${base}s`, `${base}ed`, `${base}ing`];
}

/** The base a suffix was added to: undoubled ("hopping" → hop), e restored where that is a word ("raging" → rage). */
function baseBefore(rest: string, isWord: (w: string) => boolean): string {
  if (/([bdgmnprt])\1$/.test(rest)) return rest.slice(0, -1);
  return isWord(`${rest}e`) ? `${rest}e` : rest;
}

/**
 * Other forms of an English word by inflection rules — singular and plural, verb tenses, and the
 * -ion ↔ -ing derivations — from its base, which must be a word (`isWord`). Some results are not
 * words; the caller keeps those the corpus has.
 *
 * @example
 * ```ts
 * inflections('embassy', isWord); // ['embassies', 'embassied', 'embassying'] — the corpus keeps 'embassies'
 * ```
 */
export function inflections(word: string, isWord: (w: string) => boolean): string[] {
  const bases = new Set<string>([word]);
  if (word.endsWith('ies')) bases.add(`${word.slice(0, -3)}y`);
  else if (/(s|x|z|ch|sh)es$/.test(word)) bases.add(isWord(word.slice(0, -1)) ? word.slice(0, -1) : word.slice(0, -2));
  else if (word.endsWith('s') && !word.endsWith('ss')) bases.add(word.slice(0, -1));
  if (word.endsWith('ied')) bases.add(`${word.slice(0, -3)}y`);
  else if (word.endsWith('ed')) bases.add(baseBefore(word.slice(0, -2), isWord));
  if (word.endsWith('ing')) bases.add(baseBefore(word.slice(0, -3), isWord));
  // Derivations: "protection" ↔ "protect", "creation" ↔ "create".
  if (word.endsWith('ation') && word.length >= 9) bases.add(`${word.slice(0, -5)}ate`);
  else if (/[^aeiou]tion$/.test(word) && word.length >= 8) bases.add(word.slice(0, -3));
  const out = new Set<string>();
  for (const base of bases) {
    if (base !== word && !isWord(base)) continue;
    if (base !== word) out.add(base);
    for (const form of formsOfBase(base)) out.add(form);
    // Short bases are mostly not verbs of these derivations ("state" → "station", "fact" → "faction").
    if (base.endsWith('ate') && base.length >= 6) out.add(`${base.slice(0, -1)}ion`);
    else if (/[^aeiou]t$/.test(base) && base.length >= 5) out.add(`${base}ion`);
  }
  out.delete(word);
  return [...out];
}

/**
 * @example
 * ```ts
 * const queries = buildFormQueries(articles, 400); // the same 400 every run
 * ```
 */
export function buildFormQueries(articles: CorpusArticle[], count: number, seed = FORM_QUERY_SEED): FormQuery[] {
  const random = seededRandom(seed);
  const vocabularies = articles.map(wordsOf);
  const frequency = new Map<string, number>();
  for (const words of vocabularies) for (const w of words) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  // A real word: one some article writes in lower case (so not only a name's capitalised form).
  const lower = new Set(articles.flatMap((a) => [...lowerCaseWordsOf(a)]));
  const isWord = (w: string) => lower.has(w);
  const queries: FormQuery[] = [];
  const seen = new Set<string>();
  // Bounded: a corpus where few articles qualify yields fewer queries instead of hanging.
  for (let attempt = 0; queries.length < count && attempt < count * 50; attempt++) {
    const source = Math.floor(random() * articles.length);
    const own = vocabularies[source];
    const common = lowerCaseWordsOf(articles[source]);
    const distinctive = [...own]
      .filter((w) => w.length >= 5 && !STOP.has(w) && common.has(w))
      .sort((a, b) => frequency.get(a)! - frequency.get(b)! || (a < b ? -1 : 1))
      .slice(0, 20);
    const changeable = distinctive.flatMap((w) => {
      const forms = inflections(w, isWord).filter((f) => !own.has(f) && isWord(f));
      return forms.length > 0 ? [[w, forms[Math.floor(random() * forms.length)]] as [string, string]] : [];
    });
    const k = 2 + Math.floor(random() * 2);
    if (changeable.length < k) continue;
    const changed: Array<[string, string]> = [];
    while (changed.length < k) {
      const pick = changeable.splice(Math.floor(random() * changeable.length), 1)[0];
      changed.push(pick);
    }
    const q = changed.map(([, to]) => to).join(' ');
    if (seen.has(q)) continue;
    seen.add(q);
    queries.push({ q, source, changed });
  }
  return queries;
}
