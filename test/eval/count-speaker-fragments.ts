/**
 * `node --import tsx test/eval/count-speaker-fragments.ts [--sample N] [--seed N] [corpus files…]`
 *
 * Over the Wikinews and BBC corpora, for the closing note of issue 11:
 * 1. the phrases the speaker rules refuse as clause fragments (functions/core/quotes/
 *    check-speaker-phrase.ts), by reason, with examples;
 * 2. the named speakers that are **kept**, each classified by an independent part-of-speech check
 *    (classify-kept-speaker.ts): the fragment rate among them (target: under 1 in 1,000), a seeded
 *    sample of the flagged ones and a seeded sample of all kept ones to read by eye.
 * A named speaker is a quote's `speaker` that is not a pronoun left unresolved.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { extractQuotes } from '../../functions/core/quotes/extract-quotes.ts';
import { isPronoun } from '../../functions/core/quotes/pronouns.ts';
import { normalizeText } from '../../functions/core/text/normalize-text.ts';
import { splitParagraphs } from '../../functions/core/text/split-paragraphs.ts';
import { classifyKeptSpeaker } from './classify-kept-speaker.ts';

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv.splice(i, 2)[1]) : fallback;
};
/** Examples printed per refusal reason. */
const REFUSED_EXAMPLES = 8;
const sampleSize = option('sample', 20);
const seed = option('seed', 20261202);
const corpus = process.env.VERBATIM_CORPUS ?? resolve(process.cwd(), '../shared/corpus');
const files =
  argv.length > 0 ? argv : [`${corpus}/wikinews-2019-2020/articles.jsonl`, `${corpus}/bbc-news/articles.jsonl`];

interface Kept {
  speaker: string;
  mention: string;
  quote: string;
}

const refused = new Map<string, string[]>();
const kept: Kept[] = [];
let articles = 0;
for (const file of files) {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const text = normalizeText((JSON.parse(line) as { text: string }).text);
    articles++;
    const quotes = extractQuotes(text, splitParagraphs(text), {
      onRefusedSpeaker: (mention, reason) => refused.set(reason, [...(refused.get(reason) ?? []), mention]),
    });
    for (const q of quotes)
      if (q.speaker !== null && !isPronoun(q.speaker))
        kept.push({ speaker: q.speaker, mention: q.mention ?? q.speaker, quote: q.text.slice(0, 60) });
  }
}

const total = [...refused.values()].reduce((n, l) => n + l.length, 0);
console.log(
  `${articles} articles: ${total} speaker phrases refused as fragments (another rule then named the speaker or none)`,
);
for (const [reason, list] of refused)
  console.log(
    `  ${reason}: ${list.length}, e.g. ${list
      .slice(0, REFUSED_EXAMPLES)
      .map((m) => JSON.stringify(m))
      .join(', ')}`,
  );

const flagged = kept.map((k) => ({ ...k, why: classifyKeptSpeaker(k.speaker) })).filter((k) => k.why !== null);
const distinct = new Set(kept.map((k) => k.speaker)).size;
const distinctFlagged = new Set(flagged.map((k) => k.speaker)).size;
console.log(
  `\nkept named speakers: ${kept.length} quotes (${distinct} distinct names); flagged as a clause fragment: ${flagged.length} quotes ` +
    `= ${((1000 * flagged.length) / Math.max(1, kept.length)).toFixed(2)} per 1,000 (${distinctFlagged} distinct)`,
);
const byClass = new Map<string, number>();
for (const f of flagged) byClass.set(f.why!, (byClass.get(f.why!) ?? 0) + 1);
for (const [why, n] of byClass) console.log(`  ${why}: ${n}`);

// mulberry32: a small seeded PRNG, so the samples are the same on every run.
function random(s: number): () => number {
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function sample<T>(list: T[], n: number, next: () => number): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, n);
}
const next = random(seed);
console.log(`\nsample of ${Math.min(sampleSize, flagged.length)} flagged (seed ${seed}):`);
for (const f of sample(flagged, sampleSize, next))
  console.log(`  [${f.why}] ${JSON.stringify(f.speaker)} (as written ${JSON.stringify(f.mention)}) — “${f.quote}”`);
console.log(`\nsample of ${sampleSize} kept, to read by eye (seed ${seed}):`);
for (const k of sample(kept, sampleSize, next))
  console.log(`  ${JSON.stringify(k.speaker)} (as written ${JSON.stringify(k.mention)})`);
