/**
 * `node --import tsx test/bench/compare-prepare.ts <checkout-a> <checkout-b> [--limit 300] [--runs 6]`
 *
 * The CPU of preparing an upload (`prepareDocument`, as measure-prepare.ts) in two checkouts, in
 * one process, their passes alternated (a b, b a, …): on a shared machine, two processes run one
 * after the other measure different neighbours, one process alternating measures the same ones.
 * Each checkout needs its own `node_modules` (a symbolic link to this one's will do). Prints the
 * medians per article and the ratio b / a.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { corpusTexts } from './corpus-texts.ts';

type Prepare = (input: { file: { bytes: Uint8Array; contentType: string } }, now: Date) => Promise<unknown>;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { limit: { type: 'string', default: '300' }, runs: { type: 'string', default: '6' } },
});
if (positionals.length !== 2) throw new Error('give two checkouts: compare-prepare.ts <checkout-a> <checkout-b>');
/** Passes run before timing starts in each checkout: model load and warm caches. */
const WARM_UP_PASSES = 1;
const prepares: Prepare[] = await Promise.all(
  positionals.map(
    async (dir) => (await import(resolve(dir, 'functions/app/ingest-document.ts'))).prepareDocument as Prepare,
  ),
);
const texts = corpusTexts(Number(values.limit));
const encoder = new TextEncoder();
const times: number[][] = [[], []];
for (let r = 0; r < WARM_UP_PASSES + Number(values.runs); r++) {
  for (const k of r % 2 === 0 ? [0, 1] : [1, 0]) {
    const started = process.cpuUsage();
    for (const text of texts)
      await prepares[k]({ file: { bytes: encoder.encode(text), contentType: 'text/plain' } }, new Date());
    const used = process.cpuUsage(started);
    if (r >= WARM_UP_PASSES) times[k].push((used.user + used.system) / 1000 / texts.length);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const [a, b] = times.map(median);
console.log(`${texts.length} articles, CPU ms per article, median of ${values.runs} alternated passes:`);
console.log(`a ${a.toFixed(3)} (${times[0].map((t) => t.toFixed(2)).join(', ')}) — ${positionals[0]}`);
console.log(`b ${b.toFixed(3)} (${times[1].map((t) => t.toFixed(2)).join(', ')}) — ${positionals[1]}`);
console.log(`ratio b / a: ${(b / a).toFixed(3)}`);
