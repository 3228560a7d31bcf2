/**
 * `node --import tsx test/bench/measure-sentences.ts [--runs 5] [--limit 800]`
 *
 * Sentence boundaries over the Wikinews + BBC paragraphs: `Intl.Segmenter` alone (the baseline),
 * Verbatim's `sentenceSpans` (the segmenter in bounded chunks, breaks after a title re-joined) and
 * wink-nlp's sentences (the NLP library the quote extractor already loads for tags), in CPU time,
 * median of several runs in the same process; then how many breaks the re-join removed, a sample,
 * and how often each agrees with wink-nlp on the number of sentences in a paragraph.
 */
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { normalizeText } from '../../functions/core/text/normalize-text.ts';
import { splitParagraphs } from '../../functions/core/text/split-paragraphs.ts';
import { corpusTexts } from './corpus-texts.ts';
import { sentenceSpans } from '../../functions/core/text/split-sentences.ts';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, limit: { type: 'string', default: '800' } },
});
const paragraphs: string[] = [];
for (const raw of corpusTexts(Number(values.limit))) {
  const text = normalizeText(raw);
  for (const p of splitParagraphs(text)) paragraphs.push(text.slice(p.start, p.end));
}
const nodeRequire = createRequire(import.meta.url);
const nlp = nodeRequire('wink-nlp')(nodeRequire('wink-eng-lite-web-model')) as {
  readDoc(t: string): { sentences(): { length(): number } };
};
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const count = {
  segmenter: (p: string) => [...segmenter.segment(p)].filter((s) => s.segment.trim()).length,
  verbatim: (p: string) => [...sentenceSpans(p, 0, p.length)].length,
  wink: (p: string) => nlp.readDoc(p).sentences().length(),
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const chars = paragraphs.reduce((n, p) => n + p.length, 0);
const cpu: Record<string, number> = {};
for (const [name, f] of Object.entries(count)) {
  const times: number[] = [];
  for (let r = 0; r < Number(values.runs); r++) {
    const started = process.cpuUsage();
    for (const p of paragraphs) f(p);
    const used = process.cpuUsage(started);
    times.push((used.user + used.system) / 1000);
  }
  cpu[name] = median(times);
}
console.log(`${paragraphs.length} paragraphs, ${(chars / 1e6).toFixed(2)} M characters, CPU median of ${values.runs}:`);
for (const name of Object.keys(count))
  console.log(`  ${name}: ${cpu[name].toFixed(1)} ms (${(cpu[name] / cpu.segmenter).toFixed(2)}× the segmenter)`);
let joined = 0;
const sample: string[] = [];
const agree = { segmenter: 0, verbatim: 0 };
for (const p of paragraphs) {
  const [s, v, w] = [count.segmenter(p), count.verbatim(p), count.wink(p)];
  joined += s - v;
  if (s > v && sample.length < 6) sample.push(p.slice(0, 90));
  if (s === w) agree.segmenter++;
  if (v === w) agree.verbatim++;
}
console.log(
  `breaks after a title re-joined: ${joined}; paragraphs with wink-nlp's sentence count: segmenter ${agree.segmenter}, verbatim ${agree.verbatim} of ${paragraphs.length}`,
);
for (const s of sample) console.log(`  e.g. ${JSON.stringify(s)}`);
