/**
 * Find a quote: the full-text index proposes candidate documents from the claim's content words
 * (order-free, forms folded to stems); each candidate is then aligned word by word, and copies of
 * the same quote are grouped with the earliest source first.
 */
import { prepareClaim, type Claim } from '../core/quote-finder/claim.ts';
import type { Verdict, DiffOp } from '../core/quote-finder/compare-claim.ts';
import { groupMatches, type DocumentInfo, type RankedMatch } from '../core/quote-finder/group-matches.ts';
import { bestRun, type Run } from '../core/quote-finder/find-span.ts';
import { copiesToList, distinctCandidates } from '../core/quote-finder/distinct-candidates.ts';
import { contentWordCount, indexTerms } from '../core/quote-finder/index-terms.ts';
import { matchClaim, type QuoteMatch, type TextSpan } from '../core/quote-finder/match-claim.ts';
import { prepareQuoteText, type QuoteText } from '../core/quote-finder/quote-text.ts';
import { Vocabulary } from '../core/quote-finder/vocabulary.ts';
import type { TermClause } from '../core/search/index.ts';
import { sameSpeaker } from '../core/speakers/fold-name.ts';
import type { Archive } from './archive.ts';

/** Whether the source names the claimed speaker; "unknown" when it names no one. */
export type SpeakerMatch = 'same' | 'different' | 'unknown';

/** A quote found in one document, with the other documents carrying it. */
export interface QuoteResult extends Omit<QuoteMatch, 'documentId' | 'span'> {
  document: DocumentInfo;
  /** Other documents with the same passage, earliest first. */
  /** With a claimed speaker: whether the source attributes the words to them. */
  speakerMatch?: SpeakerMatch;
  alsoIn: Array<{
    document: DocumentInfo;
    score: number;
    verdict: Verdict;
    match: TextSpan;
    passage: TextSpan;
    speaker: string | null;
  }>;
}

/** The answer to a quote search. */
export interface QuoteSearch {
  results: QuoteResult[];
  /** How many documents were aligned against the claim. */
  candidates: number;
  tookMs: number;
}

/**
 * How many distinct texts among the index hits are looked at (copies of one text count once):
 * enough for rewrites and near-misses, few enough to stay fast.
 * A claim of few content words ("it was no match at all") ranks poorly in a bag-of-words index,
 * so it gets a deeper look; the first look at a candidate is cheap (see CLOSE_RUN).
 */
const CANDIDATES = 40;
const CANDIDATES_FOR_COMMON_WORDS = 120;
/** Claims with fewer content words than this count as made of common words. */
const FEW_CONTENT_WORDS = 8;
/** Candidates aligned in full: those whose densest run scores at least CLOSE_RUN of the best, at most ALIGNED. */
const CLOSE_RUN = 0.5;
const ALIGNED = 20;
/** Below this similarity a match is not worth showing. */
const MIN_SCORE = 0.3;
/** Prepared documents kept per process; a prepared document is its text plus ~16 bytes a word. */
const PREPARED_CAPACITY = 5000;
/** Distinct spellings kept before the prepared cache is rebuilt (~100 bytes each). */
const MAX_VOCABULARY = 1_000_000;
/** A preference on top of similarity: the words sit inside a quote. */
const IN_QUOTE_BONUS = 0.01;

interface Prepared {
  vocabulary: Vocabulary;
  texts: Map<string, QuoteText>;
}

// Documents never change under an id (the id is a hash of the text), so prepared ones never go stale.
const prepared = new WeakMap<Archive, Prepared>();

async function quoteTexts(archive: Archive, ids: string[], mayRestart = true): Promise<QuoteText[]> {
  let cache = prepared.get(archive);
  // The vocabulary only grows (ids must stay comparable): start afresh, texts and all, past a
  // bound, so a long-lived process never holds every spelling it has ever seen — but never in
  // the middle of a search, whose claim holds ids of the current vocabulary.
  if (!cache || (mayRestart && cache.vocabulary.size > MAX_VOCABULARY))
    prepared.set(archive, (cache = { vocabulary: new Vocabulary(), texts: new Map() }));
  const missing = ids.filter((id) => !cache.texts.has(id));
  const loaded = missing.length > 0 ? await archive.documents.getMany(missing) : new Map();
  const texts: QuoteText[] = [];
  for (const id of ids) {
    let text = cache.texts.get(id);
    if (text) {
      cache.texts.delete(id);
    } else {
      const document = loaded.get(id);
      if (!document) continue;
      text = prepareQuoteText(document, cache.vocabulary);
    }
    cache.texts.set(id, text);
    texts.push(text);
  }
  while (cache.texts.size > PREPARED_CAPACITY) cache.texts.delete(cache.texts.keys().next().value!);
  return texts;
}

