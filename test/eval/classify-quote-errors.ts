/**
 * `node --import tsx test/eval/classify-quote-errors.ts [--split train|dev|both] [--show CLASS] [--limit N]`
 *
 * Sorts PolNeAR train/dev attribution errors into classes by where the gold speaker stands and
 * what we predicted (issue 11), and counts each class: the wrong named speakers and the
 * false-positive speech spans, and the wrong speakers again by what a reader sees (`reader:…`,
 * reader-error-class.ts), and once more by the kinds of miss the stop-25 analysis counts (`kind:…`,
 * miss-kind.ts). `--show CLASS` prints that class's cases with their sentence.
 * Refuses the test split.
 */
import type { Quote } from '../../functions/core/document.ts';
import { extractQuotes } from '../../functions/core/quotes/extract-quotes.ts';
import { isPronoun } from '../../functions/core/quotes/pronouns.ts';
import { findSentenceEnd, findSentenceStart } from '../../functions/core/quotes/sentence-bounds.ts';
import { splitParagraphs } from '../../functions/core/text/split-paragraphs.ts';
import { codePointToUtf16, speakerMatches } from './score-extraction.ts';
import { missKind } from './miss-kind.ts';
import { readerErrorClass } from './reader-error-class.ts';
import { loadTuningSplits, option } from './tuning-splits.ts';

const { records } = loadTuningSplits();
const show = option('show');
const limit = Number(option('limit') ?? 1000);

const counts = new Map<string, number>();
const cases = new Map<string, string[]>();
function note(cls: string, line: string) {
  counts.set(cls, (counts.get(cls) ?? 0) + 1);
  if (cls === show) cases.set(cls, [...(cases.get(cls) ?? []), line]);
}
const overlap = (a: { start: number; end: number }, s: number, e: number) =>
  Math.max(0, Math.min(a.end, e) - Math.max(a.start, s));

/** Where the gold speaker stands relative to the quote. */
function place(text: string, qs: number, qe: number, ss: number, se: number, quotes: Quote[]): string {
  const paraStart = text.lastIndexOf('\n', qs) + 1;
  const paraEndRaw = text.indexOf('\n', qe);
  const paraEnd = paraEndRaw < 0 ? text.length : paraEndRaw;
  if (quotes.some((q) => q.start <= ss && se <= q.end && (q.end < qs || q.start > qe || q.start < qs)))
    return 'inside-quote';
  if (ss < paraStart) return 'previous-paragraph';
  if (ss > paraEnd) return 'next-paragraph';
  const sentStart = findSentenceStart(text, qs - 1, paraStart);
  const sentEnd = findSentenceEnd(text, qe, paraEnd);
  if (se <= qs) return ss >= sentStart ? 'before-same-sentence' : 'before-other-sentence';
  return ss < sentEnd + 2 ? 'after-same-sentence' : 'after-other-sentence';
}

for (const r of records) {
  const { text } = r;
  const toJs = codePointToUtf16(text);
  const quotes = extractQuotes(text, splitParagraphs(text));
  const ctx = (s: number, e: number) =>
    text.slice(Math.max(0, s - 160), Math.min(text.length, e + 160)).replace(/\n/g, '⏎');
  for (const g0 of r.quotes) {
    const g = { ...g0, start: toJs(g0.start), end: toJs(g0.end) };
    let best: Quote | null = null;
    let bo = 0;
    for (const p of quotes) {
      const o = overlap(p, g.start, g.end);
      if (o > bo) [best, bo] = [p, o];
    }
    if (!best || bo < 0.8 * (g.end - g.start) || g.speaker === null || g.speaker_is_pronoun) continue;
    if (speakerMatches(g.speaker, best.speaker, best.mention)) continue;
    const spans = (g.speaker_spans ?? []).map(([s, e]) => [toJs(s), toJs(e)]);
    const ss = Math.min(...spans.map((s) => s[0]));
    const se = Math.max(...spans.map((s) => s[1]));
    const where = place(text, g.start, g.end, ss, se, quotes);
    const cue = (g.cue ?? '').toLowerCase();
    const pred = best.mention === null ? 'none' : isPronoun(best.mention) ? 'pronoun' : 'other-name';
    let cls: string;
    if (/^(said|says|say|told|added|wrote)$/i.test(g.speaker.trim())) cls = 'annotation:speaker-is-verb';
    else if (/according/.test(cue)) cls = `according-to:${pred}`;
    else {
      // Did we find the gold cue and miss its subject, find no verb (a subject guess), or another verb?
      const verbClass =
        best.verb === null
          ? 'no-verb'
          : cue.split(/\s+/).includes(best.verb.toLowerCase())
            ? 'cue-found'
            : 'other-verb';
      cls = `${where}:${pred}${pred === 'none' ? '' : `:${verbClass}`}`;
    }
    const sentenceAfter = text.slice(g.end, findSentenceEnd(text, g.end, Math.min(text.length, g.end + 300)));
    note(
      `kind:${missKind({ text, quote: g, speakerSpans: spans, gold: g.speaker, cue: g.cue ?? null, predicted: best, quotes, where })}`,
      `${r.id}\n  gold: ${g.speaker} (cue ${g.cue})\n  pred: ${best.speaker} / ${best.mention} (${best.verb}) quote: ${best.text.slice(0, 60)}\n  ctx:  ${ctx(Math.min(g.start, ss), Math.max(g.end, se))}`,
    );
    note(
      `reader:${readerErrorClass(g.speaker, g.cue ?? null, best.text, best, sentenceAfter)}`,
      `${r.id}\n  gold: ${g.speaker}\n  pred: ${best.speaker} / ${best.mention}\n  ctx:  ${ctx(Math.min(g.start, ss), Math.max(g.end, se))}`,
    );
    note(
      `wrong:${cls}`,
      `${r.id}\n  gold: ${g.speaker} (cue ${g.cue})\n  pred: ${best.speaker} / ${best.mention} (${best.verb}) quote: ${best.text.slice(0, 60)}\n  ctx:  ${ctx(Math.min(g.start, ss), Math.max(g.end, se))}`,
    );
  }
  const gold = r.quotes.map((q) => ({ start: toJs(q.start), end: toJs(q.end) }));
  const negatives = r.unattributed_quote_spans.map(([s, e]) => ({ start: toJs(s), end: toJs(e) }));
  for (const p of quotes) {
    if (p.kind !== 'speech') continue;
    const inside = gold.reduce((n, g) => n + overlap(p, g.start, g.end), 0);
    if (inside >= 0.5 * (p.end - p.start)) continue;
    const words = p.text.trim().split(/\s+/).length;
    const neg = negatives.some((n) => overlap(p, n.start, n.end) >= 0.8 * (n.end - n.start));
    const partial = inside > 0 ? 'partly-gold' : neg ? 'unattributed-span' : 'not-annotated';
    const size = words <= 4 ? 'short' : 'long';
    const who = p.mention === null ? 'no-speaker' : 'speaker';
    note(
      `false:${partial}:${size}:${who}`,
      `${r.id}\n  pred: ${p.speaker} / ${p.mention} (${p.verb}) quote: ${p.text.slice(0, 80)}\n  ctx:  ${ctx(p.start, p.end)}`,
    );
  }
}
for (const [cls, n] of [...counts].sort((a, b) => a[0].localeCompare(b[0]) || b[1] - a[1]))
  console.log(`${String(n).padStart(5)}  ${cls}`);
for (const line of (cases.get(show ?? '') ?? []).slice(0, limit)) console.log(`\n${line}`);
