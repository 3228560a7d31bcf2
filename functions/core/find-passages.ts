/**
 * Passages: the sentences of a document where a query matched, with the matched words marked, as
 * offsets into the document text so a page can mark them in the full source text too.
 */
import type { ArchivedDocument, Paragraph, Quote } from './document.ts';
import type { ParsedQuery } from './parse-query.ts';
import { formsOf, isFormOf } from './search/word-stems.ts';
import { findPhrase, foldTerm, tokenize, wordMatches, type Token } from './text-tokens.ts';
import { tokensOf } from './text-tokens-of.ts';

/** A matched sentence: `text === document.text.slice(start, end)`; highlights are document offsets. */
export interface Passage {
  text: string;
  start: number;
  end: number;
  highlights: Array<[number, number]>;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Sentences of one paragraph as `[start, end]` document offsets, trailing space trimmed. */
function sentences(text: string, paragraph: Paragraph): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const { segment, index } of segmenter.segment(text.slice(paragraph.start, paragraph.end))) {
    const start = paragraph.start + index;
    const end = start + segment.trimEnd().length;
    if (end > start) spans.push([start, end]);
  }
  return spans;
}

/**
 * A test for the words a query's terms match in a text, as search matched them: a plain term in
 * any of its forms (and as a prefix), an exact term only as written.
 */
function termMatcher(query: ParsedQuery): (word: string) => boolean {
  const forms = query.terms.map(formsOf);
  return (word) => query.exact.includes(word) || query.terms.some((term, i) => wordMatches(word, term) || isFormOf(word, forms[i]));
}

/**
 * Every span of the text the query matches: phrase occurrences and words matching a term.
 *
 * @example
 * ```ts
 * matchSpans(tokenize('A strong protest.'), parseQuery('"strong protest"')); // [[2, 16]]
 * ```
 */
export function matchSpans(tokens: Token[], query: ParsedQuery): Array<[number, number]> {
  const spans: Array<[number, number]> = query.phrases.flatMap((phrase) => findPhrase(tokens, phrase));
  const matches = termMatcher(query);
  for (const token of tokens) {
    if (matches(token.folded)) spans.push([token.start, token.end]);
  }
  return spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
}

/**
 * The best `max` sentences for a query, in document order. A sentence scores by how many of the
 * query's distinct terms and phrases it contains, so the sentence that has them all wins over one
 * that repeats a single word.
 *
 * @example
 * ```ts
 * findPassages(document, parseQuery('embassy protest'))[0];
 * // { text: 'Azerbaijan files protest …', start: 120, end: 212, highlights: [[137, 144], …] }
 * ```
 */
export function findPassages(document: Pick<ArchivedDocument, 'text' | 'paragraphs'>, query: ParsedQuery, max = 3): Passage[] {
  const spans = matchSpans(tokensOf(document), query);
  if (spans.length === 0) return [];
  const scored: Array<{ passage: Passage; score: number }> = [];
  let cursor = 0;
  for (const paragraph of document.paragraphs) {
    // Sentence segmentation is the costly part: only paragraphs with a match are segmented.
    while (cursor < spans.length && spans[cursor][1] <= paragraph.start) cursor++;
    if (cursor >= spans.length || spans[cursor][0] >= paragraph.end) continue;
    for (const [start, end] of sentences(document.text, paragraph)) {
      while (cursor < spans.length && spans[cursor][1] <= start) cursor++;
      const highlights: Array<[number, number]> = [];
      for (let i = cursor; i < spans.length && spans[i][0] < end; i++) {
        if (spans[i][0] >= start && spans[i][1] <= end) highlights.push(spans[i]);
      }
      if (highlights.length === 0) continue;
      const distinct = new Set(highlights.map(([s, e]) => document.text.slice(s, e).toLowerCase()));
      scored.push({ passage: { text: document.text.slice(start, end), start, end, highlights }, score: distinct.size });
    }
  }
  return scored
    .sort((a, b) => b.score - a.score || a.passage.start - b.passage.start)
    .slice(0, max)
    .map((s) => s.passage)
    .sort((a, b) => a.start - b.start);
}

/**
 * The document's quotes that the query matches: every phrase inside the quote, or — for a query
 * without phrases — any of its terms; with `speaker:`, only that speaker's quotes.
 *
 * @example
 * ```ts
 * matchingQuotes(document.quotes, parseQuery('unacceptable attacks'));
 * ```
 */
export function matchingQuotes(quotes: Quote[], query: ParsedQuery): Quote[] {
  const matches = termMatcher(query);
  return quotes.filter((quote) => {
    // Folded like the index, so `speaker:Jose` finds José's quotes here as it finds his documents.
    if (query.speaker && !foldTerm(quote.speaker ?? '').includes(foldTerm(query.speaker))) return false;
    const tokens = tokenize(quote.text);
    if (query.phrases.length > 0) return query.phrases.every((phrase) => findPhrase(tokens, phrase).length > 0);
    if (query.terms.length === 0 && query.exact.length === 0) return Boolean(query.speaker);
    return tokens.some((t) => matches(t.folded));
  });
}
