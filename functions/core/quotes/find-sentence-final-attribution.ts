import type { Attribution } from './find-attribution.ts';
import { narrativeTokens, phrase, type AttributionContext } from './narrative-tokens.ts';
import type { WordToken as Token } from '../text/tokenize.ts';
import type { QuoteSpan } from './quote-span.ts';
import {
  MAX_PHRASE_TOKENS,
  QUOTE_PLACEHOLDER,
  extendDescription,
  isBetweenWord,
  readPhraseBackward,
  readPhraseForward,
} from './read-speaker-phrase.ts';
import { isBaseForm, isInvertibleVerb, isSpeechVerb } from './reporting-verbs.ts';
import { pluralSubjectBefore } from './plural-subject.ts';
import { pronounInfo } from './pronouns.ts';
import { findSentenceEnd, isSentenceEnd } from './sentence-bounds.ts';

// How far past the closing mark the sentence may run: a mixed quote's sentence is rarely longer.
const SENTENCE_WINDOW = 300;
// Words allowed after the verb in a closing attribution ("…, Ruiz said on Tuesday in Lune.").
const MAX_TRAILING_TOKENS = 8;
// Clauses read back from the sentence's end: the last, and the one before a closing appositive.
const MAX_CLAUSES_FROM_END = 3;

/**
 * Looks for an attribution that closes the quote's sentence after more narrative: a mixed quote
 * such as `Ruiz “felt a duty to act” on the river, Potter said.` or `“…” if the vote fails, said
 * Alex Potter, an analyst.` News style puts the source of a whole paraphrased sentence last.
 *
 * Only the clause after the sentence's last comma is read, and it must be nothing but a speaker
 * and a speech verb (either order) plus a few trailing words, so a comma-separated list or an
 * ordinary clause ("…, the river rose.") never qualifies.
 *
 * @example
 * ```ts
 * const text = 'Ruiz “felt a duty to act” on the river, Potter said.';
 * findAttributionAtSentenceEnd({ text, lineSpans: spans }, spans[0])?.mention; // 'Potter'
 * ```
 */
export function findAttributionAtSentenceEnd(ctx: AttributionContext, span: QuoteSpan): Attribution | null {
  if (span.close === null) return null;
  const { text } = ctx;
  // "… calling him “a total stiff.” Lund, in Dover, said …": the quote closed its sentence, so
  // the clause after it belongs to the next one.
  if (isSentenceEnd(text, span.end - 1)) return null;
  const from = span.close + 1;
  const end = findSentenceEnd(text, from, Math.min(span.lineEnd, from + SENTENCE_WINDOW));
  if (!/[.!?]/.test(text[end - 1] ?? '')) return null;
  const tokens = narrativeTokens(ctx, from, end);
  let stop = tokens.length - 1;
  // "…” are sickening, Hollande said Tuesday in Paris, noting …": a closing participle phrase
  // continues the attribution before its comma, so that clause is the one read.
  let last = stop - 1;
  while (last >= 0 && tokens[last].text !== ',') last--;
  const next = tokens[last + 1];
  if (last > 0 && next?.word && next.text === next.text.toLowerCase() && /\p{L}{2}ing$/u.test(next.text)) stop = last;
  // The clause after the last comma, or after the comma before it when an appositive closes the
  // sentence ("…, said RoseAnn DeMoro, executive director of National Nurses United.").
  let c = stop;
  for (let tries = 0; tries < MAX_CLAUSES_FROM_END; tries++) {
    c--;
    while (c >= 0 && tokens[c].text !== ',') c--;
    if (c < 0) return null;
    const found = closingClause(text, tokens, c + 1, stop, tries > 0);
    if (found) return found;
  }
  return null;
}

/** The attribution in the clause from token `s` to the sentence's end, if that clause is one. */
function closingClause(
  text: string,
  tokens: Token[],
  s: number,
  stop: number,
  appositive: boolean,
): Attribution | null {
  if (s >= stop) return null;
  const first = tokens[s];
  if (!first.word) return null;

  // "…, said Alex Potter, an analyst." (the appositive is after this comma-free clause's own comma,
  // so only the name reaches the end here).
  if (first.text === first.text.toLowerCase() && isInvertibleVerb(first.text)) {
    const r = readPhraseForward(tokens, s + 1);
    const closes = r !== null && (appositive ? tokens[r[1] + 1]?.text === ',' : r[1] >= stop - MAX_TRAILING_TOKENS);
    if (r && closes && !pronounInfo(tokens[r[0]].text)?.relative) {
      return { ...phrase(text, tokens, extendDescription(tokens, r)), verb: first.text, side: 'after' };
    }
    return null;
  }
  if (appositive) return null;

  // "…, Potter said (on Tuesday).": the verb within a speaker phrase's length of the comma.
  for (let v = s + 1; v < stop && v - s <= MAX_PHRASE_TOKENS; v++) {
    const t = tokens[v];
    if (t.text === QUOTE_PLACEHOLDER || !t.word) return null;
    const w = t.text.toLowerCase();
    if (t.text !== w || !isSpeechVerb(w) || (isBaseForm(w) && !pluralSubjectBefore(tokens, s, v))) continue;
    if (stop - v - 1 > MAX_TRAILING_TOKENS) return null;
    for (let k = v + 1; k < stop; k++)
      if (tokens[k].text === QUOTE_PLACEHOLDER || tokens[k].text === 'that') return null;
    let e = v - 1;
    while (e > s && isBetweenWord(tokens[e])) e--;
    const r = readPhraseBackward(tokens, e, s);
    // The whole clause before the verb must be the speaker phrase.
    if (!r || r[0] !== s) return null;
    const p = pronounInfo(tokens[s].text);
    if (p?.relative) return null;
    return { ...phrase(text, tokens, r), verb: t.text, side: 'after' };
  }
  return null;
}
