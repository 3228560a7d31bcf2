/**
 * The benchmark's result, the targets it is held to, and the compact table printed at the end.
 * Ratios against a baseline measured in the same run are the figures to compare between machines
 * and days; absolute milliseconds drift with the neighbours.
 */
import type { QueryKind } from './bench-queries.ts';
import type { IngestFigures } from './measure-ingest.ts';
import type { ScaleFigures } from './measure-scale.ts';
import type { Percentiles } from './percentiles.ts';

/** Everything written to `bench.json`. */
export interface BenchReport {
  startedAt: string;
  machine: { cpu: string; cores: number; totalMemoryGiB: number; platform: string; node: string };
  versions: Record<string, string>;
  options: { corpus: string; runs: number; concurrency: number; limit: number | null; scales: number[] };
  replication: string;
  queries: { seed: number; byKind: Record<QueryKind, number> };
  ingest: IngestFigures & { ratioToRawPut: number };
  scales: ScaleFigures[];
  targets: Target[];
}

/** One target of issue 5 and whether this run met it. */
export interface Target {
  what: string;
  target: string;
  measured: string;
  met: boolean;
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3));
const k = (n: number) => (n >= 1000 ? `${Number((n / 1000).toFixed(1))}k` : String(n));
const ppp = (p: Percentiles) => `${ms(p.p50)} / ${ms(p.p95)} / ${ms(p.p99)}`;

/**
 * The targets, checked at every scale measured (sizes below 25,000 only have the ratio targets).
 *
 * @example
 * ```ts
 * checkTargets(report.scales, report.ingest).filter((t) => !t.met);
 * ```
 */
export function checkTargets(scales: ScaleFigures[], ingest: BenchReport['ingest']): Target[] {
  const targets: Target[] = [];
  for (const s of scales) {
    const at = `at ${k(s.articles)}`;
    targets.push({
      what: `keyword search in process ${at}`,
      target: 'median ≤ FTS5',
      measured: `${ms(s.keyword.verbatim.p50)} vs ${ms(s.keyword.fts5.p50)} ms (${s.keyword.ratio.toFixed(2)}×)`,
      met: s.keyword.ratio <= 1,
    });
    targets.push({
      what: `search over HTTP ${at}`,
      target: 'median ≤ FTS5 behind a plain server',
      measured: `${ms(s.http.verbatim.p50)} vs ${ms(s.http.fts5.p50)} ms (${s.http.ratio.toFixed(2)}×)`,
      met: s.http.ratio <= 1,
    });
    targets.push({
      what: `memory ${at}`,
      target: '< 5 KB per article',
      measured: `${(s.memory.totalBytesPerArticle / 1024).toFixed(2)} KB (heap ${(s.memory.heapBytesPerArticle / 1024).toFixed(2)} + arrays ${(s.memory.arrayBufferBytesPerArticle / 1024).toFixed(2)})`,
      met: s.memory.totalBytesPerArticle < 5 * 1024,
    });
    if (s.articles >= 100_000) {
      targets.push({
        what: `keyword p99 ${at}`,
        target: '< 25 ms',
        measured: `${ms(s.keyword.verbatim.p99)} ms`,
        met: s.keyword.verbatim.p99 < 25,
      });
      targets.push({
        what: `quote finder p95 ${at}`,
        target: '< 50 ms',
        measured: `${ms(s.quotes.latency.p95)} ms (recall@1 ${s.quotes.recallAt1.toFixed(3)})`,
        met: s.quotes.latency.p95 < 50,
      });
      targets.push({
        what: `cold start ${at}`,
        target: '< 1 s',
        measured: `${ms(s.coldStart.verbatim.totalMs)} ms`,
        met: s.coldStart.verbatim.totalMs < 1000,
      });
    } else if (s.articles >= 25_000) {
      targets.push({
        what: `cold start ${at}`,
        target: '< 300 ms',
        measured: `${ms(s.coldStart.verbatim.totalMs)} ms`,
        met: s.coldStart.verbatim.totalMs < 300,
      });
    }
  }
  targets.push({
    what: 'ingest through npm run import',
    target: '≥ 1,000 articles/s',
    measured: `${ingest.ingest.docsPerSecond.toFixed(0)} /s`,
    met: ingest.ingest.docsPerSecond >= 1000,
  });
  // Independent of archive size: one new article rewrites at most the open shard (≤ SHARD_DOCUMENTS
  // articles), however many shards the archive has.
  targets.push({
    what: 'one new article, then a compaction',
    target: 'rewrites at most one shard, whatever the archive size',
    measured: scales
      .map((s) => `${k(s.articles)}: ${s.write.shardsWritten} shard, ${(s.write.bytesWritten / 1e6).toFixed(2)} MB`)
      .join('; '),
    met: scales.every((s) => s.write.shardsWritten <= 1),
  });
  return targets;
}

