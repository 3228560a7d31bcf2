/**
 * A cold start, run as its own process by the benchmark: from nothing to the first answered
 * search, against storage that is already there (the endpoints come from the environment, as on
 * Lambda). Prints one JSON line of {@link ColdStartSplit} on stdout.
 *
 * Every module is imported dynamically, after the first timestamp: static imports would run before
 * any line of this file and hide their cost in "boot".
 */
const topOfFile = performance.now(); // ms since this process started (performance.timeOrigin)

/** Milliseconds of each phase of a cold start, in order. */
export interface ColdStartSplit {
  /** Process start to the first line of this file: Node, the tsx loader, the flags. */
  bootMs: number;
  /** Loading the app's modules (and transpiling them: tsx, as `npm start` does). */
  importMs: number;
  /** Manifest (DynamoDB) then snapshot bytes (S3). */
  fetchSnapshotMs: number;
  /** Decoding the bytes and `MiniSearch.loadJSON`. */
  loadJsonMs: number;
  /** Reading the ingest log after the snapshot and indexing what it adds. */
  replayLogMs: number;
  /** The first search itself (it loads its documents from S3: nothing is cached yet). */
  firstQueryMs: number;
  /** Process start to the first answered search. */
  totalMs: number;
  snapshotBytes: number;
  logEntries: number;
  firstQueryTotal: number;
}

async function main(): Promise<ColdStartSplit> {
  const [{ loadConfig }, { createClients }, { S3BlobStore }, { DynamoMetadataStore }, { createArchive }, { searchArchive }] = await Promise.all([
    import('../../functions/config.ts'),
    import('../../functions/adapters/create-clients.ts'),
    import('../../functions/adapters/s3-blob-store.ts'),
    import('../../functions/adapters/dynamo-metadata-store.ts'),
    import('../../functions/app/archive.ts'),
    import('../../functions/app/search-archive.ts'),
  ]);
  const imported = performance.now();

  const config = loadConfig(process.env);
  const clients = createClients(config);
  const blobs = new S3BlobStore(clients.s3, config.bucket);
  const metadata = new DynamoMetadataStore(clients.dynamo, config.table);
  // The index reader is used as is; its calls to the stores mark where one phase ends and the
  // next begins (it decodes and loads the snapshot between the snapshot GET and the log read).
  const marks: { snapshotFetched?: number; logReadStarted?: number; snapshotBytes: number; logEntries: number } = { snapshotBytes: 0, logEntries: 0 };
  const timedBlobs: typeof blobs = Object.assign(Object.create(blobs), {
    async get(key: string) {
      const blob = await blobs.get(key);
      if (key.startsWith('index/') && marks.snapshotFetched === undefined) {
        marks.snapshotFetched = performance.now();
        marks.snapshotBytes = blob?.body.byteLength ?? 0;
      }
      return blob;
    },
  });
  const timedMetadata: typeof metadata = Object.assign(Object.create(metadata), {
    async readLog(after: number) {
      marks.logReadStarted ??= performance.now();
      const entries = await metadata.readLog(after);
      marks.logEntries += entries.length;
      return entries;
    },
  });
  const archive = createArchive({ blobs: timedBlobs, metadata: timedMetadata, maxUploadBytes: config.maxUploadBytes });
  await archive.index.current();
  const indexReady = performance.now();
  const page = await searchArchive(archive, { q: process.env.BENCH_FIRST_QUERY || 'government', limit: 10, offset: 0 });
  const answered = performance.now();
  clients.s3.destroy();
  clients.dynamo.destroy();

  if (marks.snapshotFetched === undefined || marks.logReadStarted === undefined) {
    throw new Error('No index snapshot was loaded: run compactIndex before measuring a cold start.');
  }
  return {
    bootMs: topOfFile,
    importMs: imported - topOfFile,
    fetchSnapshotMs: marks.snapshotFetched - imported,
    loadJsonMs: marks.logReadStarted - marks.snapshotFetched,
    replayLogMs: indexReady - marks.logReadStarted,
    firstQueryMs: answered - indexReady,
    totalMs: answered,
    snapshotBytes: marks.snapshotBytes,
    logEntries: marks.logEntries,
    firstQueryTotal: page.total,
  };
}

main().then(
  (split) => process.stdout.write(`${JSON.stringify(split)}\n`, () => process.exit(0)),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
