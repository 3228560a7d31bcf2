/**
 * A document prepared for quote finding: its words as interned ids with offsets, its sentences
 * and its extracted quotes as word ranges. Built once per document and cached by the caller —
 * documents never change under an id, so the preparation never goes stale.
 */
// The index words of text/tokenize.ts, as claims and the index see them ("don’t" is don + t on every side),
// without folding each one: the vocabulary folds once per spelling.
import { WORD } from '../text/tokenize.ts';
import type { ArchivedDocument, Quote } from '../document.ts';
import type { Vocabulary } from './vocabulary.ts';
import { sentenceSpans } from '../text/split-sentences.ts';

/** A character span of the text and the word range `[from, to)` it covers. */
export interface WordRange {
  start: number;
  end: number;
  from: number;
  to: number;
}

/** An extracted quote with the word range it covers. */
export interface QuoteRange extends WordRange {
  quote: Quote;
}

/** What the quote finder keeps per document (a few bytes per word beyond the text itself). */
export interface QuoteText {
  document: Omit<ArchivedDocument, 'paragraphs' | 'quotes'>;
  /** Word `i` is `text.slice(starts[i], ends[i])`. */
  starts: Int32Array;
  ends: Int32Array;
  forms: Int32Array;
  keys: Int32Array;
  sentences: WordRange[];
  quotes: QuoteRange[];
  /** Paragraph index of each sentence, so "nearby" attribution stays in the paragraph. */
  sentenceParagraph: Int32Array;
}

/** First word index whose start is >= `offset` (binary search). */
export function wordAt(starts: Int32Array, offset: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * @example
 * ```ts
 * const prepared = prepareQuoteText(document, vocabulary);
 * prepared.sentences[0]; // { start: 0, end: 104, from: 0, to: 19 }
 * ```
 */
export function prepareQuoteText(document: ArchivedDocument, vocabulary: Vocabulary): QuoteText {
  const { paragraphs, quotes, ...rest } = document;
  const words = [...document.text.matchAll(WORD)];
  const starts = new Int32Array(words.length);
  const ends = new Int32Array(words.length);
  const forms = new Int32Array(words.length);
  const keys = new Int32Array(words.length);
  words.forEach((word, i) => {
    const ids = vocabulary.word(word[0]);
    starts[i] = word.index;
    ends[i] = word.index + word[0].length;
    forms[i] = ids.form;
    keys[i] = ids.key;
  });
  const range = (start: number, end: number): WordRange => ({
    start,
    end,
    from: wordAt(starts, start),
    to: wordAt(starts, end),
  });

  const sentences: WordRange[] = [];
  const sentenceParagraph: number[] = [];
  const blocks = paragraphs.length > 0 ? paragraphs : [{ start: 0, end: document.text.length }];
  blocks.forEach((paragraph, p) => {
    // Linear however long the paragraph (a whole-paragraph Intl.Segmenter is quadratic).
    for (const [start, end] of sentenceSpans(document.text, paragraph.start, paragraph.end)) {
      sentences.push(range(start, end));
      sentenceParagraph.push(p);
    }
  });
  return {
    document: rest,
    starts,
    ends,
    forms,
    keys,
    sentences,
    quotes: quotes.map((quote) => ({ quote, ...range(quote.start, quote.end) })),
    sentenceParagraph: Int32Array.from(sentenceParagraph),
  };
}
