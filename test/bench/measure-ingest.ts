/**
 * Ingest throughput through the real import path (`startLocalArchive` on a fresh data folder, then
 * `importDocuments` + `ingestDocument`, as `npm run import` does), next to two baselines over the
 * same articles: raw S3 PutObject of their text on the same s3rver (the storage floor), and
 * `prepareDocument` alone (parse, normalise, quotes: the CPU floor).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { createClients } from '../../functions/adapters/create-clients.ts';
import { importDocuments, type ImportInput, type ImportSummary } from '../../functions/app/import-documents.ts';
import { ingestDocument, prepareDocument, type IngestRequest } from '../../functions/app/ingest-document.ts';
import { startLocalArchive, type LocalArchive } from '../../functions/local/start-local-archive.ts';
import { readImportItems } from '../../functions/local/read-import-items.ts';

/** Throughput of one way of storing the corpus. */
export interface Throughput {
  documents: number;
  seconds: number;
  docsPerSecond: number;
}

/** What one ingest run measured. */
export interface IngestFigures {
  ingest: Throughput & {
    added: number;
    duplicates: number;
    rejected: number;
    rejectedSample: ImportSummary['rejected'];
  };
  rawPut: Throughput;
  prepareOnly: Throughput;
}

/** An archive left running for the search measurements, and where its data lives. */
export interface BenchArchive {
  local: LocalArchive;
  dataDir: string;
  /** Archive id of each corpus item that was stored, by {@link itemKey}. */
  ids: Map<string, string>;
  close(): Promise<void>;
}

/** The key of a corpus item: its corpus folder name and position (as in `bench-queries.ts`). */
export const itemKey = (corpus: string, ordinal: number) => `${corpus}#${ordinal}`;

/** The import reader's items, at most `limit` per file, each request tagged with its item key. */
async function* corpusItems(
  paths: string[],
  limit: number,
  keys: WeakMap<IngestRequest, string>,
): AsyncGenerator<ImportInput> {
  for (const path of paths) {
    const corpus = basename(dirname(path));
    let ordinal = 0;
    for await (const item of readImportItems([path])) {
      if (ordinal >= limit) break;
      if ('request' in item) keys.set(item.request, itemKey(corpus, ordinal));
      ordinal++;
      yield item;
    }
  }
}

const throughput = (documents: number, seconds: number): Throughput => ({
  documents,
  seconds,
  docsPerSecond: documents / seconds,
});

/** Environment for a local archive on `dataDir` with its own embedded servers, whatever the shell says. */
function benchEnv(dataDir: string): Record<string, string | undefined> {
  return {
    ...process.env,
    VERBATIM_DATA_DIR: dataDir,
    VERBATIM_S3_ENDPOINT: undefined,
    VERBATIM_DYNAMODB_ENDPOINT: undefined,
    VERBATIM_BUCKET: 'verbatim-bench',
    VERBATIM_TABLE: 'verbatim-bench',
    VERBATIM_API_TOKEN: undefined,
  };
}

/**
 * Imports the corpus into a fresh archive (never the user's `.verbatim-data`) and measures it.
 * The archive is returned still running; the caller closes it.
 *
 * @example
 * ```ts
 * const { archive, figures } = await measureIngest(paths, { limit: Infinity, concurrency: 8 });
 * ```
 */
export async function measureIngest(
  paths: string[],
  options: { limit: number; concurrency: number },
): Promise<{ archive: BenchArchive; figures: IngestFigures }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'verbatim-bench-'));
  let local: LocalArchive | undefined;
  try {
    local = await startLocalArchive(benchEnv(dataDir), { persistent: true });
    const archive = local.archive;
    const keys = new WeakMap<IngestRequest, string>();
    const ids = new Map<string, string>();
    const summary = await importDocuments(
      corpusItems(paths, options.limit, keys),
      async (request) => {
        const result = await ingestDocument(archive, request);
        ids.set(keys.get(request)!, result.id);
        return result;
      },
      { concurrency: options.concurrency },
    );
    const documents = summary.added + summary.duplicates + summary.rejected.length;

    // Same reader, same driver, same concurrency: only the work per article differs.
    const { s3 } = createClients(local.config);
    let n = 0;
    const raw = await importDocuments(
      corpusItems(paths, options.limit, new WeakMap()),
      async (request) => {
        await s3.send(
          new PutObjectCommand({
            Bucket: local!.config.bucket,
            Key: `bench-raw/${n++}`,
            Body: request.file.bytes,
            ContentType: request.file.contentType,
          }),
        );
        return { duplicate: false };
      },
      { concurrency: options.concurrency },
    );
    s3.destroy();

    // Sequential: the CPU part of ingest cannot use more than one core anyway. It also gives the
    // id of items the import refused (a copy of one being stored at that very moment reports a
    // conflict): ids are content hashes, so that id is the stored copy's.
    const now = new Date();
    let prepared = 0;
    const prepareKeys = new WeakMap<IngestRequest, string>();
    const prepareStarted = performance.now();
    for await (const item of corpusItems(paths, options.limit, prepareKeys)) {
      if (!('request' in item)) continue;
      const document = await prepareDocument(item.request, now).catch(() => null);
      const key = prepareKeys.get(item.request)!;
      if (document && !ids.has(key)) ids.set(key, document.id);
      prepared++;
    }
    const prepareSeconds = (performance.now() - prepareStarted) / 1000;

    const figures: IngestFigures = {
      ingest: {
        ...throughput(documents, summary.seconds),
        added: summary.added,
        duplicates: summary.duplicates,
        rejected: summary.rejected.length,
        rejectedSample: summary.rejected.slice(0, 10),
      },
      rawPut: throughput(raw.added, raw.seconds),
      prepareOnly: throughput(prepared, prepareSeconds),
    };
    const opened = local;
    const close = async () => {
      await opened.close();
      await rm(dataDir, { recursive: true, force: true });
    };
    return { archive: { local: opened, dataDir, ids, close }, figures };
  } catch (error) {
    await local?.close().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}