/** The compact human-readable table. */
export function formatReport(report: BenchReport): string {
  const { ingest } = report;
  const lines = [
    `Verbatim bench — ${report.options.limit === null ? 'full corpus' : `--limit ${report.options.limit}`}, ${report.options.runs} run(s) (medians), scales ${report.options.scales.map(k).join(', ')}`,
    `machine: ${report.machine.cpu}, ${report.machine.cores} cores, ${report.machine.totalMemoryGiB.toFixed(1)} GiB, ${report.machine.platform}, node ${report.machine.node}`,
    `versions: ${Object.entries(report.versions)
      .map(([name, v]) => `${name} ${v}`)
      .join(', ')}`,
    `scaling: ${report.replication}`,
    '',
    `ingest  ${ingest.ingest.documents} articles in ${ingest.ingest.seconds.toFixed(1)} s = ${ingest.ingest.docsPerSecond.toFixed(0)}/s (${ingest.ingest.added} added, ${ingest.ingest.duplicates} duplicates, ${ingest.ingest.rejected} rejected); raw S3 PutObject ${ingest.rawPut.docsPerSecond.toFixed(0)}/s; prepareDocument alone ${ingest.prepareOnly.docsPerSecond.toFixed(0)}/s`,
    '',
  ];
  for (const s of report.scales) {
    lines.push(
      `── ${s.articles} articles: ${s.build.shards} shard(s) ${(s.build.verbatimBytes / 1e6).toFixed(1)} MB (FTS5 ${(s.build.fts5Bytes / 1e6).toFixed(1)} MB)`,
      `   keyword in process p50/p95/p99  Verbatim ${ppp(s.keyword.verbatim)}  FTS5 ${ppp(s.keyword.fts5)}  ratio ${s.keyword.ratio.toFixed(2)}×; recall@10 ${s.keywordRecall.verbatim.toFixed(2)} vs ${s.keywordRecall.fts5.toFixed(2)}`,
      `   full search in process          Verbatim ${ppp(s.search.verbatim)}  FTS5+snippet ${ppp(s.search.fts5)}  ratio ${s.search.ratio.toFixed(2)}×`,
      `   HTTP all queries                Verbatim ${ppp(s.http.verbatim)}  FTS5 server ${ppp(s.http.fts5)}  ratio ${s.http.ratio.toFixed(2)}×; ping ${ms(s.http.ping.p50)}`,
      `   quote finder                    ${ppp(s.quotes.latency)}; recall@1 ${s.quotes.recallAt1.toFixed(3)} over ${s.quotes.queries}`,
      `   cold start to first answer      Verbatim ${ms(s.coldStart.verbatim.totalMs)} ms (boot ${ms(s.coldStart.verbatim.bootMs)}, import ${ms(s.coldStart.verbatim.importMs)}, index ${ms(s.coldStart.verbatim.loadIndexMs)}, query ${ms(s.coldStart.verbatim.firstQueryMs)})  FTS5 ${ms(s.coldStart.fts5.sinceProcessStartMs)} ms  ratio ${s.coldStart.ratio.toFixed(2)}×`,
      `   memory per article              ${(s.memory.totalBytesPerArticle / 1024).toFixed(2)} KB (heap ${(s.memory.heapBytesPerArticle / 1024).toFixed(2)}, arrays ${(s.memory.arrayBufferBytesPerArticle / 1024).toFixed(2)})`,
      `   one new article                 ${s.write.shardsWritten} shard(s), ${(s.write.bytesWritten / 1e6).toFixed(2)} MB written, compaction ${ms(s.write.compactMs)} ms`,
    );
  }
  lines.push('', 'targets:');
  for (const t of report.targets)
    lines.push(`  ${t.met ? 'met   ' : 'MISSED'}  ${t.what}: ${t.target} — ${t.measured}`);
  return lines.join('\n');
}
