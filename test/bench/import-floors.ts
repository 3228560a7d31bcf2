/**
 * `node --openssl-legacy-provider --import tsx test/bench/import-floors.ts [--limit 300] [--runs 3] [--only NAME]`:
 * where a bulk-imported article's time goes, every figure from one run. On the same items (the
 * first `limit` articles of each corpus file), each on a fresh store with the embedded servers in
 * child processes as `npm run import` runs them:
 *
 * - parse only, the import's worker pool on every core (a batch of 100 at once, as `ingestBatch`);
 * - raw PutObject of each original, {@link STORAGE_CONCURRENCY} at once (the S3 floor);
 * - raw conditional PutItem, one per article, as many at once (the claim's floor: exact dedupe
 *   needs a condition, which `BatchWriteItem` cannot carry);
 * - raw BatchWriteItem, 25 items a request, {@link BATCH_WRITES_IN_FLIGHT} at once (items per second);
 * - the bulk import with linking off, the same without the documents' JSON PUTs (the ceiling of
 *   packing them; on a tree that packs them, the same as linking off: a check that none is left),
 *   and with linking on (the product).
 *
 * Before anything is timed, one import of the first {@link WARM_UP_ITEMS} items runs on a store of
 * its own, so no variant pays for the first compilation of the import's code (the first import
 * variant measured did: 0.6–0.9× the same code run later).
 *
 * Prints JSON: medians of `--runs`, each variant's runs, the CPU this (the import's) thread spent
 * per article or item (median), the load average around it, and every
 * rate as a ratio to the import with linking on and to the one with linking off.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BatchWriteItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { answerOf, importBatches } from '../../functions/app/import-batches.ts';
import type { ImportInput } from '../../functions/app/import-documents.ts';
import { ingestBatch } from '../../functions/app/ingest-batch.ts';
import type { IngestRequest } from '../../functions/app/ingest-document.ts';
import type { BlobStore } from '../../functions/core/ports.ts';
import { currentThreadStatPath, threadCpuMs } from '../../functions/app/thread-cpu-time.ts';
import { forEachAtMost } from '../../functions/core/for-each-at-most.ts';
import { prepareOffThread } from '../../functions/app/prepare-off-thread.ts';
import { startLocalArchive, type LocalArchive } from '../../functions/local/start-local-archive.ts';
import { corpusItems } from './corpus-items.ts';
import { freshArchiveEnv } from './fresh-archive-env.ts';

/** Requests in flight for the raw single-request floors: what two batches of the import send at most. */
const STORAGE_CONCURRENCY = 24;
/** BatchWriteItem requests in flight for its floor. */
const BATCH_WRITES_IN_FLIGHT = 4;
/** DynamoDB's limit of items per BatchWriteItem. */
const BATCH_WRITE_ITEMS = 25;
/** Runs at most, so the bench stays small on the shared machine. */
const MAX_RUNS = 5;
/** Items of the untimed warm-up import: two batches. */
const WARM_UP_ITEMS = 200;

const { values } = parseArgs({
  options: {
    limit: { type: 'string', default: '300' },
    runs: { type: 'string', default: '3' },
    corpus: { type: 'string', default: process.env.VERBATIM_CORPUS ?? '../shared/corpus' },
    only: { type: 'string' },
  },
});
const limit = Number(values.limit);
const runs = Math.min(MAX_RUNS, Number(values.runs));

/** The items once, in memory: reading the files is the same for every variant and not measured. */
const inputs: ImportInput[] = [];
for await (const item of corpusItems(values.corpus!, limit)) inputs.push(item);
const requests = inputs.flatMap((item) => ('request' in item ? [item.request] : []));
async function* replay(items = inputs): AsyncGenerator<ImportInput> {
  yield* items;
}

/** One variant: the units it handled (articles, or items for BatchWriteItem) on a fresh store. */
type Variant = (local: LocalArchive) => Promise<number>;

/**
 * The archive with every document JSON's PUT answered at once and not sent: the ceiling of what
 * packing the JSON as the originals are packed could buy (a bench-only store, never the product).
 */
const withoutJsonPuts = (blobs: BlobStore): BlobStore =>
  new Proxy(blobs, {
    get: (target, name, receiver) =>
      name === 'put'
        ? (key: string, ...rest: [Uint8Array | string, string, string?]) =>
            key.startsWith('documents/') ? Promise.resolve() : target.put(key, ...rest)
        : Reflect.get(target, name, receiver),
  });

const importWith =
  (linkOnIngest: boolean, jsonPuts = true, items = inputs): Variant =>
  async (local) => {
    const blobs = jsonPuts ? local.archive.blobs : withoutJsonPuts(local.archive.blobs);
    const archive = { ...local.archive, blobs, linkOnIngest };
    const summary = await importBatches(
      replay(items),
      async (batch) => (await ingestBatch(archive, batch)).map(answerOf),
      {
        batchSize: 100,
        inFlight: 2,
      },
    );
    return summary.added + summary.duplicates + summary.rejected.length;
  };

const parseOnly: Variant = async () => {
  const now = new Date();
  for (let i = 0; i < requests.length; i += 100)
    await Promise.all(requests.slice(i, i + 100).map((r) => prepareOffThread(r, now).catch(() => null)));
  return requests.length;
};

