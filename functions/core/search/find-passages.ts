/**
 * Passages: the sentences of a document where a query matched, with the matched words marked, as
 * offsets into the document text so a page can mark them in the full source text too.
 */
import type { ArchivedDocument, Paragraph, Quote } from '../document.ts';
import type { ParsedQuery } from './parse-query.ts';
import { formsOf, isFormOf } from './word-stems.ts';
import { asciiWordAround, foldKeepsOffsets, foldTerm, tokenize, type Token } from '../text/tokenize.ts';
import { findPhrase, matchedCore, wordMatches } from './match-words.ts';
import { SENTENCE_CHUNK_CHARS, sentenceFinder, sentenceSpans } from '../text/split-sentences.ts';

/** A matched sentence: `text === document.text.slice(start, end)`; highlights are document offsets. */
export interface Passage {
  text: string;
  start: number;
  end: number;
  highlights: Array<[number, number]>;
}

/**
 * How much text one document's passages may examine per query. Past this the document still
 * matches (the index found it); it only shows no passage from further on. 100 K characters
 * (about 50 pages) take tens of milliseconds here; a 10 MB upload would otherwise take seconds.
 */
export const PASSAGE_SCAN_CHARS = 100_000;

/** How many of a document's quotes are checked against a query (articles have tens). */
export const QUOTE_SCAN_COUNT = 1_000;

/** A stretch of text tokenised at once: a paragraph, or a run of sentences of a long one. */
interface Unit {
  start: number;
  end: number;
  /** Known when a long paragraph was already segmented to make the unit. */
  sentences?: Array<[number, number]>;
}

/** What passages read of a document: its text, its paragraphs, and their sentences when stored. */
export type PassageSource = Pick<ArchivedDocument, 'text' | 'paragraphs'> & {
  /** In order, as `sentenceSpans` gives them paragraph by paragraph (see stored-text.ts). */
  sentences?: ReadonlyArray<[number, number]>;
};

/** The index of the first of `sentences` (in order) that ends after `at`: a binary search, as there can be thousands. */
function firstEndingAfter(sentences: ReadonlyArray<[number, number]>, at: number): number {
  let low = 0;
  let high = sentences.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sentences[middle][1] <= at) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The one of `sentences` (in order) that holds `at`, or null. */
function sentenceHolding(sentences: ReadonlyArray<[number, number]>, at: number): [number, number] | null {
  const sentence = sentences[firstEndingAfter(sentences, at)];
  return sentence && sentence[0] <= at ? sentence : null;
}

/** The ones of `sentences` (in order) from the one holding or following `from` up to `to`. */
function* sentencesWithin(sentences: ReadonlyArray<[number, number]>, from: number, to: number) {
  for (let i = firstEndingAfter(sentences, from); i < sentences.length && sentences[i][0] < to; i++) yield sentences[i];
}

/** A paragraph as one unit, or a long one as runs of whole sentences of about a chunk each. */
function* unitsOf(text: string, paragraph: Paragraph, sentences?: ReadonlyArray<[number, number]>): Generator<Unit> {
  if (paragraph.end - paragraph.start <= SENTENCE_CHUNK_CHARS) {
    yield paragraph;
    return;
  }
  let run: Array<[number, number]> = [];
  const all = sentences
    ? sentencesWithin(sentences, paragraph.start, paragraph.end)
    : sentenceSpans(text, paragraph.start, paragraph.end);
  for (const sentence of all) {
    run.push(sentence);
    if (sentence[1] - run[0][0] >= SENTENCE_CHUNK_CHARS) {
      yield { start: run[0][0], end: sentence[1], sentences: run };
      run = [];
    }
  }
  if (run.length > 0) yield { start: run[0][0], end: run[run.length - 1][1], sentences: run };
}

/** A sentence of a unit with the query's matches inside it, in order. */
interface MatchedSentence {
  start: number;
  end: number;
  highlights: Array<[number, number]>;
}

