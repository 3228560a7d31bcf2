import type { Paragraph, Quote } from '../document.ts';
import { classifyQuoteKind } from './classify-quote-kind.ts';
import { countWords } from '../text/count-words.ts';
import {
  findAttributionAfter,
  findAttributionBefore,
  findAttributionInPreviousLine,
  findAttributionInPreviousSentence,
  findSentenceSubject,
  type Attribution,
} from './find-attribution.ts';
import { checkSpeakerPhrase } from './check-speaker-phrase.ts';
import { findQuoteSpans } from './find-quote-spans.ts';
import { findAttributionAtSentenceEnd } from './find-sentence-final-attribution.ts';
import { findSignatureLine } from './find-signature-line.ts';
import { findSocialPosts } from './find-social-posts.ts';
import { isTitleOfWork } from './is-title-of-work.ts';
import type { QuoteSpan } from './quote-span.ts';
import { resolveSpeakers } from './resolve-speakers.ts';
import { findSentenceStart } from './sentence-bounds.ts';
import { isPronoun, pronounInfo } from './pronouns.ts';

/** Quotes this long or longer may borrow a neighbour's speaker; shorter ones are likely terms. */
const MIN_INHERIT_WORDS = 5;
/** How far (characters) a short quote may sit from its attribution and still count as speech. */
const MAX_TERM_VERB_DISTANCE = 100;
/**
 * A quote far from its verb is a term (a label such as “Kinzhal”) when it has at most this many
 * words: reported words of more are speech even inside a long sentence.
 */
const MAX_TERM_WORDS = 4;
/** A transcript's speaker label ("WALLACE: …") is looked for in this many opening characters. */
const TRANSCRIPT_LABEL_CHARS = 40;

/** Told of each phrase read as a speaker and refused as a clause fragment (for measuring the rules). */
export type RefusedSpeakerListener = (mention: string, reason: string) => void;

/** Options of {@link extractQuotes}. */
export interface ExtractOptions {
  onRefusedSpeaker?: RefusedSpeakerListener;
}

interface Found {
  span: QuoteSpan;
  attribution: Attribution | null;
  /** Where a borrowed attribution came from, for quotes that have none of their own. */
  inherited: Attribution | null;
  standalone: boolean;
}

/**
 * Finds the direct quotations in a normalised article and attributes them.
 *
 * Works in one pass over the text for the marks, then a bounded window around each quote, so
 * the cost is linear in the article's length.
 *
 * @example
 * ```ts
 * const text = '“We will rebuild,” Mayor Ana Ruiz said.';
 * extractQuotes(text, [{ start: 0, end: text.length }]);
 * // [{ text: 'We will rebuild,', start: 1, end: 17, speaker: 'Ana Ruiz', mention: 'Mayor Ana Ruiz', verb: 'said', kind: 'speech' }]
 * ```
 */
