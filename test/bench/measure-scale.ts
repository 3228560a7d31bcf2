/**
 * One archive size of the scaling benchmark: Verbatim's sharded index and SQLite FTS5 built over
 * the same documents (the real ones, copied up to the size: see replicate-documents.ts), asked
 * the same queries in the same run — in process, over HTTP on loopback, and from a cold process.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { DynamoAuditLog } from '../../functions/adapters/dynamo-audit-log.ts';
import { dynamoStores } from '../../functions/adapters/dynamo-stores.ts';
import { S3BlobStore } from '../../functions/adapters/s3-blob-store.ts';
import { createArchive, type Archive } from '../../functions/app/archive.ts';
import { compactIndex } from '../../functions/app/compact-index.ts';
import { findQuotes } from '../../functions/app/find-quotes.ts';
import { ingestDocument } from '../../functions/app/ingest-document.ts';
import { searchArchive } from '../../functions/app/search-archive.ts';
import type { BlobStore } from '../../functions/core/ports.ts';
import {
  buildSegment,
  encodeSegment,
  headLength,
  parseQuery,
  SHARD_DOCUMENTS,
  toIndexQuery,
  type IndexableDocument,
  type SearchIndex,
} from '../../functions/core/search/index.ts';
import { documentKey, shardKey } from '../../functions/core/storage-keys.ts';
import { createApp } from '../../functions/http/create-app.ts';
import { ensureTable } from '../../functions/local/ensure-table.ts';
import type { LocalArchive } from '../../functions/local/start-local-archive.ts';
import type { ShippedHandler } from '../helpers/shipped-handler.ts';
import type { BenchQuery } from './bench-queries.ts';
import { buildFts5, Fts5Searcher } from './fts5-baseline.ts';
import { startFts5Server } from './fts5-server.ts';
import { measureColdStart, type ColdStart } from './measure-cold-start.ts';
import { measureFts5ColdStart, type Fts5ColdStart } from './measure-fts5-cold-start.ts';
import { getJson, startPingServer, startServer, timeEach } from './measure-latency.ts';
import { median, medianPercentiles, summarize, type Percentiles } from './percentiles.ts';
import { ReplicaBlobStore } from './replica-blob-store.ts';
import { replicate, sourceId } from './replicate-documents.ts';

/** A real article the queries were drawn from, and the archive id it was stored under. */
export interface QuerySource {
  query: BenchQuery;
  id: string | undefined;
}

/** Verbatim beside FTS5 on one measure: percentiles (median over runs) and the ratio of medians. */
export interface Versus {
  verbatim: Percentiles;
  fts5: Percentiles;
  /** Verbatim's median divided by FTS5's, per run, then the median of those. ≤ 1 means as fast or faster. */
  ratio: number;
}

/** Everything measured at one archive size. */
export interface ScaleFigures {
  articles: number;
  build: { verbatimMs: number; fts5Ms: number; shards: number; verbatimBytes: number; fts5Bytes: number };
  keyword: Versus;
  /** All 200 queries with result pages: Verbatim's full search (passages, facets, phrase check) vs FTS5 with snippet(). */
  search: Versus;
  http: Versus & { ping: Percentiles };
  quotes: {
    latency: Percentiles;
    recallAt1: number;
    queries: number;
    misses: Array<{ q: string; expected: string; got: string | null; candidates: number }>;
  };
  /** Share of keyword queries whose source article (or a copy of it) is in the top 10. */
  keywordRecall: { verbatim: number; fts5: number };
  coldStart: { verbatim: ColdStart; fts5: Fts5ColdStart; ratio: number };
  memory: { heapBytesPerArticle: number; arrayBufferBytesPerArticle: number; totalBytesPerArticle: number };
  /** One new document ingested into the archive of this size, then compacted. */
  write: { shardsWritten: number; bytesWritten: number; compactMs: number };
}

const timeAll = async <T>(items: T[], run: (item: T) => unknown) =>
  summarize((await timeEach(items, run)).map((s) => s.ms));

/** Verbatim's in-process keyword search: the index query and the ids of the best 10, as the API ranks them. */
async function verbatimKeyword(index: SearchIndex, q: string): Promise<string[]> {
  const hits = await index.search(toIndexQuery(parseQuery(q)));
  return hits.top(10).map((hit) => hits.document(hit).id);
}

