/**
 * The class a reader would put a wrong named speaker in (issue 11, round 7): what the sentence
 * shows, rather than where the gold source stands. Used by classify-quote-errors.ts, which prints
 * these counts beside its positional classes.
 */
import { isPronoun } from '../../functions/core/quotes/pronouns.ts';

// Head nouns of a gold source that is a document or an utterance, not a person or a group.
const DOCUMENT =
  /\b(poll|survey|report|reports|statement|letter|ad|ads|memo|transcript|tweet|headline|story|editorial|e-?mails?|study|paper|book|video|sign|hat|message|document|playbook|account|excerpts|analysis|words|response|comments?|language|answer|column|post|release|notes?|order|indictment|opinion|filing|record)\b/i;
// Head words of a crowd or a share of people: chants, poll answers.
const CROWD =
  /\b(crowd|audience|protesters|supporters|voters|people|some|others|many|most|marchers|spectators|delegates|attendees|fans|one|another|respondents|those surveyed|republicans|democrats|americans)\b/i;

/** Whether a gold source's head phrase names a document or an utterance ("a White House pool report"). */
export function isDocumentSource(gold: string): boolean {
  return DOCUMENT.test(gold.split(/,|\s(?:for|of|at|in|who|from|with|by|released|on)\s/i)[0]);
}

/** The reader's class of one wrong named speaker. */
export function readerErrorClass(
  gold: string,
  cue: string | null,
  quote: string,
  predicted: { speaker: string | null; mention: string | null },
  sentenceAfter: string,
): string {
  const g = gold.trim();
  if (/^(said|says|say|told|added|wrote|asked|according to|o|here)$/i.test(g) || g.length < 3)
    return 'annotation slip (the gold source is a verb or a stray word)';
  const outlet = new RegExp(
    `(according to|reports?|reported by)\\s+${escape(g)}|${escape(g)}\\s+(reported|reports)`,
    'i',
  );
  if (/according/i.test(cue ?? '') || outlet.test(sentenceAfter))
    return 'the outlet that relays the words ("…,” X said, according to CNN; PolNeAR credits the outlet)';
  if (isDocumentSource(g))
    return 'a document, poll or utterance as the source ("a White House pool report", "his response")';
  if (predicted.mention === null) {
    const words = quote.trim().split(/\s+/).length;
    return words <= 3 ? 'no speaker: a short label or scare quote' : 'no speaker: a longer quote';
  }
  if (isPronoun(predicted.mention)) return 'a pronoun resolved to the wrong person';
  if (CROWD.test(g.split(/\s(?:of|in|who|at)\s/i)[0])) return 'a crowd or a share of people (chants, poll answers)';
  const m = predicted.mention.trim();
  if (g.toLowerCase().includes(m.toLowerCase()))
    return 'part of the gold source (cut short, or the scorer asks for a name inside a description)';
  const words = m.split(/\s+/);
  const named = words.some(
    (w, i) => /^\p{Lu}/u.test(w) && (i > 0 || !/^(The|A|An|This|That|His|Her|Their|Its)$/.test(w)),
  );
  return named
    ? 'another person or group named in the sentence'
    : 'a thing, an adverbial or another description as the speaker';
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
