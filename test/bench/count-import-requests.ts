/**
 * `node --openssl-legacy-provider --import tsx test/bench/count-import-requests.ts [--limit N] [--no-links]`:
 * the storage round trips a bulk import costs per article, by kind. Runs the bulk path (batches of
 * 100, 2 in flight, the servers in child processes as `npm run import` runs them) over the first
 * N articles of each corpus file into a fresh store, counting every request the SDK clients send
 * (a middleware on each client). Prints JSON: requests per article by command, and in all.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { answerOf, importBatches } from '../../functions/app/import-batches.ts';
import { ingestBatch } from '../../functions/app/ingest-batch.ts';
import { startLocalArchive } from '../../functions/local/start-local-archive.ts';
import { corpusItems } from './corpus-items.ts';

const { values } = parseArgs({
  options: {
    limit: { type: 'string', default: '100' },
    // Without copy and same-story detection: what linking adds is the difference.
    'no-links': { type: 'boolean', default: false },
    corpus: { type: 'string', default: process.env.VERBATIM_CORPUS ?? '../shared/corpus' },
  },
});
const limit = Number(values.limit);
const items = () => corpusItems(values.corpus!, limit);

const dataDir = await mkdtemp(join(tmpdir(), 'verbatim-count-requests-'));
const local = await startLocalArchive(
  {
    ...process.env,
    VERBATIM_DATA_DIR: dataDir,
    VERBATIM_S3_ENDPOINT: undefined,
    VERBATIM_DYNAMODB_ENDPOINT: undefined,
  },
  { persistent: true, serversInChild: true },
);
const counts = new Map<string, number>();
for (const client of [local.clients.s3, local.clients.dynamo] as Array<{
  middlewareStack: { add(fn: unknown, options: unknown): void };
}>)
  client.middlewareStack.add(
    (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => (args: unknown) => {
      const name = context.commandName ?? 'unknown';
      counts.set(name, (counts.get(name) ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize', name: 'countRequests' },
  );
const archive = { ...local.archive, linkOnIngest: !values['no-links'] };
try {
  const summary = await importBatches(
    items(),
    async (requests) => (await ingestBatch(archive, requests)).map(answerOf),
    { batchSize: 100, inFlight: 2 },
  );
  const articles = summary.added + summary.duplicates + summary.rejected.length;
  const perArticle = Object.fromEntries(
    [...counts].sort((a, b) => b[1] - a[1]).map(([name, n]) => [name, +(n / articles).toFixed(3)]),
  );
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  console.log(
    JSON.stringify(
      { articles, added: summary.added, requestsPerArticle: +(total / articles).toFixed(2), perArticle },
      null,
      2,
    ),
  );
} finally {
  await local.close();
  await rm(dataDir, { recursive: true, force: true });
}
