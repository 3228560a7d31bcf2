import type { QuoteSpan } from './quote-span.ts';
import { isBaseForm, isInvertibleVerb, isPluralNounLike, isReportingVerb, isSpeechVerb } from './reporting-verbs.ts';
import { findSentenceEnd, findSentenceStart } from './sentence-bounds.ts';
import { tokenizeWords, type WordToken as Token } from '../text/tokenize.ts';
import { narrativeTokens, phrase, type AttributionContext } from './narrative-tokens.ts';
import {
  MAX_NAME_PHRASE_TOKENS,
  MAX_PHRASE_TOKENS,
  QUOTE_PLACEHOLDER,
  extendDescription,
  isBetweenWord,
  readPhraseBackward,
  readPhraseForward,
} from './read-speaker-phrase.ts';
import { pronounInfo } from './pronouns.ts';
import { CALENDAR_WORD } from './calendar-words.ts';
import { pluralSubjectBefore } from './plural-subject.ts';
import { possessorOfSpeech } from './find-possessed-speech.ts';

export type { AttributionContext } from './narrative-tokens.ts';

/**
 * Who a quote is attributed to, as written, and by which verb.
 *
 * @example
 * ```ts
 * const a: Attribution = { mention: 'Potter', mentionStart: 20, mentionEnd: 26, verb: 'said', side: 'after' };
 * ```
 */
export interface Attribution {
  mention: string;
  mentionStart: number;
  mentionEnd: number;
  /** The reporting verb, or for a sentence-subject guess the word after the subject (may be null). */
  verb: string | null;
  /**
   * Where it was found: right after the quote, earlier in its sentence (or the line it follows
   * with a colon), or only as the subject of a sentence with no reporting verb — a guess that names
   * a speaker but does not make the quote speech.
   */
  side: 'after' | 'before' | 'subject';
}

// How far from a quote an attribution may be, in characters: keeps the work per quote bounded.
const AFTER_WINDOW = 220;
const BEFORE_WINDOW = 400;

/**
 * After a quote, the verb is looked for this many tokens on at most: "…,” Alex Potter, an analyst
 * at Acme, said" reaches it, and a longer run is narration, not an attribution.
 */
const MAX_SUBJECT_SCAN = 14;
/** At most this many appositives between a subject and its verb ("Potter, 54, an analyst, said"). */
const MAX_APPOSITIVES = 4;
/** An appositive between commas is at most this many tokens; longer, it is a clause of its own. */
const MAX_APPOSITIVE_TOKENS = 25;
/** A party tag in brackets ("Rep. Jo Mica (R-Fla.) said") is at most this many tokens. */
const MAX_BRACKET_TOKENS = 10;
/**
 * An unlisted verb ("Potter barked") counts only this close to the quote: further on, an "-ed" or
 * "-s" word is more often narration than the attribution.
 */
const MAX_UNLISTED_VERB_DISTANCE = 4;
/** Prepositional phrases and asides stepped over between a subject and its verb, at most. */
const MAX_SUBJECT_SKIPS = 3;
/** Opening adverbials ("In a statement, hours later, …") stepped over before a subject, at most. */
const MAX_INTRO_ADVERBIALS = 3;
/** A dateline's dash ("FLINT, Mich., Oct. 4 (UPI) — …") is looked for in this many opening tokens. */
const DATELINE_TOKENS = 14;

// Modals and pronouns after which a bare "say"/"note" is a verb and not a noun.
const BASE_FORM_SUBJECT =
  /^(i|we|you|they|will|would|can|could|may|might|must|should|to|did|do|does|and|often|also|still|now|always|never)$/;

/**
 * Where an appositive that starts at `from` ends: its closing comma, found within
 * MAX_APPOSITIVE_TOKENS of `k`; or where the scan stopped (a quote, the limit, the end).
 */
function appositiveEnd(tokens: Token[], k: number, from: number): number {
  let j = from;
  while (
    j < tokens.length &&
    j - k < MAX_APPOSITIVE_TOKENS &&
    tokens[j].text !== ',' &&
    tokens[j].text !== QUOTE_PLACEHOLDER
  )
    j++;
  return j;
}

const isLowerWord = (t: Token | undefined) => !!t && t.word && /^\p{Ll}/u.test(t.text);
// A capitalised word or a determiner: what a speaker phrase can start with.
const isNameStart = (t: Token | undefined) =>
  !!t && t.word && (/^\p{Lu}/u.test(t.text) || /^(the|a|an|his|her|their|its|one)$/.test(t.text));

// Conjunctions that open a subordinate clause after a quote ("…” until Haley said).
const SUBORDINATORS = new Set([
  'until',
  'unless',
  'because',
  'since',
  'after',
  'before',
  'when',
  'while',
  'if',
  'although',
  'though',
  'whereas',
  'once',
]);

/**
 * Looks for an attribution right after a closing mark: "…,” Potter said", "…,” said Alex Potter,
 * an analyst", "…,” Alex Potter, an analyst at Acme, told reporters".
 *
 * @example
 * ```ts
 * const text = '“We won,” Potter said.';
 * findAttributionAfter({ text, lineSpans: spans }, spans[0])?.mention; // 'Potter'
 * ```
 */