const rawPutObject: Variant = async (local) => {
  await forEachAtMost(requests, STORAGE_CONCURRENCY, async (r: IngestRequest, n) => {
    await local.clients.s3.send(
      new PutObjectCommand({ Bucket: local.config.bucket, Key: `bench-raw/${n}`, Body: r.file.bytes }),
    );
  });
  return requests.length;
};

/** An item about the size of a catalog record (a claim), keyed apart from the archive's own. */
const benchItem = (n: number) => ({
  pk: { S: `BENCH#${n}` },
  sk: { S: 'META' },
  body: { S: 'x'.repeat(600) },
});

const rawConditionalPut: Variant = async (local) => {
  await forEachAtMost(requests, STORAGE_CONCURRENCY, async (_r, n) => {
    await local.clients.dynamo.send(
      new PutItemCommand({
        TableName: local.config.table,
        Item: benchItem(n),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  });
  return requests.length;
};

const rawBatchWrite: Variant = async (local) => {
  // As many items as the import with linking on files (about 11 an article: claim, band keys, ready).
  const items = requests.length * 11;
  const chunks = Array.from({ length: Math.ceil(items / BATCH_WRITE_ITEMS) }, (_, c) => c);
  await forEachAtMost(chunks, BATCH_WRITES_IN_FLIGHT, async (c) => {
    const keys = Array.from({ length: Math.min(BATCH_WRITE_ITEMS, items - c * BATCH_WRITE_ITEMS) }, (_, i) => i);
    let pending = keys.map((i) => ({ PutRequest: { Item: benchItem(c * BATCH_WRITE_ITEMS + i) } }));
    while (pending.length > 0) {
      const answer = await local.clients.dynamo.send(
        new BatchWriteItemCommand({ RequestItems: { [local.config.table]: pending } }),
      );
      pending = (answer.UnprocessedItems?.[local.config.table] ?? []) as typeof pending;
    }
  });
  return items;
};

const variants: Array<[string, string, Variant]> = [
  ['parse only, worker pool on every core (floor)', 'articles', parseOnly],
  [`raw PutObject, ${STORAGE_CONCURRENCY} in flight (floor)`, 'articles', rawPutObject],
  [`raw conditional PutItem, ${STORAGE_CONCURRENCY} in flight (floor)`, 'articles', rawConditionalPut],
  [
    `raw BatchWriteItem, ${BATCH_WRITE_ITEMS} items a request, ${BATCH_WRITES_IN_FLIGHT} in flight (floor)`,
    'items',
    rawBatchWrite,
  ],
  ['bulk import, linking off', 'articles', importWith(false)],
  ['bulk import, linking off, no JSON PUTs (ceiling of packing the JSON)', 'articles', importWith(false, false)],
  ['bulk import, linking on (npm run import)', 'articles', importWith(true)],
];

// The parse workers start once per process (seconds from source on a loaded machine), and the
// import's code is compiled on first use: both before anything is timed, so no variant pays for it.
await Promise.all(requests.slice(0, 8).map((r) => prepareOffThread(r, new Date()).catch(() => null)));
await onFreshStore(importWith(true, true, inputs.slice(0, WARM_UP_ITEMS)));

/** Runs `variant` on a fresh store on disk, the servers in child processes as `npm run import` has them. */
async function onFreshStore(variant: Variant): Promise<number> {
  const dataDir = await mkdtemp(join(tmpdir(), 'verbatim-import-floors-'));
  const local = await startLocalArchive(freshArchiveEnv(dataDir), { persistent: true, serversInChild: true });
  try {
    return await variant(local);
  } finally {
    await local.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** This (the import's) thread's CPU so far: which thread is saturated is the question the bench asks. */
const mainStat = currentThreadStatPath();
const mainCpuMs = () => (mainStat ? (threadCpuMs(mainStat) ?? NaN) : NaN);
const results: Array<{
  name: string;
  unit: string;
  perSecond: number;
  runs: number[];
  mainThreadCpuMsPerUnit: number;
  load: string;
}> = [];
for (const [name, unit, variant] of variants) {
  if (values.only && !name.includes(values.only)) continue;
  const rates: number[] = [];
  const cpuPerUnit: number[] = [];
  const loadBefore = loadavg()[0];
  for (let run = 0; run < runs; run++) {
    await onFreshStore(async (local) => {
      const started = performance.now();
      const cpuBefore = mainCpuMs();
      const units = await variant(local);
      rates.push(units / ((performance.now() - started) / 1000));
      cpuPerUnit.push((mainCpuMs() - cpuBefore) / units);
      return units;
    });
  }
  const load = `${loadBefore.toFixed(1)}–${loadavg()[0].toFixed(1)}`;
  results.push({
    name,
    unit,
    perSecond: +median(rates).toFixed(1),
    runs: rates.map((r) => +r.toFixed(1)),
    mainThreadCpuMsPerUnit: +median(cpuPerUnit).toFixed(2),
    load,
  });
  console.error(JSON.stringify(results.at(-1)));
}
const rateOf = (part: string) => results.find((r) => r.name.includes(part))?.perSecond;
const on = rateOf('linking on');
const off = rateOf('linking off');
const ratio = (x: number, base: number | undefined) => (base ? +(x / base).toFixed(2) : null);
console.log(
  JSON.stringify(
    {
      articles: requests.length,
      runs,
      results: results.map((r) => ({
        ...r,
        vsLinkingOn: ratio(r.perSecond, on),
        vsLinkingOff: ratio(r.perSecond, off),
      })),
    },
    null,
    2,
  ),
);
// The parse pool's workers keep the process alive.
process.exit(0);