export function extractQuotes(text: string, paragraphs: Paragraph[], options: ExtractOptions = {}): Quote[] {
  const accept = (a: Attribution | null) => speakerOrNull(a, options.onRefusedSpeaker);
  const posts = findSocialPosts(text);
  let spans = findQuoteSpans(text, paragraphs);
  if (posts.length > 0) {
    // Quote marks inside an embedded post are the poster's own; the post is the quote.
    spans = spans.filter((s) => !posts.some((p) => s.open < p.end && (s.close ?? s.end) >= p.start));
  }

  // Group spans by line so attribution sees only its neighbours.
  const byLine = new Map<number, QuoteSpan[]>();
  for (const s of spans) {
    const list = byLine.get(s.line);
    if (list) list.push(s);
    else byLine.set(s.line, [s]);
  }

  const found: Found[] = spans.map((span) => {
    const ctx = { text, lineSpans: byLine.get(span.line)! };
    const attribution = transcriptSpeaker(text, span) ?? ownAttribution(ctx, span, accept);
    return { span, attribution, inherited: null, standalone: isStandalone(text, span) };
  });

  shareAcrossParagraphs(text, found);
  inheritWithinLine(text, found);
  for (const f of found) {
    if (f.attribution || f.inherited) continue;
    const ctx = { text, lineSpans: byLine.get(f.span.line)! };
    const long = countWords(text.slice(f.span.start, f.span.end)) >= MIN_INHERIT_WORDS;
    f.inherited =
      (long || f.standalone ? accept(findAttributionInPreviousSentence(ctx, f.span)) : null) ??
      accept(findSentenceSubject(ctx, f.span));
  }
  inheritFromPreviousLine(text, found);
  for (const f of found) {
    if (f.attribution || (f.inherited && f.inherited.side !== 'subject')) continue;
    const long = countWords(text.slice(f.span.start, f.span.end)) >= MIN_INHERIT_WORDS;
    const narrated =
      long || f.standalone
        ? accept(findAttributionInPreviousLine({ text, lineSpans: byLine.get(f.span.line)! }, f.span))
        : null;
    if (narrated) f.inherited = narrated;
  }
  // The quote lines after a newly credited one continue its speaker.
  inheritFromPreviousLine(text, found);

  const quoted = spans.map((s) => ({ start: s.open, end: s.close ?? s.lineEnd }));
  const requests = found.map((f) => {
    const a = f.attribution ?? f.inherited;
    const r =
      a && groupAntecedent(a, () => accept(findSentenceSubject({ text, lineSpans: byLine.get(f.span.line)! }, f.span)));
    return r ?? { mention: a?.mention ?? null, at: a ? a.mentionStart : f.span.start };
  });
  const speakers = resolveSpeakers(text, requests, quoted);

  const quotes: Quote[] = found.map((f, i) => {
    const a = f.attribution ?? f.inherited;
    const words = text.slice(f.span.start, f.span.end);
    // A short span far from the verb of its sentence ("It recalled … a January 2 “Kinzhal” strike")
    // is a label inside the reported content, not the words reported.
    const distant = a !== null && a.side === 'before' && f.span.open - a.mentionEnd > MAX_TERM_VERB_DISTANCE;
    const term = distant && countWords(words) <= MAX_TERM_WORDS && !f.standalone;
    // A capitalised name among them is a term with no speaker: nobody is on record as saying
    // "Kinzhal". PolNeAR does credit lower-case scare quotes in reported content to the source.
    const label = term && /^\p{Lu}[\p{L}\p{N}-]*(\s+\p{Lu}[\p{L}\p{N}-]*)*$/u.test(words.trim());
    // The title of a programme or a work ("told MSNBC’s “Morning Joe”") is not reported words but a
    // term inside them: it keeps the sentence's speaker, whose report it is part of.
    const title = isTitleOfWork(text, f.span);
    const attributed = a !== null && a.side !== 'subject' && !term;
    return {
      text: words,
      start: f.span.start,
      end: f.span.end,
      speaker: label ? null : speakers[i],
      mention: label ? null : (a?.mention ?? null),
      verb: label ? null : (a?.verb ?? null),
      kind: title ? 'term' : classifyQuoteKind(words, { attributed, standalone: f.standalone }),
    };
  });
  for (const p of posts) {
    quotes.push({
      text: text.slice(p.start, p.end),
      start: p.start,
      end: p.end,
      speaker: p.author,
      mention: p.author,
      verb: 'posted',
      kind: 'speech',
    });
  }
  return quotes.sort((a, b) => a.start - b.start);
}

/**
 * The attribution with its mention checked as a speaker (see checkSpeakerPhrase): a leading
 * conjunction dropped, or null when the phrase is a clause fragment, so the next way of finding
 * the speaker gets its turn.
 */
function speakerOrNull(a: Attribution | null, onRefused?: RefusedSpeakerListener): Attribution | null {
  if (!a) return null;
  const verdict = checkSpeakerPhrase(a.mention);
  if (!verdict.ok) {
    onRefused?.(a.mention, verdict.reason);
    return null;
  }
  if (verdict.start === 0 && verdict.end === a.mention.length) return a;
  const mention = a.mention.slice(verdict.start, verdict.end);
  return { ...a, mention, mentionStart: a.mentionStart + verdict.start, mentionEnd: a.mentionStart + verdict.end };
}

/**
 * "The Security Council … condemned the test, which it called “…”": an "it" or "they" inside the
 * sentence whose subject is a group stands for that subject, not for the last group named earlier.
 */
function groupAntecedent(a: Attribution, subjectOf: () => Attribution | null): { mention: string; at: number } | null {
  const p = pronounInfo(a.mention);
  if (!p || p.person || p.relative || a.side !== 'before') return null;
  // Only now: finding the subject and checking it as a speaker phrase may need a tagging pass.
  const subject = subjectOf();
  if (!subject) return null;
  if (subject.mentionStart >= a.mentionStart || isPronoun(subject.mention)) return null;
  return { mention: subject.mention, at: subject.mentionStart };
}

