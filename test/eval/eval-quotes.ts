/**
 * `npm run eval:quotes [-- --split dev|train|test] [--failures N] [--kind missed|false-speech|wrong-speaker|unresolved-pronoun]`
 *
 * Evaluates quote extraction on PolNeAR (path from VERBATIM_POLNEAR, default
 * ../shared/eval/polnear/polnear.jsonl relative to the working directory). Tune only on train and
 * dev; run the test split once, at the end (PolNeAR's own request). Failures are never printed
 * for the test split, so it cannot leak into tuning.
 *
 * Sections are functions returning a report; main() runs each and prints. Add a section by
 * writing another run…Eval() and calling it from main().
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { extractQuotes } from '../../functions/core/quotes/extract-quotes.ts';
import { runQuoteFinderEval } from './quote-finder-eval.ts';
import { scoreExtraction, type ExtractionReport, type PolnearRecord } from './score-extraction.ts';

type Split = 'train' | 'dev' | 'test';

interface Options {
  split: Split;
  dataPath: string;
  failures: number;
  failureKind: string | null;
}

function parseArgs(argv: string[]): Options {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const split = (get('split') ?? 'dev') as Split;
  if (!['train', 'dev', 'test'].includes(split)) throw new Error(`--split must be train, dev or test, not ${split}`);
  return {
    split,
    dataPath: resolve(process.cwd(), process.env.VERBATIM_POLNEAR ?? '../shared/eval/polnear/polnear.jsonl'),
    failures: split === 'test' ? 0 : Number(get('failures') ?? 0),
    failureKind: get('kind') ?? null,
  };
}

function loadSplit(path: string, split: Split): PolnearRecord[] {
  return (
    readFileSync(path, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as PolnearRecord)
      .filter((r) => r.split === split)
      // The archive's light normalisation; PolNeAR text is already plain, so offsets do not move.
      .map((r) => ({ ...r, text: r.text.normalize('NFC').replace(/\r\n/g, '\n') }))
  );
}

/**
 * Section 1: extraction and attribution of quotes in article text.
 *
 * @example
 * ```ts
 * const report = runExtractionEval(records);
 * ```
 */
export function runExtractionEval(records: PolnearRecord[], keepFailures = false): ExtractionReport {
  return scoreExtraction(records, extractQuotes, keepFailures);
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function printExtraction(split: Split, r: ExtractionReport): void {
  const c = r.counts;
  console.log(`\n== Quote extraction on PolNeAR ${split} (${c.articles} articles, ${c.gold} gold quotes) ==`);
  console.log(
    `span recall            ${pct(r.spanRecall)}  (${c.found}/${c.gold}; found = an extracted quote of any kind covers ≥80% of the gold span's characters)`,
  );
  console.log(`exact-match rate       ${pct(r.exactMatchRate)}  (${c.exact}/${c.gold}; same start and end)`);
  console.log(
    `span precision         ${pct(r.spanPrecision)}  (${c.speechCorrect}/${c.predicted.speech}; extracted 'speech' quotes with ≥50% of their characters inside gold quotes — 'term' quotes are not counted)`,
  );
  console.log(
    `named-speaker accuracy ${pct(r.namedSpeakerAccuracy)}  (${c.named.correct}/${c.named.total}; found gold quotes with a non-pronoun speaker; a capitalised gold name token, or the head word of a description, occurs in predicted speaker+mention)`,
  );
  console.log(
    `  by head phrase       ${pct(r.namedHeadAccuracy)}  (${c.namedHead.correct}/${c.namedHead.total}; the gold source's head phrase only, a description by its head noun; ${c.namedHead.slips} gold sources that are only a verb left out — test/eval/match-speaker-head.ts)`,
  );
  console.log(
    `pronoun-speaker acc.   ${pct(r.pronounSpeakerAccuracy)}  (${c.pronoun.correct}/${c.pronoun.total}; predicted speaker is a non-pronoun that occurs in the article)`,
  );
  console.log(
    `speaker span (exact)   P ${pct(r.speakerSpanPrecision)}  R ${pct(r.speakerSpanRecall)}  F1 ${pct(r.speakerSpanF1)}  (${c.speakerSpan.exact} exact of ${c.speakerSpan.predicted} predicted, ${c.speakerSpan.gold} gold; the mention as written must equal the gold source span)`,
  );
  console.log(
    `extracted by kind      speech ${c.predicted.speech}, term ${c.predicted.term}; gold found as speech ${c.foundAs.speech} / term ${c.foundAs.term}; unattributed spans extracted as speech ${c.unattributedAs.speech} / term ${c.unattributedAs.term}`,
  );
  console.log(
    `time                   ${r.msPerArticle.toFixed(3)} ms/article wall, ${r.cpuMsPerArticle.toFixed(3)} ms/article CPU, ${r.cpuMsPer500Words.toFixed(3)} ms CPU per 500 words (${c.ms.toFixed(1)} ms total)`,
  );
}

function writeJson(name: string, data: unknown): string {
  const dir = resolve(process.cwd(), 'bench-results');
  mkdirSync(dir, { recursive: true });
  const path = resolve(dir, name);
  writeFileSync(path, JSON.stringify(data, null, 2) + '\n');
  return path;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const records = loadSplit(opts.dataPath, opts.split);
  if (records.length === 0) throw new Error(`no ${opts.split} records in ${opts.dataPath}`);

  const extraction = runExtractionEval(records, opts.failures > 0);
  printExtraction(opts.split, extraction);
  const { failures, ...summary } = extraction;
  const path = writeJson(`eval-quotes-extraction-${opts.split}.json`, {
    split: opts.split,
    data: opts.dataPath,
    ...summary,
  });
  console.log(`wrote ${path}`);
  if (opts.failures > 0) {
    const shown = failures.filter((f) => !opts.failureKind || f.kind === opts.failureKind).slice(0, opts.failures);
    for (const f of shown)
      console.log(`\n[${f.kind}] ${f.id}\n  gold: ${f.gold}\n  pred: ${f.predicted}\n  ctx:  ${f.context}`);
  }

  // Section 2: the quote finder on the Wikinews and BBC corpora (quote-finder-eval.ts).
  await runQuoteFinderEval(process.argv.slice(2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
