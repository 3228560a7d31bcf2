/**
 * `npm run import -- <files, folders or .jsonl> [--api URL] [--token T] [--batches N] [--per-document [--concurrency N]]`
 *
 * Without --api it imports through the `npm start` running on the data folder if there is one
 * (found by the folder's lock file), and otherwise opens the local archive directly, with the
 * embedded servers in a child process; with --api it posts to that Verbatim. Either way articles
 * go in batches of up to 100 (`ingestBatch`, `POST /api/documents:batch`), `--batches` at once;
 * `--per-document` is the old path, one ingest per article, `--concurrency` at once.
 */
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { compactIndex } from '../app/compact-index.ts';
import { answerOf, importBatches, type BatchItemAnswer } from '../app/import-batches.ts';
import { importDocuments } from '../app/import-documents.ts';
import { ingestBatch } from '../app/ingest-batch.ts';
import { MAX_BATCH_DOCUMENTS } from '../app/upload-limits.ts';
import { ingestDocument, type IngestRequest } from '../app/ingest-document.ts';
import { ENV } from '../config.ts';
import { describeHolder, findFolderHolder } from '../local/data-folder-lock.ts';
import { formatImportSummary } from '../local/format-import-summary.ts';
import { postBatchToApi } from '../local/post-batch-to-api.ts';
import { postToApi } from '../local/post-to-api.ts';
import { DEFAULT_DATA_DIR, startLocalArchive } from '../local/start-local-archive.ts';
import { countImportItems, readImportItems } from '../local/read-import-items.ts';

const USAGE =
  'Usage: npm run import -- <files, folders or .jsonl …> [--api http://localhost:3000] [--token TOKEN] [--batches 2] [--per-document [--concurrency 8]]';

const positiveInteger = (value: string | undefined, name: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer. ${USAGE}`);
  return n;
};

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      api: { type: 'string' },
      token: { type: 'string' },
      concurrency: { type: 'string', default: '8' },
      batches: { type: 'string', default: '2' },
      'per-document': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || positionals.length === 0) {
    console.log(USAGE);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const concurrency = positiveInteger(values.concurrency, 'concurrency');
  const inFlight = positiveInteger(values.batches, 'batches');

  const total = await countImportItems(positionals);
  const bar = new cliProgress.SingleBar(
    { format: 'Importing [{bar}] {percentage}% | {value}/{total} | {rate}/s | {eta_formatted} left', etaBuffer: 200 },
    cliProgress.Presets.shades_classic,
  );
  // A running `npm start` holds the data folder: import through it over HTTP instead.
  const running = values.api ? null : await findFolderHolder(process.env[ENV.dataDir] || DEFAULT_DATA_DIR);
  if (running && !running.url) throw new Error(describeHolder(running, process.env[ENV.dataDir] || DEFAULT_DATA_DIR));
  const api = values.api ?? running?.url;
  if (running) console.log(`Importing through the running server at ${api} (pid ${running.pid}).`);
  // The servers' own work (parsing requests, writing files and LevelDB) then runs on another core.
  const local = api ? null : await startLocalArchive(process.env, { serversInChild: true });
  const token = values.token ?? process.env.VERBATIM_API_TOKEN;
  const started = performance.now();
  let done = 0;
  const onItem = () => bar.increment(1, { rate: Math.round(++done / ((performance.now() - started) / 1000)) });
  bar.start(total, 0, { rate: 0 });
  try {
    const items = readImportItems(positionals);
    let summary;
    if (values['per-document']) {
      const ingest = local
        ? (request: IngestRequest) => ingestDocument(local.archive, request)
        : postToApi(api!, token);
      summary = await importDocuments(items, ingest, { concurrency, onItem });
    } else {
      const ingest = local
        ? async (requests: IngestRequest[]): Promise<BatchItemAnswer[]> =>
            (await ingestBatch(local.archive, requests)).map(answerOf)
        : postBatchToApi(api!, token);
      summary = await importBatches(items, ingest, { batchSize: MAX_BATCH_DOCUMENTS, inFlight, onItem });
    }
    bar.stop();
    console.log(['', ...formatImportSummary(summary)].join('\n'));
    // Write a snapshot now, so the next start loads the index instead of replaying the whole log.
    if (local) await compactIndex(local.archive);
  } finally {
    bar.stop();
    await local?.close();
  }
}

main().catch((error) => {
  console.error(`\nImport failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
});
