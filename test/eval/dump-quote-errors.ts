/**
 * `node --import tsx test/eval/dump-quote-errors.ts [--split train|dev|both] [--kind wrong-speaker|false-speech] [--json FILE]`
 *
 * For tuning quote attribution (issue 11): prints every wrong named speaker and every
 * false-positive speech span of PolNeAR train and dev, each with the sentence around it, and the
 * split's headline figures. Refuses the test split: it must never be read while tuning.
 */
import { writeFileSync } from 'node:fs';
import { extractQuotes } from '../../functions/core/quotes/extract-quotes.ts';
import { scoreExtraction, type ExtractionFailure } from './score-extraction.ts';
import { loadTuningSplits, option } from './tuning-splits.ts';

const { splits, records: all } = loadTuningSplits();
const kinds = option('kind') ? [option('kind')] : ['wrong-speaker', 'false-speech'];

const dumped: (ExtractionFailure & { split: string })[] = [];
for (const split of splits) {
  const report = scoreExtraction(
    all.filter((r) => r.split === split),
    extractQuotes,
    true,
  );
  const c = report.counts;
  console.log(
    `${split}: named ${c.named.correct}/${c.named.total} (${report.namedSpeakerAccuracy.toFixed(3)}), head-phrase ${c.namedHead.correct}/${c.namedHead.total} (${report.namedHeadAccuracy.toFixed(3)}, ${c.namedHead.slips} slips), recall ${c.found}/${c.gold} (${report.spanRecall.toFixed(3)}), precision ${c.speechCorrect}/${c.predicted.speech} (${report.spanPrecision.toFixed(3)}), pronoun ${c.pronoun.correct}/${c.pronoun.total} (${report.pronounSpeakerAccuracy.toFixed(3)}), exact spans F1 ${report.speakerSpanF1.toFixed(3)}, ${report.cpuMsPerArticle.toFixed(2)} ms CPU/article`,
  );
  for (const f of report.failures) if (kinds.includes(f.kind)) dumped.push({ split, ...f });
}
const jsonPath = option('json');
if (jsonPath) writeFileSync(jsonPath, JSON.stringify(dumped, null, 1) + '\n');
else
  for (const f of dumped)
    console.log(`\n[${f.split} ${f.kind}] ${f.id}\n  gold: ${f.gold}\n  pred: ${f.predicted}\n  ctx:  ${f.context}`);
