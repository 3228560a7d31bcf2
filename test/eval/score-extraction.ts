/**
 * Scoring of quote extraction and attribution against PolNeAR gold (see
 * /work/shared/eval/polnear/SOURCE.md). Pure: takes records and an extractor, returns numbers,
 * so the CLI and any future test can share it.
 *
 * Definitions (also printed by the CLI):
 * - span recall: a gold quote is found when one extracted quote (any kind) covers ≥ 80% of its
 *   characters; exact rate: extracted start and end equal the gold ones.
 * - span precision: over extracted quotes of kind 'speech', the share with ≥ 50% of their
 *   characters inside gold quotes. Spans the annotators left unattributed (scare quotes, titles)
 *   therefore count against precision only when classified 'speech'; 'term' is the right answer.
 * - named-speaker accuracy: over found gold quotes whose speaker is given and not a pronoun. The
 *   prediction is the extracted `speaker` and `mention` together. If the gold speaker contains
 *   capitalised name tokens (titles and function words excluded), it is correct when one of them
 *   occurs among the predicted tokens (case-insensitive); otherwise (a description such as
 *   "the newspaper") when the gold head word (last word before for/of/at/in/who/",") does.
 * - pronoun-speaker accuracy: over found gold quotes whose speaker is a pronoun, correct when the
 *   predicted `speaker` is not null, not a pronoun, and occurs verbatim in the article text.
 */
import type { Paragraph, Quote } from '../../functions/core/document.ts';
import { splitParagraphs } from '../../functions/core/text/split-paragraphs.ts';
import { speakerMatchesHead, speakerTokens } from './match-speaker-head.ts';

export interface GoldQuote {
  quote: string;
  start: number;
  end: number;
  speaker: string | null;
  speaker_spans: [number, number][] | null;
  speaker_is_pronoun: boolean | null;
  cue: string | null;
  closed: boolean;
  content_fully_quoted: boolean;
  attribution_id: string;
}

export interface PolnearRecord {
  id: string;
  text: string;
  quotes: GoldQuote[];
  unattributed_quote_spans: [number, number][];
  split: 'train' | 'dev' | 'test';
  publisher: string;
}

export type Extractor = (text: string, paragraphs: Paragraph[]) => Quote[];

export interface ExtractionCounts {
  articles: number;
  gold: number;
  found: number;
  exact: number;
  predicted: { speech: number; term: number };
  speechCorrect: number;
  /** How found gold quotes were classified. */
  foundAs: { speech: number; term: number };
  /** How unattributed (negative) spans that were extracted were classified. */
  unattributedAs: { speech: number; term: number };
  named: { total: number; correct: number };
  /**
   * The same quotes under the head-phrase rule (`match-speaker-head.ts`): `slips` gold sources that
   * are only a reporting verb, left out of `total`.
   */
  namedHead: { total: number; correct: number; slips: number };
  pronoun: { total: number; correct: number };
  /**
   * Exact-match speaker spans over gold quotes with a speaker: `gold` of them, `predicted` found
   * with a mention, `exact` whose mention equals the gold speaker text (as published systems score).
   */
  speakerSpan: { gold: number; predicted: number; exact: number };
  /** Wall-clock extraction time over all articles. */
  ms: number;
  /** CPU time of the same (less sensitive to other processes on a shared machine). */
  cpuMs: number;
}

/** A failure worth looking at while tuning (never produced for the test split by the CLI). */
export interface ExtractionFailure {
  id: string;
  kind: 'missed' | 'false-speech' | 'wrong-speaker' | 'unresolved-pronoun';
  gold: string | null;
  predicted: string | null;
  context: string;
}

export interface ExtractionReport {
  counts: ExtractionCounts;
  spanRecall: number;
  exactMatchRate: number;
  spanPrecision: number;
  namedSpeakerAccuracy: number;
  namedHeadAccuracy: number;
  pronounSpeakerAccuracy: number;
  speakerSpanPrecision: number;
  speakerSpanRecall: number;
  speakerSpanF1: number;
  msPerArticle: number;
  cpuMsPerArticle: number;
  /** Extraction CPU time scaled to a 500-word article (the ingest budget is stated per 500 words). */
  cpuMsPer500Words: number;
  failures: ExtractionFailure[];
}

const NOT_NAME_TOKENS = new Set(
  `the a an of for at in on and to by mr mrs ms dr sen rep gov president former
senator presidential candidate nominee secretary republican democratic democrat gop vice u.s us state`.split(/\s+/),
);
const PRONOUNS = new Set('he she they it who which that i we me him her his their them us one whom its'.split(' '));

