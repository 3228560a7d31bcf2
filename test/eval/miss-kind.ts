/**
 * The kind of one wrong named speaker, in the terms of the stop-25 error analysis (issue 11):
 * first the misses that are the gold standard's or the scorer's (the right phrase found but not
 * counted, a verb as the gold source), then where the real speaker stands and what went wrong.
 * Used by classify-quote-errors.ts (`kind:…` lines); never run on the test split.
 */
import type { Quote } from '../../functions/core/document.ts';
import { isPronoun } from '../../functions/core/quotes/pronouns.ts';
import { isReportingVerb } from '../../functions/core/quotes/reporting-verbs.ts';
import { isDocumentSource } from './reader-error-class.ts';

/** What missKind needs to know about one miss; offsets are UTF-16 indices into `text`. */
export interface Miss {
  text: string;
  quote: { start: number; end: number };
  speakerSpans: number[][];
  gold: string;
  cue: string | null;
  predicted: Quote;
  quotes: Quote[];
  /** Where the gold source stands (classify-quote-errors.ts's place()). */
  where: string;
}

/** How far from the quote a predicted mention is looked for in the text. */
const NEAR = 400;

/** The predicted mention, as written, overlaps a gold source span: the phrase is right, the count is not. */
function mentionOnGoldSpan(m: Miss): boolean {
  const mention = m.predicted.mention;
  if (!mention) return false;
  const from = Math.max(0, m.quote.start - NEAR);
  const to = Math.min(m.text.length, m.quote.end + NEAR);
  for (let at = m.text.indexOf(mention, from); at >= 0 && at < to; at = m.text.indexOf(mention, at + 1))
    if (m.speakerSpans.some(([s, e]) => at < e && s < at + mention.length)) return true;
  return false;
}

/** The kind of the miss, as a short label. */
export function missKind(m: Miss): string {
  const g = m.gold.trim();
  if (/^(said|says|say|told|added|wrote|asked)\b/i.test(g) || g.length < 3) return 'gold: the source is a verb';
  if (mentionOnGoldSpan(m)) return 'gold: the predicted mention is on the gold span (scorer asks for another token)';
  const cue = (m.cue ?? '').toLowerCase();
  if (/according/.test(cue)) return 'according to';
  const nested = m.quotes.some((q) => q !== m.predicted && q.start < m.quote.start && m.quote.end <= q.end);
  if (nested) return 'nested quote';
  const mention = m.predicted.mention;
  if (mention && isPronoun(mention)) return 'pronoun: wrong antecedent';
  if (m.where === 'previous-paragraph') return 'speaker in an earlier paragraph';
  if (m.where === 'before-other-sentence') return 'speaker in an earlier sentence';
  if (m.where.startsWith('after-other') || m.where === 'next-paragraph') return 'speaker in a later sentence';
  if (m.where === 'inside-quote') return 'speaker named inside another quote';
  if (isDocumentSource(g)) return 'a document or utterance as the source';
  const speech = cue.split(/\s+/).some((w) => isReportingVerb(w.replace(/[^\p{L}]/gu, '')));
  const words = m.predicted.text.trim().split(/\s+/).length;
  if (!speech && words <= 4) return 'a term or scare quote credited through a non-reporting cue';
  if (!speech) return 'same sentence, non-reporting cue (a verb or noun the reader does not know)';
  return mention === null
    ? 'same sentence, reporting cue, no speaker found'
    : 'same sentence, reporting cue, another phrase taken as speaker';
}