/**
 * The sentences of one unit that hold a match, in order. Tokenising and segmenting are most of a
 * passage's cost, so both are spent only where a match can be: a unit whose folded text holds no
 * needle is skipped whole; a sentence is looked up around a match (in the stored sentences, the
 * unit's own, or else by asking the segmenter for the sentence around it) rather than segmenting
 * the unit; and in a unit whose folding keeps its offsets (ASCII, curly quotes) only the text at a
 * needle's occurrences is tokenised. Words never straddle a sentence break (breaks follow
 * punctuation or space), so a sentence's own tokens give the matches the unit's tokens give
 * inside it, phrases included.
 */
function* matchedSentences(
  text: string,
  unit: Unit,
  query: ParsedQuery,
  { needles, anyNeedle, matches }: QueryTests,
  sentences: ReadonlyArray<[number, number]> | undefined,
): Generator<MatchedSentence> {
  const unitText = text.slice(unit.start, unit.end);
  const keepsOffsets = foldKeepsOffsets(unitText);
  // A unit holding none of the query's needles is skipped (a query with no needles at all holds
  // none). Where folding only lowercases, the needles are looked for case-blind in the text as it
  // is, and only a unit holding one is lowercased: most scanned units hold none, and lowercasing
  // each of them was a copy of every paragraph a page scanned.
  let folded = '';
  if (needles && keepsOffsets) {
    if (!anyNeedle?.test(unitText)) return;
    folded = unitText.toLowerCase();
  } else if (needles) {
    folded = foldTerm(unitText);
    if (!hasNeedle(folded, needles)) return;
  }
  // Made on first use: a unit whose needles all sit in words that do not match needs none.
  let finder: ((at: number) => [number, number]) | undefined;
  const segmented = (at: number) => (finder ??= sentenceFinder(text, unit.start, unit.end))(at);
  const around = (at: number): [number, number] =>
    (sentences && sentenceHolding(sentences, at)) ||
    (unit.sentences && sentenceHolding(unit.sentences, at)) ||
    segmented(at);
  if (needles && keepsOffsets) {
    if (query.phrases.length === 0) {
      yield* wordsAtNeedles(text, unit, occurrences(folded, needles), matches, around);
      return;
    }
    const at = occurrences(folded, needles).map((offset) => unit.start + offset);
    for (const [start, end] of sentencesAt(at, around)) {
      // A sentence longer than a chunk is cut, at a space if it can be: a word cut in two is
      // not a word of either half (the unit's tokens have it whole).
      const highlights = matchSpans(tokenize(text.slice(start, end), start), query, matches).filter(
        ([s, e]) => !(s === start && cutsWord(text, s)) && !(e === end && cutsWord(text, e)),
      );
      if (highlights.length > 0) yield { start, end, highlights };
    }
    return;
  }
  // Tokens per unit, not per document: a search never tokenises more than it scans.
  const spans = matchSpans(tokenize(unitText, unit.start), query, matches);
  if (spans.length === 0) return;
  let cursor = 0;
  for (const [start, end] of sentencesAt(
    spans.map(([start]) => start),
    around,
  )) {
    while (cursor < spans.length && spans[cursor][1] <= start) cursor++;
    const highlights: Array<[number, number]> = [];
    for (let i = cursor; i < spans.length && spans[i][0] < end; i++) {
      if (spans[i][0] >= start && spans[i][1] <= end) highlights.push(spans[i]);
    }
    if (highlights.length > 0) yield { start, end, highlights };
  }
}

/**
 * Without phrases a query highlights single words, and every word it can highlight holds a
 * needle: so only the words where a needle occurs are tested, and only the sentences of the words
 * that match are asked of the segmenter. `at` are unit offsets, in order, into a
 * unit whose folding keeps its offsets.
 */
function* wordsAtNeedles(
  text: string,
  unit: Unit,
  at: number[],
  matches: (word: string) => boolean,
  around: (at: number) => [number, number],
): Generator<MatchedSentence> {
  let sentence: MatchedSentence | null = null;
  let lastWord = -1;
  for (const offset of at) {
    const word = asciiWordAround(text, unit.start + offset);
    // Several needles can occur in one word ("protest" in "protesters" and its forms' prefix).
    if (!word || word[0] === lastWord) continue;
    lastWord = word[0];
    // A word running past the unit was cut with its sentence (see sentenceSpans): no word of either part.
    if (word[0] < unit.start || word[1] > unit.end) continue;
    if (!matches(text.slice(word[0], word[1]).toLowerCase())) continue;
    if (!sentence || word[0] >= sentence.end) {
      if (sentence && sentence.highlights.length > 0) yield sentence;
      const [start, end] = around(word[0]);
      sentence = { start, end, highlights: [] };
    }
    // Only a word cut in two by a sentence cut (see sentenceSpans) crosses its sentence's edge.
    if (word[0] >= sentence.start && word[1] <= sentence.end) sentence.highlights.push(word);
  }
  if (sentence && sentence.highlights.length > 0) yield sentence;
}

