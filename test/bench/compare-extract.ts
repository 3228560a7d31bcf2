/**
 * `node --import tsx test/bench/compare-extract.ts <checkout-a> <checkout-b> [--split train|dev|both] [--runs 8]`
 *
 * The CPU of quote extraction alone (`extractQuotes`) over PolNeAR train/dev in two checkouts, in
 * one process, their passes alternated (a b, b a, …), as compare-prepare.ts does for a whole
 * upload: on the shared machine, the extraction's own cost is hidden by parsing's noise there.
 * Prints the milliseconds per pass and the ratio of the medians b / a.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Paragraph, Quote } from '../../functions/core/document.ts';
import { splitParagraphs } from '../../functions/core/text/split-paragraphs.ts';
import { loadTuningSplits } from '../eval/tuning-splits.ts';

type Extract = (text: string, paragraphs: Paragraph[]) => Quote[];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  strict: false,
  options: { runs: { type: 'string', default: '8' }, split: { type: 'string', default: 'both' } },
});
if (positionals.length !== 2) throw new Error('give two checkouts: compare-extract.ts <checkout-a> <checkout-b>');
const [a, b]: Extract[] = await Promise.all(
  positionals.map(
    async (dir) => (await import(resolve(dir, 'functions/core/quotes/extract-quotes.ts'))).extractQuotes as Extract,
  ),
);
const articles = loadTuningSplits().records.map((r) => [r.text, splitParagraphs(r.text)] as const);
const pass = (f: Extract) => {
  const t = process.cpuUsage();
  for (const [text, paragraphs] of articles) f(text, paragraphs);
  const u = process.cpuUsage(t);
  return (u.user + u.system) / 1000;
};
pass(a);
pass(b);
const times: [number[], number[]] = [[], []];
for (let i = 0; i < Number(values.runs); i++) {
  const order = i % 2 === 0 ? [0, 1] : [1, 0];
  for (const k of order) times[k].push(pass(k === 0 ? a : b));
}
const median = (x: number[]) => [...x].sort((p, q) => p - q)[x.length >> 1];
console.log(`${articles.length} articles, CPU ms per pass, ${values.runs} alternated passes:`);
console.log(`a ${median(times[0]).toFixed(1)} (${times[0].map((t) => t.toFixed(0)).join(', ')}) — ${positionals[0]}`);
console.log(`b ${median(times[1]).toFixed(1)} (${times[1].map((t) => t.toFixed(0)).join(', ')}) — ${positionals[1]}`);
console.log(`ratio b / a: ${(median(times[1]) / median(times[0])).toFixed(3)}`);