// "WALLACE: Let’s start…" — a transcript turn names its speaker in capitals before a colon.
const TRANSCRIPT_LABEL = /^([A-Z][A-Z.'’\- ]{1,30}[A-Z]):\s/;

/** The speaker label that opens a quoted transcript turn, as an attribution. */
function transcriptSpeaker(text: string, span: QuoteSpan): Attribution | null {
  const m = TRANSCRIPT_LABEL.exec(text.slice(span.start, span.start + TRANSCRIPT_LABEL_CHARS));
  if (!m) return null;
  // Title-case it so the surname lookup can find "Chris Wallace" from "WALLACE".
  const label = m[1].toLowerCase().replace(/(^|[\s\-'’])\p{L}/gu, (c) => c.toUpperCase());
  return { mention: label, mentionStart: span.start, mentionEnd: span.start + m[1].length, verb: null, side: 'before' };
}

/**
 * The attribution a quote has of its own, found around it: right after it, at the end of its
 * sentence, earlier in its sentence, or on a signature line, in that order, except that a quote
 * closing a sentence begun before it keeps that sentence's verb (ownSentenceFirst).
 */
function ownAttribution(
  ctx: { text: string; lineSpans: QuoteSpan[] },
  span: QuoteSpan,
  accept: (a: Attribution | null) => Attribution | null,
): Attribution | null {
  const { text } = ctx;
  // Read at most once: ownSentenceFirst may ask for it before its turn.
  let before: Attribution | null | undefined;
  const readBefore = () => (before === undefined ? (before = accept(findAttributionBefore(ctx, span))) : before);
  const after = accept(findAttributionAfter(ctx, span));
  if (after) return ownSentenceFirst(text, span, readBefore) ?? after;
  return accept(findAttributionAtSentenceEnd(ctx, span)) ?? readBefore() ?? accept(findSignatureLine(text, span));
}

/**
 * "Sanders called the suspension “arbitrary.” Josh Hendler … warned …": a quote that closes a
 * sentence begun before it is the words of that sentence's reporting verb; the next sentence
 * starts after the closing mark, so its subject and verb are not an attribution after the quote.
 * Only then is the attribution before the quote looked for first (with a reporting verb, not the
 * colon-line or subject guesses); everywhere else the order stays after, then before.
 */
function ownSentenceFirst(text: string, span: QuoteSpan, before: () => Attribution | null): Attribution | null {
  if (span.close === null || !/[.…]/.test(text[span.end - 1] ?? '')) return null;
  const sentenceStart = findSentenceStart(text, span.open, span.lineStart);
  if (/^\s*$/.test(text.slice(sentenceStart, span.open))) return null;
  const a = before();
  return a && a.side === 'before' && a.verb !== null && a.mentionStart >= sentenceStart ? a : null;
}

/** A quote that is a sentence by itself: nothing but sentence ends before it in its line. */
function isStandalone(text: string, span: QuoteSpan): boolean {
  let p = span.open - 1;
  while (p >= span.lineStart && /\s/.test(text[p])) p--;
  const startsSentence = p < span.lineStart || /[.!?:”"]/.test(text[p]);
  return (
    startsSentence && /[.!?]$/.test(text.slice(span.end - 1, span.end)) && /^[\p{Lu}\p{N}]/u.test(text[span.start])
  );
}

/**
 * Multi-paragraph quotes: an unclosed quote followed by a line that opens with a quote mark is
 * one speech. Its speaker is named after the last piece or before the first.
 */
function shareAcrossParagraphs(text: string, found: Found[]): void {
  let i = 0;
  while (i < found.length) {
    let j = i;
    while (
      j + 1 < found.length &&
      found[j].span.close === null &&
      found[j + 1].span.line === found[j].span.line + 1 &&
      /^\s*$/.test(text.slice(found[j + 1].span.lineStart, found[j + 1].span.open))
    )
      j++;
    if (j > i) {
      // Pieces take the attribution of the nearest earlier piece that has one (a transcript
      // switches speakers piece by piece), else the one named after the last piece.
      const fallback = found[j].attribution ?? found.slice(i, j + 1).find((f) => f.attribution)?.attribution ?? null;
      let current: Attribution | null = null;
      for (let k = i; k <= j; k++) {
        if (found[k].attribution) current = found[k].attribution;
        else found[k].inherited = current ?? fallback;
      }
    }
    i = j + 1;
  }
}

/**
 * A quote with no attribution of its own in a line where another quote has one is, in news
 * style, the same speaker continuing ("“…,” Potter said. “…”"). Short spans are left alone:
 * they are more often scare quotes than speech.
 */
function inheritWithinLine(text: string, found: Found[]): void {
  for (let i = 0; i < found.length; i++) {
    const f = found[i];
    if (f.attribution || f.inherited) continue;
    if (countWords(text.slice(f.span.start, f.span.end)) < MIN_INHERIT_WORDS && !f.standalone) continue;
    const prev = i > 0 && found[i - 1].span.line === f.span.line ? found[i - 1] : null;
    const next = i + 1 < found.length && found[i + 1].span.line === f.span.line ? found[i + 1] : null;
    f.inherited =
      prev?.attribution ?? prev?.inherited ?? (next?.attribution?.side === 'after' ? next.attribution : null);
  }
}

/**
 * A line that is nothing but an unattributed quote continues the speaker of the quote line before
 * it ("“…,” Collins told MSNBC.\n\n“So the best way…”"), the way news paragraphs run on.
 */
function inheritFromPreviousLine(text: string, found: Found[]): void {
  for (let i = 1; i < found.length; i++) {
    const f = found[i];
    if (f.attribution || (f.inherited && f.inherited.side !== 'subject')) continue;
    const prev = found[i - 1];
    if (prev.span.line !== f.span.line - 1) continue;
    if (!/^\s*$/.test(text.slice(f.span.lineStart, f.span.open))) continue;
    if (countWords(text.slice(f.span.start, f.span.end)) < MIN_INHERIT_WORDS && !f.standalone) continue;
    const a = prev.attribution ?? (prev.inherited?.side !== 'subject' ? prev.inherited : null);
    if (a) f.inherited = a;
  }
}