/**
 * Whether the source names the claimed speaker: only said, never used to rank, so a result never
 * moves onto a worse passage because its speaker matches.
 */
function speakerMatchOf(wanted: string, speaker: string | null): SpeakerMatch {
  if (!speaker) return 'unknown';
  return sameSpeaker(wanted, speaker) ? 'same' : 'different';
}

/** A candidate aligned in full, or nothing when it matches too little to show. */
function aligned(claim: Claim, text: QuoteText, vocabulary: Vocabulary, run?: Run): RankedMatch[] {
  const first = run ?? bestRun(claim, text, vocabulary);
  const match = first && matchClaim(claim, text, vocabulary, first);
  if (!match || match.score < MIN_SCORE) return [];
  const keys = text.keys.subarray(match.span.from, match.span.to);
  const rank = match.score + (match.passage.kind === 'quote' ? IN_QUOTE_BONUS : 0);
  return [{ match, document: info(text), rank, keys }];
}

const info = (text: QuoteText): DocumentInfo => {
  const { id, title, publisher, url, publishedAt, ingestedAt, originalSha256 } = text.document;
  return { id, title, publisher, url, publishedAt, ingestedAt, originalSha256 };
};

/**
 * @example
 * ```ts
 * const { results } = await findQuotes(archive, { q: 'we rebuilt the deck faster than expected', limit: 5 });
 * results[0].verdict; // 'words_differ'
 * results[0].alsoIn;  // other documents with the same words, earliest first
 * ```
 */
export async function findQuotes(
  archive: Archive,
  input: { q: string; speaker?: string; limit: number },
): Promise<QuoteSearch> {
  const started = performance.now();
  const index = await archive.index.current();
  const any: TermClause[] = indexTerms(input.q).map(({ term, prefix }) => ({ term, prefix, fields: ['text'] }));
  // No word worth looking up (only one-letter words): an empty query would match every document.
  if (any.length === 0)
    return { results: [], candidates: 0, tookMs: Math.round((performance.now() - started) * 100) / 100 };
  const depth = contentWordCount(input.q) < FEW_CONTENT_WORDS ? CANDIDATES_FOR_COMMON_WORDS : CANDIDATES;
  const hits = await index.search({ any });
  const { ids, copies } = distinctCandidates(hits, depth);

  const texts = await quoteTexts(archive, ids);
  const cache = prepared.get(archive)!;
  const claim = prepareClaim(input.q, cache.vocabulary);
  // A cheap first look at every candidate (the densest run of claim words), then the full
  // alignment only for the ones that come close to the best.
  const runs = texts
    .map((text) => ({ text, run: bestRun(claim, text, cache.vocabulary) }))
    .filter((r): r is { text: QuoteText; run: Run } => r.run !== null)
    .sort((a, b) => b.run.score - a.run.score);
  const close = runs.filter((r) => r.run.score >= CLOSE_RUN * runs[0]?.run.score).slice(0, ALIGNED);
  const ranked = close.flatMap(({ text, run }) => aligned(claim, text, cache.vocabulary, run));
  // The shown results' copies join their groups, so the earliest of them leads (groupMatches).
  const copyIds = copiesToList(groupMatches(ranked).slice(0, input.limit), copies);
  for (const text of await quoteTexts(archive, copyIds, false)) ranked.push(...aligned(claim, text, cache.vocabulary));

  const results = groupMatches(ranked)
    .slice(0, input.limit)
    .map(({ best, others }): QuoteResult => {
      const { documentId: _id, span: _span, ...match } = best.match;
      return {
        document: best.document,
        ...match,
        ...(input.speaker ? { speakerMatch: speakerMatchOf(input.speaker, match.speaker) } : {}),
        alsoIn: others.map((o) => ({
          document: o.document,
          score: o.match.score,
          verdict: o.match.verdict,
          match: o.match.match,
          passage: { text: o.match.passage.text, start: o.match.passage.start, end: o.match.passage.end },
          speaker: o.match.speaker,
        })),
      };
    });
  index.answered();
  return { results, candidates: texts.length, tookMs: Math.round((performance.now() - started) * 100) / 100 };
}

export type { DiffOp, Verdict };
