/**
 * `npm run bench:import -- [--limit N] [--runs 3] [--corpus DIR]`: articles per second of
 * `npm run import` into a fresh embedded store, the old per-document path beside the bulk path,
 * with the two floors (parse-only on one core, raw S3 PutObject) measured in the same run. Every
 * variant runs `--runs` times on a fresh data folder; the figures are medians. Prints JSON.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { createClients } from '../../functions/adapters/create-clients.ts';
import { answerOf, importBatches } from '../../functions/app/import-batches.ts';
import { importDocuments, type ImportSummary } from '../../functions/app/import-documents.ts';
import { ingestBatch } from '../../functions/app/ingest-batch.ts';
import { ingestDocument, prepareDocument } from '../../functions/app/ingest-document.ts';
import { startLocalArchive, type LocalArchive } from '../../functions/local/start-local-archive.ts';
import { corpusItems } from './corpus-items.ts';
import { freshArchiveEnv } from './fresh-archive-env.ts';

const { values } = parseArgs({
  options: {
    limit: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '3' },
    corpus: { type: 'string', default: process.env.VERBATIM_CORPUS ?? '../shared/corpus' },
    only: { type: 'string' },
  },
});
const limit = Number(values.limit);
const runs = Number(values.runs);
const items = () => corpusItems(values.corpus!, limit);

type Variant = (local: LocalArchive) => Promise<ImportSummary>;

/** Each variant on a fresh data folder, with its servers in this process or in a child. */
async function measure(
  name: string,
  serversInChild: boolean,
  variant: Variant,
): Promise<{ name: string; docsPerSecond: number; runs: number[]; summary: Partial<ImportSummary> }> {
  const rates: number[] = [];
  let last: ImportSummary | undefined;
  for (let run = 0; run < runs; run++) {
    const dataDir = await mkdtemp(join(tmpdir(), 'verbatim-bench-import-'));
    const env = freshArchiveEnv(dataDir);
    const local = await startLocalArchive(env, { persistent: true, serversInChild });
    try {
      last = await variant(local);
      rates.push((last.added + last.duplicates + last.rejected.length) / last.seconds);
    } finally {
      await local.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }
  const sorted = [...rates].sort((a, b) => a - b);
  const summary = last ? { added: last.added, duplicates: last.duplicates, rejected: last.rejected.slice(0, 3) } : {};
  return { name, docsPerSecond: sorted[Math.floor(sorted.length / 2)], runs: rates.map((r) => Math.round(r)), summary };
}

const perDocument: Variant = (local) =>
  importDocuments(items(), (request) => ingestDocument(local.archive, request), { concurrency: 8 });
const bulkWith =
  (inFlight: number): Variant =>
  (local) =>
    importBatches(items(), async (requests) => (await ingestBatch(local.archive, requests)).map(answerOf), {
      batchSize: 100,
      inFlight,
    });
const bulk = bulkWith(2);
const rawPut: Variant = async (local) => {
  const { s3 } = createClients(local.config);
  let n = 0;
  const summary = await importDocuments(
    items(),
    async (request) => {
      await s3.send(
        new PutObjectCommand({
          Bucket: local.config.bucket,
          Key: `bench-raw/${n++}`,
          Body: request.file.bytes,
          ContentType: request.file.contentType,
        }),
      );
      return { duplicate: false };
    },
    { concurrency: 8 },
  );
  s3.destroy();
  return summary;
};
const parseOnly: Variant = async () => {
  const started = performance.now();
  let added = 0;
  for await (const item of items())
    if ('request' in item && (await prepareDocument(item.request, new Date()).catch(() => null))) added++;
  return { added, duplicates: 0, rejected: [], skipped: [], seconds: (performance.now() - started) / 1000 };
};

const variants: Array<[string, boolean, Variant]> = [
  ['parse-only, one core (floor)', false, parseOnly],
  ['raw PutObject, concurrency 8 (floor)', false, rawPut],
  ['raw PutObject, concurrency 8, servers in a child (floor)', true, rawPut],
  ['per document, servers in process (old path)', false, perDocument],
  ['per document, servers in a child (npm run import -- --per-document)', true, perDocument],
  ['bulk, servers in process', false, bulk],
  ['bulk, servers in a child process (new path)', true, bulk],
  ['bulk, servers in a child process, 4 batches in flight', true, bulkWith(4)],
];
const results = [];
for (const [name, child, variant] of variants) {
  if (values.only && !name.includes(values.only)) continue;
  results.push(await measure(name, child, variant));
  console.error(JSON.stringify(results.at(-1)));
}
const baseline = results.find((r) => r.name.includes('old path'))?.docsPerSecond;
console.log(
  JSON.stringify(
    {
      limitPerCorpus: limit,
      runs,
      results: results.map((r) => ({ ...r, vsOldPath: baseline ? +(r.docsPerSecond / baseline).toFixed(2) : null })),
    },
    null,
    2,
  ),
);
