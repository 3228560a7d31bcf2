/**
 * `node --import tsx test/bench/measure-prepare.ts [--limit 300] [--runs 3]`
 *
 * The CPU one upload's preparation costs (parse, normalise, paragraphs, quotes and their speakers,
 * the hash: `prepareDocument`, what the ingest path runs in its worker), over the first articles of
 * the Wikinews + BBC corpora, median of several runs. Run it in two checkouts one after the other
 * to compare their ingest work on a shared machine, where wall-clock ingest rates measure the
 * neighbours: CPU time does not.
 */
import { parseArgs } from 'node:util';
import { corpusTexts } from './corpus-texts.ts';
import { prepareDocument } from '../../functions/app/ingest-document.ts';

const { values } = parseArgs({
  options: { limit: { type: 'string', default: '300' }, runs: { type: 'string', default: '3' } },
});
const texts = corpusTexts(Number(values.limit));
const encoder = new TextEncoder();
const times: number[] = [];
for (let r = 0; r <= Number(values.runs); r++) {
  const started = process.cpuUsage();
  for (const text of texts)
    await prepareDocument({ file: { bytes: encoder.encode(text), contentType: 'text/plain' } }, new Date());
  const used = process.cpuUsage(started);
  // The first pass loads the tagger's model and fills its cache: counted apart, as a cold worker.
  if (r > 0) times.push((used.user + used.system) / 1000);
  else
    console.log(
      `first pass (model load, cold caches): ${((used.user + used.system) / 1000 / texts.length).toFixed(2)} ms per article`,
    );
}
const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
console.log(
  `${texts.length} articles: ${(median / texts.length).toFixed(2)} ms CPU per article (median of ${times.length}; ${times.map((t) => (t / texts.length).toFixed(2)).join(', ')})`,
);
