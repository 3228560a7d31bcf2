import type { WordToken as Token } from '../text/tokenize.ts';
import { phrase } from './narrative-tokens.ts';
import { pronounInfo } from './pronouns.ts';
import { readPhraseBackward } from './read-speaker-phrase.ts';

// Nouns for something said, whose possessor is the one who said it: "Trump’s claim that “…”",
// "the senator’s answer was that “…”", "Rubio’s catch phrase was that …".
const SPEECH_NOUN =
  /^(claims?|remarks?|comments?|statements?|assertions?|words|answers?|responses?|replies|reply|descriptions?|promises?|pledges?|warnings?|arguments?|accusations?|suggestions?|boasts?|insistence|contention|declarations?|predictions?|slogans?|mantra|phrase|complaints?|retorts?|quips?|vows?|denials?|admission|charges?)$/;
/**
 * The quote the noun introduces comes after "that" (its content clause, up to this many tokens:
 * "claim that there have been “…”") or straight after a colon ("response was: “…”"). Without either
 * the quote is said about the words ("Trump’s comments “are based on opinion”"), by someone else.
 */
const MAX_CONTENT_TOKENS = 12;
/** At most this many adjectives between the possessor and the noun ("Trump’s absurd and false claim"). */
const MAX_ADJECTIVES = 4;
const POSSESSIVE = /(['’]s|s['’])$/;

/**
 * The possessor of a speech noun that ends a quote's lead-in, as its speaker: in "Politifact
 * seized on Donald Trump’s claim that “…”" the words are Trump’s, not the sentence subject’s.
 * `v` is the noun's token; the lead-in's tokens run to the quote's opening mark. The possessive
 * ending is left out of the mention ("Donald Trump"); a possessive pronoun is kept as written
 * ("his"), for the pronoun resolver.
 *
 * @example
 * ```ts
 * // tokens of 'Politifact seized on Donald Trump’s claim that'
 * possessorOfSpeech(text, tokens, 5)?.mention; // 'Donald Trump'
 * ```
 */
export function possessorOfSpeech(
  text: string,
  tokens: Token[],
  v: number,
): { mention: string; mentionStart: number; mentionEnd: number } | null {
  if (!SPEECH_NOUN.test(tokens[v].text)) return null;
  if (!introducesQuote(tokens.slice(v + 1))) return null;
  let p = v - 1;
  while (p >= 0 && v - p <= MAX_ADJECTIVES && isModifier(tokens[p])) p--;
  const owner = tokens[p];
  if (!owner?.word) return null;
  const pronoun = pronounInfo(owner.text);
  if (pronoun) {
    // "Trump said in his statement: “…”": an adverbial of the reporting verb, which names the speaker.
    if (pronoun.firstPerson || pronoun.relative || /^(in|on)$/.test(tokens[p - 1]?.text ?? '')) return null;
    return phrase(text, tokens, [p, p]);
  }
  if (!POSSESSIVE.test(owner.text)) return null;
  const read = readPhraseBackward(tokens, p);
  const r = read && ownerOnly(tokens, read);
  if (!r || !tokens.slice(r[0], r[1] + 1).some((t) => /^\p{Lu}/u.test(t.text) || t.text === 'the')) return null;
  const found = phrase(text, tokens, r);
  const cut = /s['’]$/.test(owner.text) ? 1 : 2;
  return { ...found, mention: found.mention.slice(0, -cut), mentionEnd: found.mentionEnd - cut };
}

// Lower-case words that cannot stand between a possessor and its noun: a determiner, a preposition
// or a verb means the noun is not the possessor's ("Her lawyers said in a statement: “…”").
const NOT_MODIFIER =
  /^(a|an|the|this|that|these|those|in|on|at|of|for|with|by|from|to|as|said|says|say|told|was|is|are|were|\p{L}+ed)$/u;

// A lower-case adjective or "and" between a possessor and its noun ("absurd and factually inaccurate").
function isModifier(t: Token): boolean {
  return (
    t.word &&
    t.text === t.text.toLowerCase() &&
    !NOT_MODIFIER.test(t.text) &&
    !POSSESSIVE.test(t.text) &&
    !pronounInfo(t.text)
  );
}

/** Whether the tokens between a speech noun and the quote make the quote the noun's content. */
function introducesQuote(links: Token[]): boolean {
  let i = 0;
  if (/^(was|is)$/.test(links[i]?.text ?? '')) i++;
  if (links[i]?.text === ':') return i === links.length - 1;
  if (links[i]?.text !== 'that') return false;
  const content = links.slice(i + 1);
  // "Rubio’s claim that Cruz favours amnesty is “simply not true”": the quote is said of the claim.
  const last = content.at(-1)?.text ?? '';
  return (
    content.length <= MAX_CONTENT_TOKENS &&
    content.every((t) => t.word || !/^[,;:—–]$/.test(t.text)) &&
    !/^(is|was|are|were)$/.test(last)
  );
}

// Words that link a description to the clause around it: the owner starts after the last of them.
const OUTSIDE_OWNER = /^(of|for|out|on|in|at|by|with|from|to|about|over|against|into|upon)$|\p{L}ing$/u;

/** The possessor alone, when the phrase read back runs into the clause ("media for making … Trump’s"). */
function ownerOnly(tokens: Token[], r: [number, number]): [number, number] {
  for (let k = r[1] - 1; k >= r[0]; k--) {
    const t = tokens[k];
    if (t.word && t.text === t.text.toLowerCase() && OUTSIDE_OWNER.test(t.text)) return [k + 1, r[1]];
  }
  return r;
}
