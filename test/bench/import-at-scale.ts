/**
 * `node --openssl-legacy-provider --import tsx test/bench/import-at-scale.ts [--articles 25000] [--step 5000] [--no-links]`:
 * does the bulk import slow down as the archive grows? One `npm run import`-shaped run (batches of
 * 100, 2 in flight, the embedded servers in child processes, a fresh store on disk) of `--articles`
 * articles, with the rate and the load average of every `--step` articles. The corpus has about
 * 2,500 articles, so beyond them article k is copy r = floor(k / N) of real article k mod N with
 * " (copy r)" appended to its text and title (a new text, so a new document, and a copy that copy
 * detection links, as a wire story's reprints would be). Prints JSON.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { answerOf, importBatches } from '../../functions/app/import-batches.ts';
import type { ImportInput } from '../../functions/app/import-documents.ts';
import { ingestBatch } from '../../functions/app/ingest-batch.ts';
import { startLocalArchive } from '../../functions/local/start-local-archive.ts';
import { freshArchiveEnv } from './fresh-archive-env.ts';

/** Articles at most: the 100k scale is not run on the shared machine. */
const MAX_ARTICLES = 50_000;
const FILES = ['wikinews-2019-2020/articles.jsonl', 'bbc-news/articles.jsonl'];

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '25000' },
    step: { type: 'string', default: '5000' },
    'no-links': { type: 'boolean', default: false },
    corpus: { type: 'string', default: process.env.VERBATIM_CORPUS ?? '../shared/corpus' },
  },
});
const articles = Math.min(MAX_ARTICLES, Number(values.articles));
const step = Number(values.step);

const real = (await Promise.all(FILES.map(async (f) => (await readFile(join(values.corpus!, f), 'utf8')).split('\n'))))
  .flat()
  .filter(Boolean)
  .map((line) => JSON.parse(line) as { title?: string; text: string; url?: string; publisher?: string });
const encoder = new TextEncoder();

async function* items(): AsyncGenerator<ImportInput> {
  for (let k = 0; k < articles; k++) {
    const article = real[k % real.length];
    const replica = Math.floor(k / real.length);
    const suffix = replica === 0 ? '' : ` (copy ${replica})`;
    yield {
      label: `article ${k}`,
      request: {
        file: { bytes: encoder.encode(article.text + suffix), contentType: 'text/plain; charset=utf-8' },
        metadata: { title: article.title && article.title + suffix, publisher: article.publisher },
      },
    };
  }
}

const dataDir = await mkdtemp(join(tmpdir(), 'verbatim-import-at-scale-'));
const local = await startLocalArchive(freshArchiveEnv(dataDir), { persistent: true, serversInChild: true });
const archive = { ...local.archive, linkOnIngest: !values['no-links'] };
const steps: Array<{ through: number; perSecond: number; load1: number }> = [];
const started = performance.now();
let done = 0;
let stepStarted = started;
try {
  const summary = await importBatches(items(), async (batch) => (await ingestBatch(archive, batch)).map(answerOf), {
    batchSize: 100,
    inFlight: 2,
    onItem: () => {
      if (++done % step !== 0) return;
      const now = performance.now();
      steps.push({
        through: done,
        perSecond: +(step / ((now - stepStarted) / 1000)).toFixed(1),
        load1: +loadavg()[0].toFixed(1),
      });
      stepStarted = now;
      console.error(JSON.stringify(steps.at(-1)));
    },
  });
  console.log(
    JSON.stringify(
      {
        articles,
        linking: !values['no-links'],
        added: summary.added,
        duplicates: summary.duplicates,
        rejected: summary.rejected.length,
        seconds: +summary.seconds.toFixed(1),
        perSecond: +(articles / summary.seconds).toFixed(1),
        steps,
        lastVsFirst: steps.length > 1 ? +(steps.at(-1)!.perSecond / steps[0].perSecond).toFixed(2) : null,
      },
      null,
      2,
    ),
  );
} finally {
  await local.close();
  await rm(dataDir, { recursive: true, force: true });
}
process.exit(0);