/** A quoted sentence as a fact-checker might remember it: one word of the middle dropped. */
export function misremember(sentence: string): string {
  const words = sentence.split(/\s+/);
  if (words.length < 6) return sentence;
  words.splice(Math.floor(words.length / 2), 1);
  return words.join(' ');
}

/** A fresh bucket and table for an archive of `articles` documents, its documents read from the real archive's. */
export async function scaleArchive(
  local: LocalArchive,
  articles: number,
): Promise<{ archive: Archive; bucket: string; table: string; own: BlobStore }> {
  const bucket = `verbatim-scale-${articles}-${Date.now().toString(36)}`;
  const table = bucket;
  await local.clients.s3.send(new CreateBucketCommand({ Bucket: bucket }));
  await ensureTable(local.clients.dynamo, table);
  const own = new S3BlobStore(local.clients.s3, bucket);
  const blobs = new ReplicaBlobStore(own, local.archive.blobs);
  return {
    archive: createArchive({
      blobs,
      ...dynamoStores(local.clients.dynamo, table),
      audit: new DynamoAuditLog(local.clients.dynamo, table),
      maxUploadBytes: 10 << 20,
      indexFreshnessMs: local.config.indexFreshnessMs,
    }),
    bucket,
    table,
    own,
  };
}

/**
 * Verbatim's index of `documents`: shards written and a manifest swapped in, exactly what
 * compactIndex leaves behind.
 */
export async function writeScaleIndex(archive: Archive, own: BlobStore, documents: IndexableDocument[]) {
  const shards = [];
  for (let from = 0, n = 0; from < documents.length; from += SHARD_DOCUMENTS, n++) {
    const body = encodeSegment(buildSegment(documents.slice(from, from + SHARD_DOCUMENTS)));
    const key = shardKey(1, 'bench', n);
    await own.put(key, body, 'application/octet-stream');
    shards.push({
      key,
      documentCount: Math.min(SHARD_DOCUMENTS, documents.length - from),
      bytes: body.byteLength,
      headBytes: headLength(body),
    });
  }
  const verbatimBytes = shards.reduce((n, s) => n + s.bytes, 0);
  await archive.manifest.swap(
    {
      version: 1,
      through: 0,
      shards,
      retired: [],
      documentCount: documents.length,
      bytes: verbatimBytes,
      writtenAt: new Date().toISOString(),
    },
    0,
  );
  return { shards, verbatimBytes };
}

/** The bench's quote-finder claims: each sentence query as it is and with one word dropped. */
export const quoteQueriesOf = (sources: QuerySource[]) =>
  sources
    .filter((s) => s.query.kind === 'sentence' && s.id)
    .flatMap((s) => {
      const sentence = s.query.q.replace(/^"|"$/g, '');
      return [
        { q: sentence, id: s.id! },
        { q: misremember(sentence), id: s.id! },
      ];
    });

/** Recall@1 of the quote finder: the first result is the claim's source article or a copy of it. */
export async function quoteRecall(archive: Archive, queries: Array<{ q: string; id: string }>) {
  const misses: ScaleFigures['quotes']['misses'] = [];
  for (const query of queries) {
    const found = await findQuotes(archive, { q: query.q, limit: 5 });
    const got = found.results[0]?.document.id ?? null;
    if (got === null || sourceId(got) !== query.id)
      misses.push({ q: query.q, expected: query.id, got, candidates: found.candidates });
  }
  return { recallAt1: 1 - misses.length / Math.max(1, queries.length), misses };
}

/**
 * @example
 * ```ts
 * const figures = await measureScale(local, realDocuments, sources, 25_000, { runs: 5 });
 * ```
 */
