import { CALENDAR_WORD } from './calendar-words.ts';
import { tagWords, type TaggedWord } from './tag-words.ts';

/**
 * Why a phrase read as a speaker was refused: it runs into another clause (a finite verb, a
 * trailing conjunction or preposition), or it is an adverbial ("despite a series of stories").
 */
export type SpeakerPhraseVerdict =
  { ok: true; start: number; end: number } | { ok: false; reason: 'verb' | 'open-end' | 'adverbial' | 'no-head' };

// Edge words that join clauses: stripped at the start ("But he" → "he"), fatal at the end.
const JOINERS = new Set(['CCONJ', 'SCONJ']);
// A phrase must end on a word that can name someone ("the daily" is tagged ADJ).
const HEADS = new Set(['NOUN', 'PROPN', 'PRON', 'NUM', 'ADJ', 'X', 'SYM']);
const RELATIVES = /^(who|that|which|whose)$/i;
// Closing punctuation and party tags that may end a phrase: "Rep. Jo Mica (R-Fla.)", "Sen.".
const CLOSERS = /^[.)’'"]$/;

const lower = (w: TaggedWord) => w.text === w.text.toLowerCase();
const capitalised = (s: string) => /^\p{Lu}/u.test(s);
// Words that a plain capitalised name may not start with, so the fast path stays exact.
const OPENERS =
  /^(and|but|or|nor|so|yet|then|in|on|at|by|for|from|with|despite|during|after|before|since|as|if|when|while|because|all|more|less|fewer)$/i;

// Words a phrase may not end on; the reader ran past the noun ("… Goldberg of the", "Her campaign
// quickly"), so they are cut back. A conjunction at the end is different: the phrase has crossed
// into the next clause ("weapons during the night’s attack and noted"), and is refused.
const TRAILERS = new Set(['ADP', 'DET', 'AUX', 'ADV', 'PUNCT']);

/**
 * Decides whether a speaker phrase names something that can speak — a person, an organisation,
 * a group or a role — and where it really starts and ends. Conjunctions at the start are not part
 * of it; a finite verb ends it ("Sanders issued a statement" → "Sanders"), and so do trailing
 * function words; a phrase that opens with a preposition or ends in a conjunction is a fragment
 * of a clause, and is refused. Names written in capitals pass without tagging.
 *
 * @example
 * ```ts
 * checkSpeakerPhrase('But he'); // { ok: true, start: 4, end: 6 }
 * checkSpeakerPhrase('weapons during the night’s attack and'); // { ok: false, reason: 'open-end' }
 * ```
 */