/**
 * Maps Python code-point offsets to JavaScript UTF-16 offsets (identical unless the text has
 * characters outside the Basic Multilingual Plane).
 *
 * @example
 * ```ts
 * codePointToUtf16('a😀b')(2); // 3
 * ```
 */
export function codePointToUtf16(text: string): (i: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (i) => i;
  const map: number[] = [];
  let u = 0;
  for (const ch of text) {
    map.push(u);
    u += ch.length;
  }
  map.push(u);
  return (i) => map[i];
}

/**
 * The lenient named-speaker rule (see the module comment).
 *
 * @example
 * ```ts
 * speakerMatches('Republican nominee Donald Trump', 'Donald Trump', 'Trump'); // true
 * speakerMatches('the newspaper', 'the newspaper', 'the newspaper'); // true
 * ```
 */
export function speakerMatches(gold: string, speaker: string | null, mention: string | null): boolean {
  const predicted = new Set(speakerTokens(`${speaker ?? ''} ${mention ?? ''}`).map((t) => t.toLowerCase()));
  if (predicted.size === 0) return false;
  const goldTokens = speakerTokens(gold);
  const names = goldTokens
    .filter((t) => /^\p{Lu}/u.test(t) && !NOT_NAME_TOKENS.has(t.toLowerCase()))
    .map((t) => t.toLowerCase());
  if (names.length > 0) return names.some((t) => predicted.has(t));
  const headPart = gold.split(/,|\s(?:for|of|at|in|who|from|with)\s/i)[0];
  const head = speakerTokens(headPart).at(-1)?.toLowerCase();
  return head !== undefined && predicted.has(head);
}

const spanText = (s: string) => s.replace(/\s+/g, ' ').replace(/^[\s,]+|[\s,.]+$/g, '');
/** Exact match of a predicted mention and a gold speaker text, whitespace and edge punctuation aside. */
function sameSpan(mention: string, gold: string): boolean {
  return spanText(mention) === spanText(gold);
}

function overlap(a: { start: number; end: number }, s: number, e: number): number {
  return Math.max(0, Math.min(a.end, e) - Math.max(a.start, s));
}

/**
 * Scores one article's extracted quotes against its gold. `failures` collects examples when given.
 *
 * @example
 * ```ts
 * const counts = emptyCounts();
 * scoreArticle(record, extractQuotes(record.text, splitParagraphs(record.text)), counts);
 * ```
 */
export function scoreArticle(
  record: PolnearRecord,
  predicted: Quote[],
  counts: ExtractionCounts,
  failures?: ExtractionFailure[],
): void {
  const { text } = record;
  const toJs = codePointToUtf16(text);
  const gold = record.quotes.map((q) => ({ ...q, start: toJs(q.start), end: toJs(q.end) }));
  const negatives = record.unattributed_quote_spans.map(([s, e]) => ({ start: toJs(s), end: toJs(e) }));
  const ctx = (s: number, e: number) =>
    text.slice(Math.max(0, s - 120), Math.min(text.length, e + 120)).replace(/\n/g, '⏎');
  counts.articles++;

  for (const p of predicted) {
    counts.predicted[p.kind]++;
    if (negatives.some((n) => overlap(p, n.start, n.end) >= 0.8 * (n.end - n.start))) counts.unattributedAs[p.kind]++;
    if (p.kind !== 'speech') continue;
    let inside = 0;
    for (const g of gold) inside += overlap(p, g.start, g.end);
    if (inside >= 0.5 * (p.end - p.start)) counts.speechCorrect++;
    else
      failures?.push({
        id: record.id,
        kind: 'false-speech',
        gold: null,
        predicted: p.text.slice(0, 80),
        context: ctx(p.start, p.end),
      });
  }

  for (const g of gold) {
    counts.gold++;
    if (g.speaker !== null) counts.speakerSpan.gold++;
    let best: Quote | null = null;
    let bestOverlap = 0;
    for (const p of predicted) {
      const o = overlap(p, g.start, g.end);
      if (o > bestOverlap) {
        best = p;
        bestOverlap = o;
      }
    }
    if (!best || bestOverlap < 0.8 * (g.end - g.start)) {
      failures?.push({
        id: record.id,
        kind: 'missed',
        gold: g.quote.slice(0, 80),
        predicted: best?.text.slice(0, 80) ?? null,
        context: ctx(g.start, g.end),
      });
      continue;
    }
    counts.found++;
    counts.foundAs[best.kind]++;
    if (best.start === g.start && best.end === g.end) counts.exact++;
    if (g.speaker === null) continue;
    if (best.mention) counts.speakerSpan.predicted++;
    if (best.mention && sameSpan(best.mention, g.speaker)) counts.speakerSpan.exact++;
    const sctx = () =>
      ctx(
        Math.min(g.start, ...(g.speaker_spans ?? []).map((s) => toJs(s[0]))),
        Math.max(g.end, ...(g.speaker_spans ?? []).map((s) => toJs(s[1]))),
      );
    if (g.speaker_is_pronoun) {
      counts.pronoun.total++;
      const s = best.speaker;
      if (s !== null && !PRONOUNS.has(s.toLowerCase()) && text.includes(s)) counts.pronoun.correct++;
      else
        failures?.push({
          id: record.id,
          kind: 'unresolved-pronoun',
          gold: g.speaker,
          predicted: `${s} / ${best.mention}`,
          context: sctx(),
        });
    } else {
      counts.named.total++;
      const head = speakerMatchesHead(g.speaker, best.speaker, best.mention);
      if (head === null) counts.namedHead.slips++;
      else {
        counts.namedHead.total++;
        if (head) counts.namedHead.correct++;
      }
      if (speakerMatches(g.speaker, best.speaker, best.mention)) counts.named.correct++;
      else
        failures?.push({
          id: record.id,
          kind: 'wrong-speaker',
          gold: g.speaker,
          predicted: `${best.speaker} / ${best.mention} (${best.verb})`,
          context: sctx(),
        });
    }
  }
}

