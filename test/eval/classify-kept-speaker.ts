/**
 * A second opinion on a speaker the extraction kept: part-of-speech patterns that mark a clause
 * fragment rather than a noun phrase that can speak. It is deliberately not the extraction's own
 * check (functions/core/quotes/check-speaker-phrase.ts): the phrase is tagged inside the frame
 * "<phrase> said." so the tagger reads it as a subject, and the rules are stated independently, so
 * the count in count-speaker-fragments.ts can catch what the extraction's rules let through.
 */
import { tagWords, type TaggedWord } from '../../functions/core/quotes/tag-words.ts';

/** Why a kept speaker looks like a clause fragment, or null when it reads as a noun phrase. */
export type FragmentClass =
  'ends-in-function-word' | 'opens-with-joiner' | 'finite-verb' | 'no-noun-head' | 'time-or-amount' | null;

const FRAME = ' said.';
const FUNCTION_TAGS = new Set(['ADP', 'DET', 'CCONJ', 'SCONJ', 'AUX', 'PART']);
const JOINER_TAGS = new Set(['ADP', 'CCONJ', 'SCONJ']);
const HEAD_TAGS = new Set(['NOUN', 'PROPN', 'PRON', 'X']);
const RELATIVE = /^(who|that|which|whose|whom)$/i;
const TIME = /^(years?|months?|weeks?|days?|hours?|minutes?|decades?|ago)$/i;
const lower = (w: TaggedWord) => w.text === w.text.toLowerCase();
const capitalised = (w: TaggedWord) => /^\p{Lu}/u.test(w.text);

/**
 * Classifies one kept speaker phrase.
 *
 * @example
 * ```ts
 * classifyKeptSpeaker('Harris attacked Biden during the debates and'); // 'ends-in-function-word'
 * classifyKeptSpeaker('an analyst at Lehman Brothers'); // null
 * ```
 */
export function classifyKeptSpeaker(phrase: string): FragmentClass {
  const words = joinWords(tagWords(phrase + FRAME).filter((w) => w.start < phrase.length));
  if (words.length === 0) return 'no-noun-head';
  const first = words[0];
  const last = words[words.length - 1];
  if (lower(first) && JOINER_TAGS.has(first.pos)) return 'opens-with-joiner';
  if (lower(last) && (FUNCTION_TAGS.has(last.pos) || RELATIVE.test(last.text)) && !/^[’']s$/.test(last.text))
    return 'ends-in-function-word';
  if (words.every((w) => w.pos === 'NUM' || TIME.test(w.text) || /^\d/.test(w.text))) return 'time-or-amount';
  if (hasFiniteVerb(words)) return 'finite-verb';
  // "Tell me", "Calling it", "Asked": a verb opening a phrase with no noun in it. One capitalised
  // word the tagger calls a verb is usually a surname ("Parry", "Ford"), unless it is a participle.
  const verbOpening = first.pos === 'VERB' && (words.length > 1 || /(ing|ed)$/.test(first.text));
  if (verbOpening && !words.some((w) => w.pos === 'NOUN' || w.pos === 'PROPN')) return 'finite-verb';
  // "the daily", "the poor": an adjective after a determiner stands for its noun.
  const nominalAdjective = (last.pos === 'ADJ' || last.pos === 'ADV') && words.at(-2)?.pos === 'DET';
  if (!nominalAdjective && !words.some((w) => HEAD_TAGS.has(w.pos) || capitalised(w))) return 'no-noun-head';
  return null;
}

// The tagger splits some words ("Erdoğan" → "Erdo" "ğan", "Oscar-nominated" → "Oscar" "-"
// "nominated"): a piece glued to the letters or the hyphen before it stays part of that word, whose
// tag is the first piece's (or X for a hyphenated compound). Punctuation is dropped.
function joinWords(tagged: TaggedWord[]): TaggedWord[] {
  const words: TaggedWord[] = [];
  for (let k = 0; k < tagged.length; k++) {
    const w = tagged[k];
    const prev = tagged[k - 1];
    const glued = prev !== undefined && prev.start + prev.text.length === w.start;
    if (glued && /^\p{L}/u.test(w.text) && /[\p{L}-]$/u.test(prev.text)) {
      // A hyphenated compound ("22-year-old", "US-based") is tagged as a whole: it can head a phrase.
      // "Twenty-two" stays a number.
      const head = words[words.length - 1];
      if (prev.text === '-' && head)
        words[words.length - 1] = { ...head, pos: head.pos === 'NUM' && w.pos === 'NUM' ? 'NUM' : 'X' };
      continue;
    }
    if (w.pos === 'PUNCT' && !(w.text === '-' && glued)) continue;
    if (w.pos !== 'PUNCT') words.push(w);
  }
  return words;
}

// A lower-case verb that is not a participle modifying a noun ("an official who asked", "the
// elected mayor", "a statement released by"): a finite verb makes the phrase a clause.
function hasFiniteVerb(words: TaggedWord[]): boolean {
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    if (RELATIVE.test(w.text)) return false;
    if (!lower(w) || (w.pos !== 'VERB' && w.pos !== 'AUX')) continue;
    const prev = words[k - 1];
    if (/(ing|ed|en)$/.test(w.text) && (!prev || ['DET', 'ADJ', 'NUM', 'ADV', 'PART'].includes(prev.pos))) continue;
    if (/(ing|ed|en)$/.test(w.text) && words[k + 1]?.text === 'by') continue;
    return true;
  }
  return false;
}
