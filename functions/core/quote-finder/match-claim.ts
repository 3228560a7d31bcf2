/**
 * A claim against one document: the best span, how it compares, the passage around it (the
 * extracted quote it lies in, else its sentences), the sentences before and after, and who said it.
 */
import type { Claim } from './claim.ts';
import { compareClaim, type Comparison } from './compare-claim.ts';
import { findSpan, type Run, type Span } from './find-span.ts';
import type { QuoteRange, QuoteText, WordRange } from './quote-text.ts';
import type { Vocabulary } from './vocabulary.ts';

/** A piece of the document text with its offsets: `text === document.text.slice(start, end)`. */
export interface TextSpan {
  text: string;
  start: number;
  end: number;
}

/** The best place for a claim in one document. */
export interface QuoteMatch extends Comparison {
  documentId: string;
  /** The matched words as a word range of the prepared document. */
  span: Span;
  /** The words the claim aligns with. */
  match: TextSpan;
  /** The extracted quote holding the match (`quote`), or the sentences holding it (`narration`). */
  passage: TextSpan & { kind: 'quote' | 'narration' };
  /** The claim covers only part of the passage's words. */
  fragment: boolean;
  speaker: string | null;
  /** Where the speaker comes from: the quote itself, or the nearest attributed quote in the paragraph. */
  speakerSource: 'quote' | 'nearby' | null;
  /** The reporting verb of the quote, when the match is in one. */
  verb: string | null;
  before: TextSpan | null;
  after: TextSpan | null;
}

const slice = (text: QuoteText, start: number, end: number): TextSpan => ({
  text: text.document.text.slice(start, end),
  start,
  end,
});

/**
 * @example
 * ```ts
 * const match = matchClaim(prepareClaim('we will rebuild', vocabulary), prepared, vocabulary);
 * match?.verdict; // 'punctuation_or_case'
 * ```
 */
export function matchClaim(claim: Claim, text: QuoteText, vocabulary: Vocabulary, run?: Run | null): QuoteMatch | null {
  if (claim.words.length === 0) return null;
  const span = findSpan(claim, text, vocabulary, run);
  if (!span) return null;
  const comparison = compareClaim(claim, text, span, vocabulary);
  const start = text.starts[span.from];
  const end = text.ends[span.to - 1];

  const quote = coveringQuote(text.quotes, start, end);
  const first = text.sentences.findIndex((s) => s.end > start);
  let last = first;
  while (last + 1 < text.sentences.length && text.sentences[last + 1].start < end) last++;
  const passageRange: WordRange = quote ?? {
    start: text.sentences[first]?.start ?? start,
    end: text.sentences[last]?.end ?? end,
    from: text.sentences[first]?.from ?? span.from,
    to: text.sentences[last]?.to ?? span.to,
  };
  const before = text.sentences.findLast((s) => s.end <= passageRange.start);
  const after = text.sentences.find((s) => s.start >= passageRange.end);
  const speaker = speakerOf(text, quote, first, start);

  return {
    documentId: text.document.id,
    span,
    ...comparison,
    match: slice(text, start, end),
    passage: { ...slice(text, passageRange.start, passageRange.end), kind: quote ? 'quote' : 'narration' },
    fragment: passageRange.to - passageRange.from > span.to - span.from,
    ...speaker,
    verb: quote?.quote.verb ?? null,
    before: before ? slice(text, before.start, before.end) : null,
    after: after ? slice(text, after.start, after.end) : null,
  };
}

/** The extracted quote holding at least half of the match's characters, if any. */
function coveringQuote(quotes: QuoteRange[], start: number, end: number): QuoteRange | null {
  let best: QuoteRange | null = null;
  let bestOverlap = 0;
  for (const q of quotes) {
    const overlap = Math.min(q.end, end) - Math.max(q.start, start);
    if (overlap > bestOverlap) {
      best = q;
      bestOverlap = overlap;
    }
  }
  return best && bestOverlap * 2 >= end - start ? best : null;
}

/** The covering quote's speaker, else the attributed speech quote nearest to the match in its paragraph. */
function speakerOf(
  text: QuoteText,
  quote: QuoteRange | null,
  sentence: number,
  at: number,
): Pick<QuoteMatch, 'speaker' | 'speakerSource'> {
  if (quote?.quote.speaker) return { speaker: quote.quote.speaker, speakerSource: 'quote' };
  if (sentence < 0) return { speaker: null, speakerSource: null };
  const paragraph = text.sentenceParagraph[sentence];
  let from = sentence;
  let to = sentence;
  while (from > 0 && text.sentenceParagraph[from - 1] === paragraph) from--;
  while (to + 1 < text.sentences.length && text.sentenceParagraph[to + 1] === paragraph) to++;
  const lo = text.sentences[from].start;
  const hi = text.sentences[to].end;
  let nearest: QuoteRange | null = null;
  for (const q of text.quotes) {
    if (q.end <= lo || q.start >= hi || !q.quote.speaker || q.quote.kind !== 'speech') continue;
    if (!nearest || Math.abs(q.start - at) < Math.abs(nearest.start - at)) nearest = q;
  }
  return nearest ? { speaker: nearest.quote.speaker, speakerSource: 'nearby' } : { speaker: null, speakerSource: null };
}