/**
 * Fresh zeroed counts.
 *
 * @example
 * ```ts
 * emptyCounts().gold; // 0
 * ```
 */
export function emptyCounts(): ExtractionCounts {
  return {
    articles: 0,
    gold: 0,
    found: 0,
    exact: 0,
    predicted: { speech: 0, term: 0 },
    speechCorrect: 0,
    foundAs: { speech: 0, term: 0 },
    unattributedAs: { speech: 0, term: 0 },
    named: { total: 0, correct: 0 },
    namedHead: { total: 0, correct: 0, slips: 0 },
    pronoun: { total: 0, correct: 0 },
    speakerSpan: { gold: 0, predicted: 0, exact: 0 },
    ms: 0,
    cpuMs: 0,
  };
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/**
 * Runs an extractor over records and scores it. Extraction time is measured separately from
 * scoring, over all articles (including those without quotes).
 *
 * @example
 * ```ts
 * const report = scoreExtraction(devRecords, extractQuotes);
 * report.spanRecall; // e.g. 0.97
 * ```
 */
export function scoreExtraction(records: PolnearRecord[], extract: Extractor, keepFailures = false): ExtractionReport {
  const counts = emptyCounts();
  const failures: ExtractionFailure[] = [];
  const inputs = records.map((r) => ({ r, paragraphs: splitParagraphs(r.text) }));
  // Warm up the JIT over the whole set so the timing reflects steady-state ingest.
  for (const { r, paragraphs } of inputs) extract(r.text, paragraphs);
  const outputs: Quote[][] = [];
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (const { r, paragraphs } of inputs) outputs.push(extract(r.text, paragraphs));
  counts.ms = performance.now() - t0;
  counts.cpuMs = process.cpuUsage(cpu0).user / 1000;
  inputs.forEach(({ r }, i) => scoreArticle(r, outputs[i], counts, keepFailures ? failures : undefined));
  return {
    counts,
    spanRecall: ratio(counts.found, counts.gold),
    exactMatchRate: ratio(counts.exact, counts.gold),
    spanPrecision: ratio(counts.speechCorrect, counts.predicted.speech),
    namedSpeakerAccuracy: ratio(counts.named.correct, counts.named.total),
    namedHeadAccuracy: ratio(counts.namedHead.correct, counts.namedHead.total),
    pronounSpeakerAccuracy: ratio(counts.pronoun.correct, counts.pronoun.total),
    speakerSpanPrecision: ratio(counts.speakerSpan.exact, counts.speakerSpan.predicted),
    speakerSpanRecall: ratio(counts.speakerSpan.exact, counts.speakerSpan.gold),
    speakerSpanF1: ratio(2 * counts.speakerSpan.exact, counts.speakerSpan.predicted + counts.speakerSpan.gold),
    msPerArticle: ratio(counts.ms, counts.articles),
    cpuMsPerArticle: ratio(counts.cpuMs, counts.articles),
    cpuMsPer500Words: ratio(
      counts.cpuMs * 500,
      inputs.reduce((n, { r }) => n + r.text.split(/\s+/).length, 0),
    ),
    failures,
  };
}
