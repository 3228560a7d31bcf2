/**
 * A cold start, run as its own process by the benchmark: from nothing to the first answered
 * search, against storage that is already there (the endpoints come from the environment, as on
 * Lambda). Prints one JSON line of {@link ColdStartSplit} on stdout.
 *
 * Every module is imported dynamically, after the first timestamp: static imports would run before
 * any line of this file and hide their cost in "boot".
 */
const topOfFile = performance.now(); // ms since this process started (performance.timeOrigin)

/** Milliseconds of each phase of a cold start, in order, and what the loaded index occupies. */
export interface ColdStartSplit {
  /** Process start to the first line of this file: Node, the tsx loader, the flags. */
  bootMs: number;
  /** Loading the app's modules (and transpiling them: tsx, as `npm start` does). */
  importMs: number;
  /** Manifest (DynamoDB), every shard's head fetched (S3, in parallel) and decoded, the log replayed. */
  loadIndexMs: number;
  /** The first search itself: the postings it needs (S3 byte ranges), then its documents (S3). */
  firstQueryMs: number;
  /** Process start to the first answered search. */
  totalMs: number;
  /** Process start to every posting of every shard in memory (loaded after the first answer). */
  completeMs: number;
  shards: number;
  indexBytes: number;
  documents: number;
  /** Heap (JS objects) and array buffers (the shards' typed arrays) the loaded index added, after a GC. */
  heapBytes: number;
  arrayBufferBytes: number;
  /** Resident memory with the app loaded but no index (the runtime's fixed cost), and with it loaded. */
  baseRssBytes: number;
  rssBytes: number;
  firstQueryTotal: number;
  /** Byte-range reads of shard heads before the first query, and of postings by the first query. */
  headRequests: number;
  headBytes: number;
  firstQueryRangeRequests: number;
  firstQueryRangeBytes: number;
}

async function main(): Promise<ColdStartSplit> {
  const [{ loadConfig }, { createClients }, { S3BlobStore }, { DynamoMetadataStore }, { DynamoAuditLog }, { createArchive }, { searchArchive }, { ReplicaBlobStore }] =
    await Promise.all([
      import('../../functions/config.ts'),
      import('../../functions/adapters/create-clients.ts'),
      import('../../functions/adapters/s3-blob-store.ts'),
      import('../../functions/adapters/dynamo-metadata-store.ts'),
      import('../../functions/adapters/dynamo-audit-log.ts'),
      import('../../functions/app/archive.ts'),
      import('../../functions/app/search-archive.ts'),
      import('./replica-blob-store.ts'),
    ]);
  const imported = performance.now();

  const config = loadConfig(process.env);
  const clients = createClients(config);
  const own = new S3BlobStore(clients.s3, config.bucket);
  // A scaled archive reads its documents from the real one (see replica-blob-store.ts).
  const real = process.env.BENCH_REAL_BUCKET;
  const store = real ? new ReplicaBlobStore(own, new S3BlobStore(clients.s3, real)) : own;
  // Counts the byte-range reads (shard heads, then the first query's postings) and their bytes.
  const ranges = { requests: 0, bytes: 0 };
  const blobs: typeof store = Object.assign(Object.create(store), {
    getRange: async (key: string, start: number, end: number) => {
      ranges.requests++;
      ranges.bytes += end - start;
      return store.getRange(key, start, end);
    },
  });
  const metadata = new DynamoMetadataStore(clients.dynamo, config.table);
  const archive = createArchive({ blobs, metadata, audit: new DynamoAuditLog(clients.dynamo, config.table), maxUploadBytes: config.maxUploadBytes });
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage();
  const started = performance.now();
  const index = await archive.index.current();
  const indexReady = performance.now();
  const headRanges = { ...ranges };
  const page = await searchArchive(archive, { q: process.env.BENCH_FIRST_QUERY || 'government', limit: 10, offset: 0 });
  const answered = performance.now();
  const rangesAtAnswer = { ...ranges };
  // Memory is measured on the whole index: wait for the postings still loading in the background.
  await index.loadAll();
  const completed = performance.now();
  // Twice: array buffers are freed by a weak callback that runs after the collection that finds them.
  gc?.();
  gc?.();
  const after = process.memoryUsage();
  const { manifest } = await archive.index.state();
  clients.s3.destroy();
  clients.dynamo.destroy();
  if (!manifest?.shards?.length) throw new Error('No index snapshot was loaded: run compactIndex before measuring a cold start.');
  return {
    bootMs: topOfFile,
    importMs: imported - topOfFile,
    loadIndexMs: indexReady - started,
    firstQueryMs: answered - indexReady,
    totalMs: answered,
    completeMs: completed,
    shards: manifest.shards.length,
    indexBytes: manifest.bytes,
    documents: index.documentCount,
    heapBytes: after.heapUsed - before.heapUsed,
    baseRssBytes: before.rss,
    rssBytes: after.rss,
    arrayBufferBytes: after.arrayBuffers - before.arrayBuffers,
    firstQueryTotal: page.total,
    headRequests: headRanges.requests,
    headBytes: headRanges.bytes,
    firstQueryRangeRequests: rangesAtAnswer.requests - headRanges.requests,
    firstQueryRangeBytes: rangesAtAnswer.bytes - headRanges.bytes,
  };
}

main().then(
  (split) => process.stdout.write(`${JSON.stringify(split)}\n`, () => process.exit(0)),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