export async function measureScale(
  local: LocalArchive,
  real: IndexableDocument[],
  sources: QuerySource[],
  articles: number,
  options: {
    runs: number;
    log: (message: string) => void;
    bundles: { verbatim: string; fts5: string };
    handler: ShippedHandler;
  },
): Promise<ScaleFigures> {
  const { log } = options;
  const documents = [...replicate(real, articles)];
  const scratch = await mkdtemp(join(tmpdir(), 'verbatim-scale-'));
  const closers: Array<() => Promise<void> | void> = [() => rm(scratch, { recursive: true, force: true })];
  try {
    // Verbatim: shards written and a manifest swapped in, exactly what compactIndex leaves behind.
    const { archive, bucket, table, own } = await scaleArchive(local, articles);
    let started = performance.now();
    const { shards, verbatimBytes } = await writeScaleIndex(archive, own, documents);
    const verbatimMs = performance.now() - started;
    const fts5File = join(scratch, 'fts5.db');
    const fts5Build = buildFts5(
      fts5File,
      documents.map(({ id, title, text }) => ({ id, title, text })),
    );
    const fts5 = Fts5Searcher.open(fts5File);
    closers.push(() => fts5.close());
    log(
      `${articles}: built ${shards.length} shard(s), ${(verbatimBytes / 2 ** 20).toFixed(1)} MB in ${Math.round(verbatimMs)} ms; FTS5 ${(fts5Build.bytes / 2 ** 20).toFixed(1)} MB in ${Math.round(fts5Build.buildMs)} ms`,
    );

    const keywordQueries = sources.filter((s) => s.query.kind === 'keyword');
    const allQueries = sources.map((s) => s.query.q);
    const quoteQueries = quoteQueriesOf(sources);

    const app = await startServer(createApp({ archive }).fetch);
    const fts5Server = await startFts5Server(fts5File);
    const ping = await startPingServer();
    closers.push(
      () => app.close(),
      () => fts5Server.close(),
      () => ping.close(),
    );

    const index = await archive.index.current();
    // Warm-up: JIT, the document cache, connection pools.
    const inTop10 = (ids: string[], id: string | undefined) =>
      id !== undefined && ids.some((hit) => sourceId(hit) === id);
    let verbatimFound = 0;
    for (const s of keywordQueries) if (inTop10(await verbatimKeyword(index, s.query.q), s.id)) verbatimFound++;
    const keywordRecall = {
      verbatim: verbatimFound / Math.max(1, keywordQueries.length),
      fts5:
        keywordQueries.filter((s) => inTop10(fts5.search(s.query.q, 10).ids, s.id)).length /
        Math.max(1, keywordQueries.length),
    };
    await timeAll(allQueries, (q) => searchArchive(archive, { q, limit: 10, offset: 0 }));
    const { recallAt1, misses: quoteMisses } = await quoteRecall(archive, quoteQueries);

    const runs: Array<{
      keyword: [Percentiles, Percentiles];
      search: [Percentiles, Percentiles];
      http: [Percentiles, Percentiles, Percentiles];
      quotes: Percentiles;
    }> = [];
    for (let run = 0; run < options.runs; run++) {
      const keyword: [Percentiles, Percentiles] = [
        await timeAll(keywordQueries, (s) => verbatimKeyword(index, s.query.q)),
        await timeAll(keywordQueries, (s) => fts5.search(s.query.q, 10)),
      ];
      const search: [Percentiles, Percentiles] = [
        await timeAll(allQueries, (q) => searchArchive(archive, { q, limit: 10, offset: 0 })),
        await timeAll(allQueries, (q) => fts5.searchWithSnippets(q, 10)),
      ];
      const http: [Percentiles, Percentiles, Percentiles] = [
        await timeAll(allQueries, (q) => getJson(`${app.url}/api/search?q=${encodeURIComponent(q)}&limit=10`)),
        await timeAll(allQueries, (q) => getJson(`${fts5Server.url}/search?q=${encodeURIComponent(q)}&limit=10`)),
        await timeAll(allQueries, () => getJson(`${ping.url}/ping`)),
      ];
      const quotes = await timeAll(quoteQueries, (query) => findQuotes(archive, { q: query.q, limit: 5 }));
      runs.push({ keyword, search, http, quotes });
      log(
        `${articles}: run ${run + 1}/${options.runs}: keyword p50 ${keyword[0].p50.toFixed(3)} vs FTS5 ${keyword[1].p50.toFixed(3)} ms; quotes p95 ${quotes.p95.toFixed(1)} ms`,
      );
    }
    const versus = (pick: (r: (typeof runs)[number]) => [Percentiles, Percentiles, ...Percentiles[]]): Versus => ({
      verbatim: medianPercentiles(runs.map((r) => pick(r)[0])),
      fts5: medianPercentiles(runs.map((r) => pick(r)[1])),
      ratio: median(runs.map((r) => pick(r)[0].p50 / pick(r)[1].p50)),
    });

    const firstQuery = keywordQueries[0]?.query.q ?? 'government';
    const colds: ColdStart[] = [];
    const ftsColds: Fts5ColdStart[] = [];
    // The shipped handler reads documents from its own bucket only: copy there the ones the first
    // query's page shows (the rest of this archive's documents are served by the replica store).
    for (const hit of (await searchArchive(archive, { q: firstQuery, limit: 10, offset: 0 })).results) {
      const blob = (await archive.blobs.get(documentKey(hit.id)))!;
      await own.put(documentKey(hit.id), blob.body, blob.contentType);
    }
    for (let i = 0; i < Math.max(3, options.runs); i++) {
      colds.push(
        await measureColdStart(
          options.bundles.verbatim,
          options.handler,
          { ...local.config, bucket, table },
          firstQuery,
        ),
      );
      ftsColds.push(await measureFts5ColdStart(options.bundles.fts5, fts5File, firstQuery));
    }
    // Memory from a run whose search is not the first request: the index's, not the app's first-request costs.
    const memory = await measureColdStart(
      options.bundles.verbatim,
      options.handler,
      { ...local.config, bucket, table },
      firstQuery,
      { warmFirst: true },
    );
    const medianBy = <T>(items: T[], key: (item: T) => number) =>
      [...items].sort((a, b) => key(a) - key(b))[Math.floor(items.length / 2)];
    const cold = medianBy(colds, (c) => c.totalMs);
    const ftsCold = medianBy(ftsColds, (c) => c.sinceProcessStartMs);
    log(
      `${articles}: cold start ${colds.map((c) => c.totalMs.toFixed(0)).join(', ')} ms (median ${cold.totalMs.toFixed(0)}); bytes before the first answer ${colds.map((c) => c.headBytes + c.firstQueryRangeBytes).join(', ')} (directories ${cold.headBytes}); FTS5 ${ftsCold.sinceProcessStartMs.toFixed(0)} ms`,
    );

    // The cost of a write into an archive of this size: one document in, one compaction.
    const probe = new TextEncoder().encode(`Scale probe ${articles}: a new report, added to an archive of this size.`);
    await ingestDocument(archive, {
      file: { bytes: probe, contentType: 'text/plain; charset=utf-8' },
      metadata: { title: `Probe ${articles}` },
    });
    started = performance.now();
    const compaction = await compactIndex(archive);
    const compactMs = performance.now() - started;

    return {
      articles: documents.length,
      build: {
        verbatimMs,
        fts5Ms: fts5Build.buildMs,
        shards: shards.length,
        verbatimBytes,
        fts5Bytes: fts5Build.bytes,
      },
      keyword: versus((r) => r.keyword),
      search: versus((r) => r.search),
      http: { ...versus((r) => r.http), ping: medianPercentiles(runs.map((r) => r.http[2])) },
      quotes: {
        latency: medianPercentiles(runs.map((r) => r.quotes)),
        recallAt1,
        queries: quoteQueries.length,
        misses: quoteMisses,
      },
      keywordRecall,
      coldStart: { verbatim: cold, fts5: ftsCold, ratio: cold.totalMs / ftsCold.sinceProcessStartMs },
      memory: {
        heapBytesPerArticle: memory.heapBytes / documents.length,
        arrayBufferBytesPerArticle: memory.arrayBufferBytes / documents.length,
        totalBytesPerArticle: (memory.heapBytes + memory.arrayBufferBytes) / documents.length,
      },
      write: compaction.written
        ? { shardsWritten: compaction.shardsWritten, bytesWritten: compaction.bytesWritten, compactMs }
        : { shardsWritten: 0, bytesWritten: 0, compactMs },
    };
  } finally {
    for (const close of closers.reverse()) await close();
  }
}