export function checkSpeakerPhrase(phrase: string): SpeakerPhraseVerdict {
  const words = phrase.split(/\s+/).filter(Boolean);
  // "Priebus later Thursday told …": a day alone names no one; the fast path below would pass it.
  if (words.length > 0 && words.every((w) => DAY.test(w))) return { ok: false, reason: 'no-head' };
  const fastPath = words.length > 0 && !OPENERS.test(words[0]) && !VERB_OPENERS.test(words[0]);
  if (fastPath && words.every((w) => (capitalised(w) || /^[(&]/.test(w)) && !CONTRACTION.test(w))) {
    return { ok: true, start: 0, end: phrase.length };
  }
  // A closing party tag, "Gov. Mike Pence (R-IN)", is kept but not tagged ("IN" is no preposition).
  const tag = /\s*\([^()]*\)\s*$/.exec(phrase);
  const body = tag ? phrase.slice(0, tag.index) : phrase;
  const tagged = tagWords(body);
  let s = 0;
  while (s < tagged.length && (JOINERS.has(tagged[s].pos) || tagged[s].pos === 'PUNCT')) s++;
  if (s >= tagged.length) return { ok: false, reason: 'no-head' };
  if (tagged[s].pos === 'ADP') return { ok: false, reason: 'adverbial' };
  if (opensWithVerb(tagged, s)) return { ok: false, reason: 'verb' };
  const verb = firstFiniteVerb(tagged, s);
  if (verb === s) return { ok: false, reason: 'verb' };
  let e = verb < 0 ? tagged.length - 1 : verb - 1;
  if (verb < 0 && JOINERS.has(tagged[e].pos)) return { ok: false, reason: 'open-end' };
  while (
    e > s &&
    (TRAILERS.has(tagged[e].pos) || JOINERS.has(tagged[e].pos) || isRelative(tagged[e]) || isLowerParticle(tagged[e]))
  ) {
    if (tagged[e].pos === 'PUNCT' && CLOSERS.test(tagged[e].text) && e === tagged.length - 1) break;
    e--;
  }
  let last = e;
  while (last > s && tagged[last].pos === 'PUNCT') last--;
  const head = tagged[last];
  // After a relative pronoun the head is the noun before it ("an official who asked not to be named").
  const relative = tagged.slice(s, e + 1).some(isRelative);
  if (!relative && !HEADS.has(head.pos) && !capitalised(head.text)) return { ok: false, reason: 'no-head' };
  const kept = tagged.slice(s, last + 1);
  if (isTimeOrAmount(kept)) return { ok: false, reason: 'no-head' };
  // A lone lower-case adjective ("key", "similar") is the rest of a clause; "the daily" has its determiner.
  if (kept.length === 1 && head.pos === 'ADJ' && lower(head)) return { ok: false, reason: 'no-head' };
  const whole = verb < 0 && e === tagged.length - 1;
  const end = whole ? (tag ? phrase.trimEnd().length : body.trimEnd().length) : tagged[e].start + tagged[e].text.length;
  return { ok: true, start: tagged[s].start, end };
}

// A date, a number or a span of time cannot speak ("2015", "Twenty-two years", "9", "Thursday",
// "later Thursday"), nor can a bare quantifier ("All this has led …", "More than 100,000 people …")
// or the "there" of "There have been calls …".
const TIME_WORDS = /^(years?|months?|weeks?|days?|hours?|minutes?|decades?|centuries|century|ago|later|earlier)$/i;
const QUANTIFIERS = /^(all|more|less|fewer|there|here)$/i;
const DAY = /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)[’']?s?$/;
const isDay = (w: TaggedWord) => CALENDAR_WORD.test(w.text) && w.text !== 'May';
function isTimeOrAmount(words: TaggedWord[]): boolean {
  if (words.length === 1 && QUANTIFIERS.test(words[0].text)) return true;
  return words.every(
    (w) => w.pos === 'NUM' || w.pos === 'PUNCT' || TIME_WORDS.test(w.text) || /^\d/.test(w.text) || isDay(w),
  );
}

// A sentence that opens with a participle or an imperative ("According to …", "Calling it …",
// "Asked about …", "Tell us …") has no speaker in front of the quote; a capitalised -ing word is
// tagged before it may pass as a name. Contractions ("I've", "I'd") are a pronoun and a verb.
const VERB_OPENERS = /^(\p{Lu}\p{Ll}+ing|\p{Lu}\p{Ll}{2,}ed|According|Tell)$/u;
const CONTRACTION = /[’'](ve|d|ll|re|m)$/i;
function opensWithVerb(tagged: TaggedWord[], s: number): boolean {
  const noun = tagged.slice(s).some((w) => w.pos === 'NOUN' || w.pos === 'PROPN');
  const w = tagged[s];
  if (tagged.length - s === 1) return LONE_PARTICIPLES.test(w.text) || (w.pos === 'VERB' && /ed$/.test(w.text));
  return w.pos === 'VERB' && (!noun || /(ing|ed)$/.test(w.text));
}
// Alone, a capitalised -ing word is more often a surname ("Manning") than an opening participle;
// a capitalised -ed word the tagger reads as a verb ("Referred", "Included") is not.
const LONE_PARTICIPLES =
  /^(According|Adding|Asking|Calling|Citing|Commenting|Depending|Describing|Encouraging|Explaining|Noting|Referring|Responding|Saying|Speaking|Writing)$/;

const isRelative = (w: TaggedWord) => w.pos === 'PRON' && RELATIVES.test(w.text);
const isLowerParticle = (w: TaggedWord) => w.pos === 'PART' && lower(w) && !/^[’']s$/.test(w.text);

/**
 * The first lower-case verb that makes the phrase a clause, or -1. Verbs after a relative pronoun
 * belong to the description ("an official who asked not to be named"); so do participles before
 * their agent ("a statement released by the campaign") and after a determiner or adjective ("the
 * party’s presumed nominee"), and words inside a hyphenated compound ("Tony-winning").
 */
function firstFiniteVerb(tagged: TaggedWord[], s: number): number {
  for (let k = s; k < tagged.length; k++) {
    const w = tagged[k];
    if (isRelative(w)) return -1;
    const prev = tagged[k - 1];
    if (prev?.text === '-' && prev.start + 1 === w.start) continue;
    // wink tags some past tenses after a name as adjectives ("Cruz belittled the issue").
    const pastAfterName =
      w.pos === 'ADJ' && lower(w) && /ed$/.test(w.text) && prev?.pos === 'PROPN' && tagged[k + 1]?.pos === 'DET';
    if (!pastAfterName && (!lower(w) || (w.pos !== 'VERB' && w.pos !== 'AUX'))) continue;
    if (
      k > s &&
      /(ed|en|ing)$/.test(w.text) &&
      (tagged[k + 1]?.text === 'by' || ['DET', 'ADJ', 'PART', 'NUM'].includes(prev.pos))
    )
      continue;
    return k;
  }
  return -1;
}