export function findAttributionAfter(ctx: AttributionContext, span: QuoteSpan): Attribution | null {
  if (span.close === null) return null;
  const { text } = ctx;
  const from = span.close + 1;
  const limit = findSentenceEnd(text, from, Math.min(span.lineEnd, from + AFTER_WINDOW));
  const tokens = narrativeTokens(ctx, from, limit);
  let i = 0;
  while (i < tokens.length && !tokens[i].word && /^[,―—–\-…]$/.test(tokens[i].text)) i++;
  // "“…” ― Krystal Correa": a dash and a name closing the line, as in vox-pop lists.
  if (i > 0 && /^[―—–]$/.test(tokens[i - 1].text)) {
    const r = readPhraseForward(tokens, i, MAX_NAME_PHRASE_TOKENS);
    if (r && /^\p{Lu}/u.test(tokens[i].text) && (r[1] === tokens.length - 1 || /^[.,]$/.test(tokens[r[1] + 1].text))) {
      return { ...phrase(text, tokens, r), verb: null, side: 'after' };
    }
  }
  if (i >= tokens.length || !tokens[i].word) return null;
  const first = tokens[i].text.toLowerCase();
  const last = text[span.end - 1];
  // After a quote that is a whole sentence, a capitalised word starts a new sentence; if that
  // sentence's verb then introduces another quote ("“…” He added, “…”"), it belongs to that one.
  const newSentence = /[.!?…]/.test(last) && /^\p{Lu}/u.test(tokens[i].text);
  const introducesNext = (v: number) => newSentence && tokens.slice(v + 1).some((t) => t.text === QUOTE_PLACEHOLDER);

  // Inverted: "…,” said Alex Potter" / "…,” according to the ministry".
  if (first === 'according' && tokens[i + 1]?.text.toLowerCase() === 'to') {
    const r = readPhraseForward(tokens, i + 2);
    return r ? { ...phrase(text, tokens, extendDescription(tokens, r)), verb: 'according to', side: 'after' } : null;
  }
  if (tokens[i].text === first && isInvertibleVerb(first)) {
    const r = readPhraseForward(tokens, i + 1);
    return r ? { ...phrase(text, tokens, extendDescription(tokens, r)), verb: tokens[i].text, side: 'after' } : null;
  }
  // "“This is fantastic!” beamed Donald Hartley": an unlisted past-tense verb before a name, right
  // after the quote's own closing punctuation, is how that name said it.
  if (tokens[i].text === first && /[,!?]/.test(last) && /\p{L}{2,}ed$/u.test(first) && !isReportingVerb(first)) {
    let e = i;
    while (e + 1 < tokens.length && e - i < MAX_NAME_WORDS && isNameRun(tokens, [i + 1, e + 1])) e++;
    // The name must end there ("beamed Donald Hartley of Madison"), not modify a noun ("retired
    // Air Force general Lloyd Newton", "exhorted Clinton's introducer").
    const after = tokens[e + 1];
    const ends = !after || !after.word || /^(of|from|who)$/.test(after.text);
    if (e > i && ends && !/[’']s$/.test(tokens[e].text))
      return { ...phrase(text, tokens, [i + 1, e]), verb: tokens[i].text, side: 'after' };
  }

  // "…” until Haley said": a subordinate clause after the quote has its own subject, not the quote's speaker.
  if (SUBORDINATORS.has(first) && tokens[i].text === first) return null;
  // "…,” as her campaign manager suggested": the attribution is the clause "as" introduces.
  if (first === 'as' && tokens[i].text === first && isNameStart(tokens[i + 1])) i++;

  // Subject first: scan a few tokens for the verb, stepping over one appositive between commas.
  let k = i;
  let subjectEnd = -1;
  let appositives = 0;
  let verbLike = -1;
  for (let steps = 0; k < tokens.length && steps < MAX_SUBJECT_SCAN; k++, steps++) {
    const t = tokens[k];
    if (t.text === QUOTE_PLACEHOLDER) break;
    if (t.text === ',') {
      if (appositives++ >= MAX_APPOSITIVES) break;
      if (subjectEnd < 0) subjectEnd = k - 1;
      // Appositive ("Alex Potter, an analyst at Acme, said"): skip to the next comma, then expect the verb.
      const j = appositiveEnd(tokens, k, k + 1);
      if (j >= tokens.length || tokens[j].text !== ',') break;
      k = j;
      continue;
    }
    if (!t.word) {
      if (t.text === '.' || t.text === '’' || t.text === "'" || t.text === '&' || t.text === ')') continue;
      if (t.text === '(') {
        // "Rep. Jo Mica (R-Fla.) said": step over the party tag.
        let j = k + 1;
        while (j < tokens.length && j - k < MAX_BRACKET_TOKENS && tokens[j].text !== ')') j++;
        if (tokens[j]?.text !== ')') break;
        k = j;
        continue;
      }
      break;
    }
    const w = t.text.toLowerCase();
    // A bare "say" only after a quote closed by a comma ("…,” officials say"): after a sentence's end
    // or mid-clause ("the rates” they charge") a plural subject and verb start a clause of their own.
    const bare = isBaseForm(w) && (last !== ',' || !pluralSubjectBefore(tokens, i, k));
    if (t.text === w && isSpeechVerb(w) && !bare) break;
    if (t.text === w && isPhrasalSpeech(tokens, k)) break;
    // An unlisted verb ("Potter barked") right after a short subject, for quotes ending in a comma.
    // "“…,” the statement read.": read, unlisted because before a quote it introduces a title.
    const unlisted = (/(ed|s)$/.test(w) && !/(ss|us|is|ous)$/.test(w)) || w === 'read';
    if (verbLike < 0 && k > i && t.text === w && unlisted && !isBetweenWord(t)) verbLike = k;
    if (subjectEnd >= 0 && !isBetweenWord(t) && tokens[k - 1].text === ',' && appositives >= MAX_APPOSITIVES) {
      k = tokens.length;
      break;
    }
    if (subjectEnd >= 0 && tokens[k - 1].text === ',' && !isBetweenWord(t)) {
      // After an appositive only the verb (or an adverb) may follow, or a second appositive.
      const j = appositiveEnd(tokens, k, k);
      if (tokens[j]?.text !== ',') {
        k = tokens.length;
        break;
      }
      appositives++;
      k = j;
      continue;
    }
    // "and" may join two subjects ("Potter and Ruiz said"), but right after the quote it continues the narrative.
    if (
      t.text === w &&
      (/^(that|which|is|was|are|were|but|because|if|when|while|to)$/.test(w) || (w === 'and' && k === i))
    ) {
      k = tokens.length;
      break;
    }
  }
  const found =
    k < tokens.length && tokens[k].word && (isSpeechVerb(tokens[k].text.toLowerCase()) || isPhrasalSpeech(tokens, k));
  if (!found) {
    if (verbLike < 0 || verbLike - i > MAX_UNLISTED_VERB_DISTANCE) return null;
    // "“…?” Hannity pressed.": after a question or an exclamation, only a name and a verb that ends
    // the clause ("“We won!” Lund walked to the stage" is narration).
    const closes = /^[.,;]?$/.test(tokens[verbLike + 1]?.text ?? '');
    const named = isNameRun(tokens, [i, verbLike - 1]) && /ed$/.test(tokens[verbLike].text) && closes;
    // A quote inside the quote may close first ("… ‘the comeback of the decade,’”").
    const end = /[’']/.test(last) ? text[span.end - 2] : last;
    if (end !== ',' && !(/[!?]/.test(end) && named)) return null;
    k = verbLike;
  }
  if (introducesNext(k)) return null;
  // "“… strong.” He noted that supporters …": a new sentence whose verb takes a clause of its own.
  if (newSentence && /^(that|how|why|whether)$/.test(tokens[k + 1]?.text ?? '')) return null;
  let e = subjectEnd >= 0 ? subjectEnd : k - 1;
  while (e >= i && isBetweenWord(tokens[e])) e--;
  if (e < i || e - i > MAX_PHRASE_TOKENS) return null;
  // Everything between the quote and the verb is the subject ("a narrator in the Clinton ad asks").
  if (pronounInfo(tokens[i].text) && e > i && !/^(his|her|their|its|our|my)$/i.test(tokens[i].text)) return null;
  return { ...phrase(text, tokens, [i, e]), verb: tokens[k].text, side: 'after' };
}

/**
 * "…,” Potter shot back." / "…?” Potter went on, as if …": a verb and particle that report speech
 * after a quote, though neither word does alone ("shot", "went" are narration).
 */
function isPhrasalSpeech(tokens: Token[], k: number): boolean {
  const w = tokens[k].text;
  const next = tokens[k + 1];
  if (/^(shot|fired|hit|shoots|fires|hits)$/.test(w)) return next?.text === 'back';
  // "…,” as a Homeland Security memo put it.": the phrase of "As Potter put it, “…”", after the quote.
  if (w === 'put' || w === 'puts') return next?.text === 'it' && tokens[k - 1]?.text !== 'to';
  return /^(went|goes)$/.test(w) && next?.text === 'on' && (!tokens[k + 2] || !tokens[k + 2].word);
}

// "As Potter put it, “…”" / "as Potter has pointed out, “…”": two-word reporting verbs.
function isPhrasalReporting(tokens: Token[], v: number): boolean {
  const w = tokens[v].text;
  const next = tokens[v + 1]?.text;
  return ((w === 'put' || w === 'puts') && next === 'it') || (/^point(s|ed)$/.test(w) && next === 'out');
}

// Words that sit before a plural noun, not before a verb: "those reports", "Republican claims".
const NOUN_MODIFIER =
  /^(the|those|these|his|her|their|its|our|my|your|many|some|all|several|such|other|few|both|no|any|republican|democratic|gop|american|public|private|official|recent|earlier|previous|past|latest|new|own|similar|false|controversial|\d[\d,.%]*)$/i;

/** Whether the token before a word like "claims" shows it is a noun ("Trump's remarks", "criminal charges"). */
function modifiesNoun(prev: Token | undefined): boolean {
  if (!prev) return true;
  if (!prev.word) return prev.text !== ')' && prev.text !== '.';
  if (NOUN_MODIFIER.test(prev.text) || /[’']s?$/.test(prev.text) || /s’$/.test(prev.text)) return true;
  return prev.text === prev.text.toLowerCase() && /(al|ful|ous|ive|ic|ary|less|ible|able)$/.test(prev.text);
}

/** Where the narrative before a quote starts: its sentence, or the line it follows with a colon. */
function beforeRegion(
  ctx: AttributionContext,
  span: QuoteSpan,
): { start: number; end: number; otherLine: boolean } | null {
  const { text } = ctx;
  const lo = Math.max(span.lineStart, span.open - BEFORE_WINDOW);
  const start = findSentenceStart(text, span.open, lo);
  if (start > span.lineStart || !/^\s*$/.test(text.slice(start, span.open)))
    return { start, end: span.open, otherLine: false };
  // Quote opens its line: it may be introduced by the previous line ("… wrote:\n\n“…”").
  let p = span.lineStart - 1;
  while (p >= 0 && /\s/.test(text[p])) p--;
  if (p < 0 || text[p] !== ':') return null;
  const ls = text.lastIndexOf('\n', p) + 1;
  return { start: findSentenceStart(text, p, Math.max(ls, p - BEFORE_WINDOW)), end: p + 1, otherLine: true };
}

/**
 * Looks for an attribution earlier in the quote's sentence: "Potter said: “…”", "Potter told the
 * BBC “…”", "According to Potter, “…”", "Potter said the plan was “a mess”", "…, saying “…”".
 * When a quote starts its line and the line before ends with a colon, that line's last sentence
 * is the one introducing it.
 *
 * @example
 * ```ts
 * const text = 'Potter said: “We won.”';
 * findAttributionBefore({ text, lineSpans: spans }, spans[0])?.mention; // 'Potter'
 * ```
 */
export function findAttributionBefore(ctx: AttributionContext, span: QuoteSpan): Attribution | null {
  const region = beforeRegion(ctx, span);
  return region ? attributionInRegion(ctx, region.start, region.end, region.otherLine) : null;
}

/**
 * For a quote that opens a sentence with no attribution of its own, the sentence before it in
 * the same line: "Potter disagreed, saying the plan would fail. “It is a mess.”"
 *
 * @example
 * ```ts
 * const text = 'Potter disagreed, saying the plan would fail. “It is a mess.”';
 * findAttributionInPreviousSentence({ text, lineSpans: spans }, spans[0])?.mention; // 'Potter'
 * ```
 */
export function findAttributionInPreviousSentence(ctx: AttributionContext, span: QuoteSpan): Attribution | null {
  const { text } = ctx;
  const start = findSentenceStart(text, span.open, span.lineStart);
  if (start <= span.lineStart || !/^\s*$/.test(text.slice(start, span.open))) return null;
  let end = start;
  while (end > span.lineStart && /[\s”"’)]/.test(text[end - 1])) end--;
  const prevStart = findSentenceStart(text, end - 1, Math.max(span.lineStart, end - BEFORE_WINDOW));
  return attributionInRegion(ctx, prevStart, end, false);
}

/** A narrating sentence's reporting verb stands at most this many tokens after its subject. */
const MAX_SUBJECT_TO_VERB = 6;

/**
 * For a quote that opens its line with no attribution of its own, the last sentence of the line
 * before when that sentence reports its subject speaking ("Carter said that the U.S. would stay.\n\n
 * “That’s because …”"): news style names the speaker in a narrating paragraph and gives the words
 * in the next. Only the subject counts, and only with a reporting verb just after it, so a name
 * deeper in the sentence ("… that critics had been predicting …") is never taken.
 *
 * @example
 * ```ts
 * const text = 'Carter said the U.S. would stay.\n\n“That is our promise to the region.”';
 * findAttributionInPreviousLine({ text, lineSpans: spans }, spans[0])?.mention; // 'Carter'
 * ```
 */
export function findAttributionInPreviousLine(ctx: AttributionContext, span: QuoteSpan): Attribution | null {
  const { text } = ctx;
  if (!/^\s*$/.test(text.slice(span.lineStart, span.open))) return null;
  let p = span.lineStart - 1;
  while (p >= 0 && /[\s”"’)]/.test(text[p])) p--;
  if (p < 0 || !/[.!?]/.test(text[p])) return null;
  const lineStart = text.lastIndexOf('\n', p) + 1;
  // A line with quotes of its own hands its speaker on through those quotes, not its narration.
  if (/[“”"]/.test(text.slice(Math.max(lineStart, p - BEFORE_WINDOW), p + 1))) return null;
  const start = findSentenceStart(text, p, Math.max(lineStart, p - BEFORE_WINDOW));
  const tokens = tokenizeWords(text, start, p);
  const r = sentenceSubject(tokens, tokens.length);
  if (!r || !isNameLike(tokens, r) || pronounInfo(tokens[r[0]].text)?.firstPerson) return null;
  for (let v = r[1] + 1; v < Math.min(tokens.length, r[1] + 1 + MAX_SUBJECT_TO_VERB); v++) {
    const t = tokens[v];
    if (!t.word || t.text !== t.text.toLowerCase()) continue;
    if (CLAUSE_WORD_BREAK.test(t.text)) return null;
    if (isReportingVerb(t.text) && !isBaseForm(t.text))
      return { ...phrase(text, tokens, r), verb: t.text, side: 'before' };
  }
  return null;
}

/**
 * The subject of the quote's sentence when the sentence has no reporting verb ("Cruz blamed the
 * law on “knuckleheaded politicians.”"). A guess: it names the likely speaker of a mixed quote
 * but is not evidence that the quote is speech.
 *
 * @example
 * ```ts
 * const text = 'Cruz blamed the law on “knuckleheaded politicians.”';
 * findSentenceSubject({ text, lineSpans: spans }, spans[0])?.mention; // 'Cruz'
 * ```
 */
export function findSentenceSubject(ctx: AttributionContext, span: QuoteSpan): Attribution | null {
  const region = beforeRegion(ctx, span);
  if (!region || region.otherLine) return null;
  const tokens = narrativeTokens(ctx, region.start, region.end);
  if (tokens.length < 2) return null;
  const r = sentenceSubject(tokens, tokens.length);
  if (!r || !isNameLike(tokens, r) || pronounInfo(tokens[r[0]].text)?.firstPerson) return null;
  const next = tokens[r[1] + 1];
  return {
    ...phrase(ctx.text, tokens, r),
    verb: isLowerWord(next) && /(ed|s)$/.test(next.text) ? next.text : null,
    side: 'subject',
  };
}

function attributionInRegion(
  ctx: AttributionContext,
  regionStart: number,
  regionEnd: number,
  otherLine: boolean,
): Attribution | null {
  const { text } = ctx;
  const tokens = otherLine ? tokenizeWords(text, regionStart, regionEnd) : narrativeTokens(ctx, regionStart, regionEnd);
  // "… have been important – Philip Bump: “…”", "Pollsters agree - Carl Bialik: “…”": a name set
  // off by a dash before the colon is a source line of its own, whatever verb the words before hold.
  const colon = tokens.length - 1;
  const signed = colon >= 1 && tokens[colon].text === ':' ? nameRunBefore(tokens, colon) : null;
  if (signed && /^[-–—―]$/.test(tokens[signed[0] - 1]?.text ?? ''))
    return { ...phrase(text, tokens, signed), verb: null, side: 'before' };
  for (let v = tokens.length - 1; v >= 0; v--) {
    const t = tokens[v];
    if (!t.word) continue;
    const w = t.text.toLowerCase();
    if (w === 'according' && tokens[v + 1]?.text.toLowerCase() === 'to') {
      const r = readPhraseForward(tokens, v + 2);
      if (r) return { ...phrase(text, tokens, extendDescription(tokens, r)), verb: 'according to', side: 'before' };
      continue;
    }
    const owner = possessorOfSpeech(text, tokens, v);
    if (owner) return { ...owner, verb: t.text, side: 'before' };
    if (t.text !== w) {
      // "Said Ellis: “…”" — an inverted verb opening the sentence.
      if (v === 0 && isInvertibleVerb(w)) {
        const r = readPhraseForward(tokens, 1, MAX_NAME_PHRASE_TOKENS);
        if (r) return { ...phrase(text, tokens, r), verb: t.text, side: 'before' };
      }
      continue;
    }
    if (!isReportingVerb(w) && !isPhrasalReporting(tokens, v)) continue;
    if (isPluralNounLike(w) && modifiesNoun(tokens[v - 1])) continue;
    if (isBaseForm(w)) {
      const prev = tokens[v - 1];
      if (!prev || !prev.word || !(BASE_FORM_SUBJECT.test(prev.text.toLowerCase()) || /\p{L}s$/u.test(prev.text)))
        continue;
    }
    const found = subjectOf(text, tokens, v);
    if (found) return outerAttribution(text, tokens, found.mentionStart) ?? { ...found, verb: t.text, side: 'before' };
  }
  // "Potter released the following statement:" — a colon introduces the quote whatever the verb.
  const last = tokens.length - 1;
  if (last >= 1 && tokens[last].text === ':') {
    const r = sentenceSubject(tokens, last);
    if (r) {
      const next = tokens[r[1] + 1];
      return { ...phrase(text, tokens, r), verb: isLowerWord(next) ? next.text : null, side: 'before' };
    }
  }
  return null;
}

// Tokens that end the clause a complement sits in: looking further back would leave the sentence's frame.
const CLAUSE_BREAK = new Set([',', ';', ':', '—', '–', '―', '(', ')', QUOTE_PLACEHOLDER]);
const CLAUSE_WORD_BREAK =
  /^(and|but|or|while|as|when|because|after|before|since|although|though|if|who|whom|which|where|so)$/;

// Prepositions before an inner speaker that make it an object, not the subject of a reported clause.
const INNER_OBJECT = /^(of|with)$/;

/**
 * Nested reporting ("Trump said at a rally that Clinton once described the deal as “the gold
 * standard”"): the quote is the outer speaker's report, so the outer verb's subject is the source.
 * Looks back from the inner subject (token offset `innerStart`) through the same clause, with no
 * comma or conjunction between, for a speech verb and its subject. PolNeAR's annotators credit the
 * outer source whatever the inner verb ("said Clinton told him …" too), and so do we: the outer
 * speaker is the one on record for these words.
 */
function outerAttribution(text: string, tokens: Token[], innerStart: number): Attribution | null {
  let u = tokens.length - 1;
  while (u >= 0 && tokens[u].start !== innerStart) u--;
  // "The spot concludes with footage of Trump saying, “…”": after a preposition the inner speaker
  // is no subject of a reported clause but the object of the outer sentence, and speaks for himself.
  if (u > 0 && INNER_OBJECT.test(tokens[u - 1].text)) return null;
  for (u--; u >= 0; u--) {
    const t = tokens[u];
    if (CLAUSE_BREAK.has(t.text)) return null;
    if (!t.word) continue;
    const w = t.text.toLowerCase();
    if (t.text === w && CLAUSE_WORD_BREAK.test(w)) return null;
    if (t.text !== w || !isSpeechVerb(w) || isBaseForm(w)) continue;
    const found = subjectOf(text, tokens, u);
    return found ? { ...found, verb: t.text, side: 'before' } : null;
  }
  return null;
}

/** The speaker phrase for the reporting verb at token `v`, trying the usual sentence shapes. */
function subjectOf(text: string, tokens: Token[], v: number): ReturnType<typeof phrase> | null {
  const verb = tokens[v].text.toLowerCase();
  // "…, with Gorka noting …" / "footage of Trump saying …": a name right before a participle,
  // after a preposition, is the participle's own subject.
  let b = v;
  while (b > 1 && isBetweenWord(tokens[b - 1])) b--;
  // "Sanders was asked by host Bill Maher, “…”": the agent of a passive spoke; with no agent
  // ("Trump was asked, “…”") the subject is who heard the words, not who said them.
  if (/ed$|^told$/.test(verb) && tokens.slice(b, v).some((t) => /^(was|were|been|being|is|are)$/.test(t.text))) {
    if (tokens[v + 1]?.text !== 'by') return null;
    const agent = readPhraseForward(tokens, v + 2);
    return agent ? phrase(text, tokens, extendDescription(tokens, agent)) : null;
  }
  if (verb.endsWith('ing') && b >= 2 && /^\p{Lu}/u.test(tokens[b - 1].text)) {
    const r = readPhraseBackward(tokens, b - 1);
    if (r && r[0] > 0 && /^(with|of|by|shows|showed|showing|as)$/.test(tokens[r[0] - 1].text) && isNameLike(tokens, r))
      return phrase(text, tokens, r);
    // "– Ryan saying he was “…” and Trump calling it “…”", "footage of Hillary Clinton asking":
    // the name just before the participle, after a clause mark, is its subject.
    const n = nameRunBefore(tokens, b);
    if (n && /^(with|of|by|as|and|,|–|—)$/.test(tokens[n[0] - 1]?.text ?? '')) return phrase(text, tokens, n);
  }
  // "Spicer said, adding “…”" / "Hollande said Tuesday in Paris, noting “…”": a participle after a
  // comma continues the reporting clause just before it, so it has that verb's subject.
  if (verb.endsWith('ing') && tokens[v - 1]?.text === ',') {
    const u = reportingVerbBefore(tokens, v - 1);
    const found = u >= 0 ? subjectOf(text, tokens, u) : null;
    if (found) return found;
    // "…, when Sanders protesters interrupted her speech, shouting “…”": the participle goes with
    // the subordinate clause just before it, so it has that clause's subject.
    const sub = subordinateSubject(tokens, v - 1);
    if (sub) return phrase(text, tokens, sub);
  }
  // "Trump unleashed tweets saying …": a participle's subject is the sentence's, not the word before;
  // but "…, but Kasich's campaign is already claiming …" is a progressive with its own subject.
  const progressive = tokens
    .slice(Math.max(0, b - 1), v)
    .some((t) => /^(is|was|are|were|been|be|'s|’s|am)$/i.test(t.text));
  if (verb.endsWith('ing') && !progressive && !/^(by|while)$/i.test(tokens[v - 1]?.text ?? '')) {
    const r = sentenceSubject(tokens, v);
    if (r) return phrase(text, tokens, r);
  }
  // "Potter (also) said …", "Potter, in a statement, said" / "Beck, who has in the past described"
  let e = v - 1;
  for (let skips = 0; skips < MAX_SUBJECT_SKIPS; skips++) {
    while (e >= 0 && isBetweenWord(tokens[e])) e--;
    const back = e >= 0 ? readPhraseBackward(tokens, e) : null;
    if (!back) break;
    const before = tokens[back[0] - 1];
    if (
      isLowerWord(before) &&
      /^(in|on|at|during|from|with|by|after|before|to|into|over|under|about|through)$/.test(before!.text)
    ) {
      // A prepositional phrase between subject and verb: look past it.
      e = back[0] - 2;
      continue;
    }
    const p = pronounInfo(tokens[back[0]].text);
    if (p?.relative && back[0] === back[1]) {
      // "…, who said": the phrase before the relative pronoun.
      if (!/^(who|which)$/i.test(tokens[back[0]].text)) return null;
      let k = back[0] - 1;
      if (tokens[k]?.text === ',') k--;
      const r = k >= 0 ? readPhraseBackward(tokens, k) : null;
      return r ? phrase(text, tokens, r) : null;
    }
    const antecedent = p && back[0] === back[1] ? relativeClauseAntecedent(tokens, back[0]) : null;
    return phrase(text, tokens, antecedent ?? back);
  }
  e = v - 1;
  while (e >= 0 && isBetweenWord(tokens[e])) e--;
  // "her adviser, Jake Sullivan, said": prefer the name in the appositive.
  if (e >= 1 && tokens[e].text === ',') {
    const y = readPhraseBackward(tokens, e - 1);
    if (y && tokens[y[0] - 1]?.text === ',') {
      // "Clinton, at a meeting in Columbus, Ohio, said": the state is part of a place, not an appositive.
      if (isPlaceAfterComma(tokens, y[0] - 1)) return placeSubject(text, tokens, y);
      const x = readPhraseBackward(tokens, y[0] - 2);
      // "Tad Devine, Sanders' senior media adviser, said": an appositive that opens with a capital
      // but ends in a common noun is a role; the name before it is the speaker.
      const capital = (k: number) => /^\p{Lu}/u.test(tokens[k].text);
      const role = capital(y[0]) && !capital(y[1]) && x !== null && capital(x[0]) && capital(x[1]);
      if (capital(y[0]) && !role) return phrase(text, tokens, y);
      if (x) return phrase(text, tokens, x);
    }
  }
  // "…, said Potter, “…”": inverted order inside the sentence.
  if (isInvertibleVerb(verb)) {
    const fwd = readPhraseForward(tokens, v + 1, MAX_NAME_PHRASE_TOKENS);
    // "… said Wednesday, “…”": a day after the verb is when, not who.
    const when = fwd !== null && isDayWord(tokens[fwd[0]].text);
    if (fwd && !when && /^[,:]$/.test(tokens[fwd[1] + 1]?.text ?? '') && isNameLike(tokens, fwd))
      return phrase(text, tokens, fwd);
  }
  // "…, saying: “…”" / "… and added, “…”": the subject of the whole sentence.
  if (
    e >= 0 &&
    (tokens[e].text === ',' || /^(and|by|while|before|after)$/i.test(tokens[e].text) || verb.endsWith('ing'))
  ) {
    const r = sentenceSubject(tokens, e);
    if (r) return phrase(text, tokens, r);
  }
  return null;
}

/** A name is at most this many capitalised words ("President Barack Obama"). */
const MAX_NAME_WORDS = 4;

/** The run of capitalised words that ends just before token `v`, or null. */
function nameRunBefore(tokens: Token[], v: number): [number, number] | null {
  let a = v;
  while (a > 0 && v - a < MAX_NAME_WORDS && tokens[a - 1].word && /^\p{Lu}/u.test(tokens[a - 1].text)) a--;
  if (a === v || a === 0 || pronounInfo(tokens[a].text)) return null;
  return [a, v - 1];
}

/** A reporting clause ends at most this many tokens before the comma of a participle that continues it. */
const MAX_CLAUSE_TO_PARTICIPLE = 8;

/**
 * The token offset of a finite speech verb in the clause that ends at the comma `c` ("Spicer said
 * Tuesday in Paris,"), or -1: no other clause mark or quote may lie between.
 */
function reportingVerbBefore(tokens: Token[], c: number): number {
  for (let u = c - 1; u >= 0 && c - u <= MAX_CLAUSE_TO_PARTICIPLE; u--) {
    const t = tokens[u];
    if (CLAUSE_BREAK.has(t.text)) return -1;
    const w = t.text.toLowerCase();
    if (t.word && t.text === w && isSpeechVerb(w) && !isBaseForm(w) && !w.endsWith('ing')) return u;
  }
  return -1;
}

// Conjunctions that open a clause with a subject of its own, whose participle follows its comma.
const CLAUSE_OPENER = /^(when|while|after|as|because|since|before|until|once)$/;

/**
 * The subject of a subordinate clause that ends at the comma `c` ("…, when the crowd booed the
 * speaker,"), or null: the clause opens with a conjunction after a comma, within
 * MAX_APPOSITIVE_TOKENS, and has a subject phrase followed by its verb.
 */
function subordinateSubject(tokens: Token[], c: number): [number, number] | null {
  for (let u = c - 1; u > 0 && c - u <= MAX_APPOSITIVE_TOKENS; u--) {
    const t = tokens[u];
    if (CLAUSE_BREAK.has(t.text)) return null;
    if (!t.word || !CLAUSE_OPENER.test(t.text) || tokens[u - 1].text !== ',') continue;
    // The subject runs to the clause's past-tense verb ("protesters interrupted").
    let k = u + 1;
    while (
      k < c &&
      k - u <= MAX_NAME_PHRASE_TOKENS &&
      tokens[k].word &&
      !(isLowerWord(tokens[k]) && /ed$/.test(tokens[k].text))
    )
      k++;
    if (k >= c || k === u + 1 || !tokens[k].word || pronounInfo(tokens[u + 1].text)) return null;
    const r = readPhraseForward(tokens, u + 1, k - u - 1);
    return r && r[1] === k - 1 ? r : null;
  }
  return null;
}

/**
 * "Baku’s foreign ministry framed the incident within a pattern it says raises “…”": a pronoun
 * right after a noun opens a relative clause with "that" left out, and stands for the sentence's
 * subject, so the subject is the speaker (the noun before the pronoun is what is spoken of).
 */
function relativeClauseAntecedent(tokens: Token[], k: number): [number, number] | null {
  if (!/^(it|they|he|she)$/i.test(tokens[k].text)) return null;
  const prev = tokens[k - 1];
  if (!isLowerWord(prev) || pronounInfo(prev!.text) || isReportingVerb(prev!.text) || isBetweenWord(prev!)) return null;
  if (
    !/^[a-z]+$/.test(prev!.text) ||
    /^(that|and|but|or|as|if|so|than|because|when|while|where|what|whether|said|says|told)$/.test(prev!.text)
  )
    return null;
  // The noun must follow a determiner or an adjective, as a noun phrase does ("a pattern", "the steps").
  const det = tokens[k - 2];
  if (!det || !/^(a|an|the|this|that|these|those|its|their|his|her)$/i.test(det.text)) return null;
  const r = sentenceSubject(tokens, k - 2);
  return r && isNameLike(tokens, r) && !pronounInfo(tokens[r[0]].text) ? r : null;
}

// Words that mark an opening adverbial ("In a statement, …", "Hours later, …") rather than a subject.
const INTRO = new Set(
  `in on at during after before when while later earlier ago hours days weeks months years
yesterday today tonight meanwhile however still but and speaking asked also then since for as with like unlike
despite although though if instead once now yet so last this next moments minutes shortly separately similarly
addressing responding writing asked following amid throughout first second third finally again
indeed likewise moreover furthermore nevertheless nonetheless besides thus hence therefore here`.split(/\s+/),
);
/** Whether a word names a day or a month ("Wednesday", "today"); "May" is also a name and is left out. */
const isDayWord = (w: string) => (CALENDAR_WORD.test(w) && w !== 'May') || /^(today|yesterday|tonight)$/i.test(w);

// Nouns of time and the words that close a time adverbial ("The day before,", "That night,").
const TIME_NOUN = /^(day|days|week|weeks|month|months|year|years|night|morning|afternoon|evening|weekend|time|times)$/i;
const TIME_CLOSER = /^(before|later|earlier|ago|after)$/i;
/** A time adverbial is at most this many tokens ("Two days before the vote,"). */
const MAX_TIME_ADVERBIAL_TOKENS = 5;

/** Whether tokens s..c-1 are a time adverbial: a short phrase with a noun of time and no name. */
function isTimeAdverbial(tokens: Token[], s: number, c: number): boolean {
  if (c - s > MAX_TIME_ADVERBIAL_TOKENS || c <= s) return false;
  const words = tokens.slice(s, c);
  if (words.some((t, i) => i > 0 && /^\p{Lu}/u.test(t.text))) return false;
  return words.some((t) => TIME_NOUN.test(t.text)) || TIME_CLOSER.test(tokens[c - 1].text);
}

/** An appositive closing an opening adverbial ("Led by Ana Ruiz, the mayor, …") is at most this many tokens. */
const MAX_OPENER_APPOSITIVE_TOKENS = 8;
// Prepositions after an opening past participle ("Led by the mayor, …", "Horrified at the news, …").
const PARTICIPLE_PREPOSITION = /^(by|at|with|in|from|about|over|to|for|after|on|into|of)$/;
// Conjunctions that open a subordinate clause before the main one ("While Sanders admitted that …, his
// campaign …"): a quote inside that clause belongs to the clause's own subject.
const SUBORDINATE_OPENER = /^(while|when|although|though|as|after|before|since|because|once|if|whereas)$/i;

/** The subject of the sentence the tokens start, skipping opening adverbials; must end before `limit`. */
function sentenceSubject(tokens: Token[], limit: number): [number, number] | null {
  let s = 0;
  // A dateline or heading ("FLINT, Mich., Oct. 4 (UPI) — Former President …") is not the subject.
  for (let k = 0; k < Math.min(limit, DATELINE_TOKENS); k++) if (/^[—–―]$/.test(tokens[k].text)) s = k + 1;
  while (s < limit && (tokens[s].text === QUOTE_PLACEHOLDER || !tokens[s].word || /^\p{Lu}{2,}$/u.test(tokens[s].text)))
    s++;
  for (let tries = 0; tries < MAX_INTRO_ADVERBIALS && s < limit; tries++) {
    let comma = -1;
    for (let k = s; k < limit; k++) {
      if (tokens[k].text === ',') {
        comma = k;
        break;
      }
    }
    if (comma < 0) break;
    // "In a statement, …" / "Hours later, …": an adverbial, unless it holds the subject itself.
    const first = tokens[s].text;
    // "Speaking in Salem, New Hampshire, Trump said …": the state after a town is still the adverbial.
    const place = s > 0 && isPlaceAfterComma(tokens, s - 1);
    // "On July 6, 2015, Sanders …": the year after a date's comma is still the adverbial.
    const year = /^\d{4}$/.test(first);
    // "Reprising one of her lines, Clinton …": an opening participle phrase.
    const participle = /^\p{L}+ing$/u.test(first) && tokens[s].word;
    // "Led by the mayor, the rally …" / "Horrified at the prospect, Ruiz …": an opening past participle.
    const past = /^\p{Lu}\p{Ll}*ed$/u.test(first) && PARTICIPLE_PREPOSITION.test(tokens[s + 1]?.text ?? '');
    // "Sunday morning, Clinton …": a day or a month opens a time adverbial ("May" is also a name).
    const opener =
      participle ||
      past ||
      isDayWord(first) ||
      isTimeAdverbial(tokens, s, comma) ||
      INTRO.has(first.toLowerCase()) ||
      /^\p{L}+ly$/u.test(first);
    if (!place && !year && !opener) break;
    s = comma + 1;
    // "Preceded by Joe Arpaio, the Arizona sheriff, Trump …": an appositive after the opener's
    // closing name still belongs to the opener.
    const named = /^\p{Lu}/u.test(tokens[comma - 1].text) && /^(the|a|an)$/i.test(tokens[s]?.text ?? '');
    const j = named ? appositiveEnd(tokens, s, s) : -1;
    if (j > 0 && j - s <= MAX_OPENER_APPOSITIVE_TOKENS && tokens[j]?.text === ',') s = j + 1;
  }
  // A subordinate clause the limit falls inside: its own subject, after the conjunction.
  if (s + 1 < limit && SUBORDINATE_OPENER.test(tokens[s].text)) s++;
  const r = readPhraseForward(tokens, s, MAX_NAME_PHRASE_TOKENS);
  return r && r[1] < limit ? r : null;
}

// Prepositions of place: "in Salem, New Hampshire", "from Raleigh, N.C.".
const PLACE_PREPOSITION = /^(in|at|from|near|outside|of)$/;

/**
 * Whether the comma at `c` sits inside a place name ("in Columbus, Ohio"): a capitalised word
 * after a preposition of place before it, a capitalised word after it.
 */
function isPlaceAfterComma(tokens: Token[], c: number): boolean {
  const before = nameRunBefore(tokens, c);
  const after = tokens[c + 1];
  if (!before || !after?.word || !/^\p{Lu}/u.test(after.text)) return false;
  // The state ends its phrase ("in Columbus, Ohio, said"); a name followed by its verb is the
  // subject after an adverbial ("Here in Columbia, Sanders stepped up …").
  let k = c + 1;
  while (k < tokens.length && k - c <= MAX_NAME_WORDS && isCapitalisedOrDot(tokens[k])) k++;
  if (k < tokens.length && tokens[k].word) return false;
  return PLACE_PREPOSITION.test(tokens[before[0] - 1]?.text ?? '');
}

/**
 * The subject before a place written with a comma ("a woman in Worcester, Massachusetts, told";
 * `state` is the range of "Massachusetts"): the noun phrase with its place, or, when that phrase is
 * itself an adverbial ("Clinton, at a meeting in Columbus, Ohio, said"), the sentence's subject.
 */
function placeSubject(text: string, tokens: Token[], state: [number, number]): ReturnType<typeof phrase> | null {
  const town = nameRunBefore(tokens, state[0] - 1)!;
  const head = readPhraseBackward(tokens, town[0] - 2);
  // The phrase must open a clause ("after a woman in …"), not follow a verb or a preposition.
  const before = head ? tokens[head[0] - 1] : undefined;
  const opensClause = !before || before.text === ',' || (isLowerWord(before) && CLAUSE_WORD_BREAK.test(before.text));
  if (head && opensClause && !pronounInfo(tokens[head[0]].text)) return phrase(text, tokens, [head[0], state[1]]);
  const r = sentenceSubject(tokens, state[0]);
  return r ? phrase(text, tokens, r) : null;
}

// A word of a place name: capitalised, or the dot of an abbreviation ("N.C.").
const isCapitalisedOrDot = (t: Token) => (t.word && /^\p{Lu}/u.test(t.text)) || t.text === '.';

/** Whether tokens r[0]..r[1] are all capitalised words: a name, with no role or description in it. */
function isNameRun(tokens: Token[], r: [number, number]): boolean {
  if (r[1] < r[0] || r[1] - r[0] >= MAX_NAME_WORDS) return false;
  for (let k = r[0]; k <= r[1]; k++) if (!tokens[k].word || !/^\p{Lu}/u.test(tokens[k].text)) return false;
  return !pronounInfo(tokens[r[0]].text);
}

function isNameLike(tokens: Token[], r: [number, number]): boolean {
  for (let k = r[0]; k <= r[1]; k++) if (tokens[k].word && /^\p{Lu}/u.test(tokens[k].text)) return true;
  return pronounInfo(tokens[r[0]].text) !== null;
}