/** Whether offset `at` falls inside a word of a text whose folding keeps its offsets. */
function cutsWord(text: string, at: number): boolean {
  return at > 0 && asciiWordAround(text, at - 1) !== null && asciiWordAround(text, at) !== null;
}

/** Whether folded text holds any of the needles. */
const hasNeedle = (folded: string, needles: string[]) => needles.some((needle) => folded.includes(needle));

/** Every offset where a needle occurs in `folded`, in order. */
function occurrences(folded: string, needles: string[]): number[] {
  const at: number[] = [];
  for (const needle of needles) {
    for (let i = folded.indexOf(needle); i !== -1; i = folded.indexOf(needle, i + 1)) at.push(i);
  }
  return at.sort((a, b) => a - b);
}

/** The sentences that hold offsets `at` (in order), each once. */
function* sentencesAt(at: number[], around: (at: number) => [number, number]): Generator<[number, number]> {
  let end = -1;
  for (const start of at) {
    if (start < end) continue;
    const sentence = around(start);
    end = sentence[1];
    yield sentence;
  }
}

/**
 * A test for the words a query's terms match in a text, as search matched them: a plain term in
 * any of its forms (and as a prefix), an exact term only as written.
 */
function termMatcher(query: ParsedQuery): (word: string) => boolean {
  const forms = query.terms.map(formsOf);
  return (word) =>
    query.exact.includes(word) || query.terms.some((term, i) => wordMatches(word, term) || isFormOf(word, forms[i]));
}

/**
 * Strings one of which every word the query can highlight contains once folded: a term's
 * {@link matchedCore} and its forms' prefixes, an exact word, a phrase's
 * longest word. A unit whose folded text holds none of them cannot match, so it is not tokenised
 * (tokenising every paragraph was most of a page's passage time). Null when some needle is empty.
 */
function needlesOf(query: ParsedQuery): string[] | null {
  const needles: string[] = [];
  for (const term of query.terms) {
    needles.push(matchedCore(term));
    const forms = formsOf(term);
    needles.push(forms.prefix, ...forms.irregular);
    if (forms.regular) needles.push(forms.regular.prefix);
  }
  for (const word of query.exact) needles.push(foldTerm(word));
  for (const phrase of query.phrases)
    needles.push(phrase.map(foldTerm).reduce((a, b) => (b.length > a.length ? b : a), ''));
  return needles.some((needle) => needle.length === 0) ? null : needles;
}

/** The most words whose test {@link queryTests} remembers for one query. */
const MATCHED_WORDS_REMEMBERED = 10_000;

/** `text` as a regular expression that matches it literally. */
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What a query tests text with, made once per query object ({@link queryTests}). */
interface QueryTests {
  /**
   * Strings every matching word's folded form contains ({@link needlesOf}): none for a query with
   * no words; null when some word has an empty one, so that nothing can be skipped.
   */
  needles: string[] | null;
  /** Whether text holds any needle, compared case-blind, for text whose folding only lowercases; null without needles. */
  anyNeedle: RegExp | null;
  /** Whether a folded word matches a term of the query. */
  matches: (word: string) => boolean;
}

const testsOfQuery = new WeakMap<ParsedQuery, QueryTests>();

/**
 * A query's needles and its word test, made once per query object: a result page cuts the
 * passages of ten documents for one query, and the same words ("the", "said") recur in all of
 * them, so each distinct word is tested once (forms are stems: not free to compute per token).
 */
