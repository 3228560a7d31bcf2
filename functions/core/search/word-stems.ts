/**
 * Word forms in the index: each key carries a one-byte **stem code** saying how to turn its word
 * into the stem the quote finder compares words by (`wordKey`: a Porter stem, or a lemma for the
 * irregular verbs and plurals) — "embassies" and "embassy" both give `embassi`. A query word finds
 * its other forms by stemming itself once and scanning the few vocabulary keys that share the
 * stem's first letters, decoding each key's stem from its byte: no stemming of the vocabulary at
 * query time, and one byte per key on disk instead of a second vocabulary of stems.
 *
 * Why a code works: a Porter stem keeps a prefix of its word and at most changes or adds its last
 * letter (y→i, a restored e), so `stem = word minus its last d letters, plus one of a few letters`.
 * Irregular forms ("went" → "go") cannot be written so; they get {@link NO_STEM} and are found
 * through the lemma table instead, which lists every form of each irregular word.
 */
import { porterStem } from '../text/porter-stem.ts';
import { lemmaForms, wordKey } from '../text/word-keys.ts';

/** The letters a stem may add after the kept prefix of its word; index = code >> 4. */
const ADDED = ['', 'i', 'e', 'l', 'y'] as const;
/** A word whose stem is not its prefix plus one of {@link ADDED} (an irregular form, found by lemma). */
export const NO_STEM = 0xff;
/** At most this many letters dropped from the end of a word (4 bits of the code). */
const MAX_DROPPED = 15;

/**
 * The stem code of a folded word.
 *
 * @example
 * ```ts
 * stemOf('embassies', stemCode('embassies')); // 'embassi'
 * ```
 */
export function stemCode(word: string): number {
  const stem = wordKey(word);
  let kept = 0;
  while (kept < stem.length && kept < word.length && stem[kept] === word[kept]) kept++;
  const added = ADDED.indexOf(stem.slice(kept) as (typeof ADDED)[number]);
  const dropped = word.length - kept;
  return added < 0 || dropped > MAX_DROPPED ? NO_STEM : (added << 4) | dropped;
}

/** The stem a code gives for `word`, or null for {@link NO_STEM}. */
export function stemOf(word: string, code: number): string | null {
  if (code === NO_STEM) return null;
  return word.slice(0, word.length - (code & 0x0f)) + ADDED[code >> 4];
}

/**
 * Whether the word at `text[start, start + length)` has stem `stem` by its code: {@link stemOf}
 * without building either string, for the query-time scan over a segment's vocabulary, where
 * allocating two strings per key was most of what a keyword query cost.
 *
 * @example
 * ```ts
 * hasStem('embassies', 0, 9, stemCode('embassies'), 'embassi'); // true
 * ```
 */
export function hasStem(text: string, start: number, length: number, code: number, stem: string): boolean {
  if (code === NO_STEM) return false;
  const kept = length - (code & 0x0f);
  const added = ADDED[code >> 4];
  if (kept < 0 || kept + added.length !== stem.length) return false;
  for (let i = 0; i < kept; i++) if (text.charCodeAt(start + i) !== stem.charCodeAt(i)) return false;
  for (let i = 0; i < added.length; i++) if (added.charCodeAt(i) !== stem.charCodeAt(kept + i)) return false;
  return true;
}

/** The stem codes of many words, stemming each distinct word once. */
export function stemCodes(words: string[]): Uint8Array {
  const seen = new Map<string, number>();
  const codes = new Uint8Array(words.length);
  words.forEach((word, i) => {
    let code = seen.get(word);
    if (code === undefined) seen.set(word, (code = stemCode(word)));
    codes[i] = code;
  });
  return codes;
}

/** What a query word's forms have in common, computed once per query word. */
export interface WordForms {
  /** The folded query word. */
  word: string;
  /** Its stem: the forms are the words with this stem. */
  stem: string;
  /**
   * Every regular form of the word starts with this: the stem, less its last letter when that is
   * one a stem may add (a form of `embassi` may be "embassy").
   */
  prefix: string;
  /** The irregular forms of the word (from the lemma table), the word itself excluded. */
  irregular: string[];
  /**
   * For an irregular form that is also a regular word of its own ("found": founded, founder), that
   * word's Porter stem and prefix: its regular forms are forms too, as a Porter index has them.
   */
  regular?: { stem: string; prefix: string };
}

/** The stem less its last letter when that is one a stem may add (a form of `embassi` may be "embassy"). */
function prefixOf(stem: string): string {
  return stem.length > 1 && ADDED.includes(stem.at(-1) as (typeof ADDED)[number]) ? stem.slice(0, -1) : stem;
}

/**
 * @example
 * ```ts
 * formsOf('went'); // { word: 'went', stem: 'go', prefix: 'go', irregular: ['go', 'goes', 'gone', 'going'] }
 * ```
 */
export function formsOf(word: string): WordForms {
  const stem = wordKey(word);
  const irregular = lemmaForms(stem).filter((form) => form !== word);
  const own = irregular.length > 0 ? porterStem(word) : stem;
  return {
    word,
    stem,
    prefix: prefixOf(stem),
    irregular,
    ...(own !== stem && own.length > 1 ? { regular: { stem: own, prefix: prefixOf(own) } } : {}),
  };
}

/**
 * Whether a folded text word is a form of the query word (the word itself included): what
 * highlights mark. Stems only words that could be forms, so a document costs a few stems, not one
 * per word.
 *
 * @example
 * ```ts
 * isFormOf('Embassy'.toLowerCase(), formsOf('embassies')); // true
 * ```
 */
export function isFormOf(textWord: string, forms: WordForms): boolean {
  if (textWord === forms.word) return true;
  if (forms.irregular.includes(textWord)) return true;
  const { regular } = forms;
  if (regular && textWord.startsWith(regular.prefix) && wordKey(textWord) === regular.stem) return true;
  return textWord.startsWith(forms.prefix) && wordKey(textWord) === forms.stem;
}
