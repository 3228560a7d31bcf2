/**
 * `npm run import -- <files, folders or .jsonl> [--api URL] [--token T] [--concurrency N]`
 *
 * Without --api it imports through the `npm start` running on the data folder if there is one
 * (found by the folder's lock file), and otherwise opens the local archive directly; with --api it
 * posts each article to that Verbatim.
 * Either way each article goes through the same ingest code.
 */
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { compactIndex } from '../app/compact-index.ts';
import { importDocuments } from '../app/import-documents.ts';
import { ingestDocument, type IngestRequest } from '../app/ingest-document.ts';
import { ENV } from '../config.ts';
import { describeHolder, findFolderHolder } from '../local/data-folder-lock.ts';
import { formatImportSummary } from '../local/format-import-summary.ts';
import { postToApi } from '../local/post-to-api.ts';
import { DEFAULT_DATA_DIR, startLocalArchive } from '../local/start-local-archive.ts';
import { countImportItems, readImportItems } from '../local/read-import-items.ts';

const USAGE = 'Usage: npm run import -- <files, folders or .jsonl …> [--api http://localhost:3000] [--token TOKEN] [--concurrency 8]';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { api: { type: 'string' }, token: { type: 'string' }, concurrency: { type: 'string', default: '8' }, help: { type: 'boolean' } },
  });
  if (values.help || positionals.length === 0) {
    console.log(USAGE);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`--concurrency must be a positive integer. ${USAGE}`);

  const total = await countImportItems(positionals);
  const bar = new cliProgress.SingleBar({ format: 'Importing [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left', etaBuffer: 200 }, cliProgress.Presets.shades_classic);
  // A running `npm start` holds the data folder: import through it over HTTP instead.
  const running = values.api ? null : await findFolderHolder(process.env[ENV.dataDir] || DEFAULT_DATA_DIR);
  if (running && !running.url) throw new Error(describeHolder(running, process.env[ENV.dataDir] || DEFAULT_DATA_DIR));
  const api = values.api ?? running?.url;
  if (running) console.log(`Importing through the running server at ${api} (pid ${running.pid}).`);
  const local = api ? null : await startLocalArchive(process.env);
  const ingest = local ? (request: IngestRequest) => ingestDocument(local.archive, request) : postToApi(api!, values.token ?? process.env.VERBATIM_API_TOKEN);
  bar.start(total, 0);
  try {
    const summary = await importDocuments(readImportItems(positionals), ingest, { concurrency, onItem: () => bar.increment() });
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