function queryTests(query: ParsedQuery): QueryTests {
  let tests = testsOfQuery.get(query);
  if (!tests) {
    const test = termMatcher(query);
    const known = new Map<string, boolean>();
    const matches = (word: string) => {
      let matched = known.get(word);
      if (matched === undefined) {
        matched = test(word);
        if (known.size >= MATCHED_WORDS_REMEMBERED) known.clear();
        known.set(word, matched);
      }
      return matched;
    };
    const needles = needlesOf(query);
    // Case-blind matching of ASCII text equals lowercasing it first: JavaScript's `i` flag
    // (without `u`) never folds a non-ASCII character onto an ASCII one, and the punctuation
    // such text may also hold has no case.
    const anyNeedle = needles && needles.length > 0 ? new RegExp(needles.map(escapeRegExp).join('|'), 'i') : null;
    tests = { needles, anyNeedle, matches };
    testsOfQuery.set(query, tests);
  }
  return tests;
}

/**
 * Every span of the text the query matches: phrase occurrences and words matching a term.
 *
 * @example
 * ```ts
 * matchSpans(tokenize('A strong protest.'), parseQuery('"strong protest"')); // [[2, 16]]
 * ```
 */
export function matchSpans(
  tokens: Token[],
  query: ParsedQuery,
  matches: (word: string) => boolean = termMatcher(query),
): Array<[number, number]> {
  const spans: Array<[number, number]> = query.phrases.flatMap((phrase) => findPhrase(tokens, phrase));
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
export function findPassages(document: PassageSource, query: ParsedQuery, max = 3): Passage[] {
  const { text } = document;
  // A sentence with every query word and phrase cannot be beaten: `max` of them end the scan.
  const best = query.terms.length + query.phrases.length;
  const scored: Array<{ passage: Passage; score: number }> = [];
  let perfect = 0;
  let scanned = 0;
  const tests = queryTests(query);
  scan: for (const paragraph of document.paragraphs) {
    for (const unit of unitsOf(text, paragraph, document.sentences)) {
      if (perfect >= max || scanned >= PASSAGE_SCAN_CHARS) break scan;
      scanned += unit.end - unit.start;
      for (const { start, end, highlights } of matchedSentences(text, unit, query, tests, document.sentences)) {
        const distinct = new Set(highlights.map(([s, e]) => text.slice(s, e).toLowerCase()));
        scored.push({ passage: { text: text.slice(start, end), start, end, highlights }, score: distinct.size });
        if (distinct.size >= best) perfect++;
      }
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
 * without phrases — any of its terms; with `speaker:`, only that speaker's quotes (those
 * `isSpeaker` accepts when given: the search passes the speaker directory's person).
 *
 * @example
 * ```ts
 * matchingQuotes(document.quotes, parseQuery('unacceptable attacks'));
 * ```
 */
export function matchingQuotes(quotes: Quote[], query: ParsedQuery, isSpeaker?: (speaker: string) => boolean): Quote[] {
  const { needles, anyNeedle, matches } = queryTests(query);
  // Bounded like the passages: a document made of quotes must not make one search tokenise all of it.
  return quotes.slice(0, QUOTE_SCAN_COUNT).filter((quote) => {
    // Folded like the index, so `speaker:Jose` finds José's quotes here as it finds his documents.
    if (query.speaker) {
      const speaker = quote.speaker ?? '';
      const named = isSpeaker
        ? speaker !== '' && isSpeaker(speaker)
        : foldTerm(speaker).includes(foldTerm(query.speaker));
      if (!named) return false;
    }
    // A quote holding none of the query's needles cannot match it, as a paragraph cannot: most of
    // a page's quotes are skipped without being tokenised (tokenising them all was half of a
    // page's tokenising time).
    if (anyNeedle) {
      if (foldKeepsOffsets(quote.text) ? !anyNeedle.test(quote.text) : !hasNeedle(foldTerm(quote.text), needles!))
        return false;
    }
    const tokens = tokenize(quote.text);
    if (query.phrases.length > 0) return query.phrases.every((phrase) => findPhrase(tokens, phrase).length > 0);
    if (query.terms.length === 0 && query.exact.length === 0) return Boolean(query.speaker);
    return tokens.some((t) => matches(t.folded));
  });
}
