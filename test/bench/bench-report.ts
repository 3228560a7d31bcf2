/**
 * The benchmark's result: figures reduced across runs (medians) with their ratios to the
 * baselines measured in the same run, and the compact table printed at the end. Ratios are the
 * figures to compare between machines and days; absolute milliseconds drift with the neighbours.
 */
import type { QueryKind } from './bench-queries.ts';
import type { ColdStart } from './measure-cold-start.ts';
import type { IngestFigures } from './measure-ingest.ts';
import { median, medianPercentiles, type Percentiles } from './percentiles.ts';
import type { ByKind, RunFigures, Sanity } from './run-latency.ts';

/** Everything written to `bench.json`. */
export interface BenchReport {
  startedAt: string;
  machine: { cpu: string; cores: number; totalMemoryGiB: number; platform: string; node: string };
  versions: Record<string, string>;
  options: { corpus: string; runs: number; ingestRuns: number; concurrency: number; limit: number | null };
  queries: { seed: number; byKind: Record<QueryKind, number> };
  ingest: { runs: IngestFigures[]; docsPerSecond: number; rawPutDocsPerSecond: number; prepareOnlyDocsPerSecond: number; ratioToRawPut: number };
  index: { snapshotBytes: number; documentCount: number };
  coldStart: { median: ColdStart; jsonParseMs: number; loadSearchIndexWarmMs: number; loadJsonRatioToJsonParse: number };
  latency: {
    inProcess: ByKind;
    miniSearch: ByKind;
    http: ByKind;
    ping: Percentiles;
    inProcessRatioToMiniSearch: Record<'all' | QueryKind, Ratio>;
    httpRatioToPing: Ratio;
  };
  sanity: Record<QueryKind, Sanity>;
  runs: RunFigures[];
}

/** A figure divided by its baseline, percentile by percentile. */
export type Ratio = { p50: number; p95: number; p99: number };

const ratio = (a: Percentiles, b: Percentiles): Ratio => ({ p50: a.p50 / b.p50, p95: a.p95 / b.p95, p99: a.p99 / b.p99 });
const kinds = ['all', 'keyword', 'phrase', 'sentence'] as const;

function medianByKind(runs: ByKind[]): ByKind {
  return Object.fromEntries(kinds.map((k) => [k, medianPercentiles(runs.map((r) => r[k]))])) as ByKind;
}

/** Reduces the runs to medians and ratios. */
export function reduceRuns(runs: RunFigures[]): Pick<BenchReport, 'latency'> & { coldStart: BenchReport['coldStart'] } {
  const inProcess = medianByKind(runs.map((r) => r.inProcess));
  const miniSearch = medianByKind(runs.map((r) => r.miniSearch));
  const http = medianByKind(runs.map((r) => r.http));
  const ping = medianPercentiles(runs.map((r) => r.ping));
  const cold = Object.fromEntries(
    (Object.keys(runs[0].coldStart) as Array<keyof ColdStart>).map((key) => [key, median(runs.map((r) => r.coldStart[key]))]),
  ) as unknown as ColdStart;
  const jsonParseMs = median(runs.map((r) => r.jsonParseMs));
  return {
    latency: {
      inProcess,
      miniSearch,
      http,
      ping,
      inProcessRatioToMiniSearch: Object.fromEntries(kinds.map((k) => [k, ratio(inProcess[k], miniSearch[k])])) as Record<(typeof kinds)[number], Ratio>,
      httpRatioToPing: ratio(http.all, ping),
    },
    coldStart: {
      median: cold,
      jsonParseMs,
      loadSearchIndexWarmMs: median(runs.map((r) => r.loadSearchIndexMs)),
      loadJsonRatioToJsonParse: cold.loadJsonMs / jsonParseMs,
    },
  };
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const x = (r: number) => `${r.toFixed(r >= 10 ? 0 : 1)}×`;
const pad = (s: string, n: number) => s.padStart(n);

function latencyRow(label: string, p: Percentiles, base: Percentiles, r: Ratio): string {
  const cells = [p.p50, p.p95, p.p99].map((v) => pad(ms(v), 8)).join('');
  const bases = [base.p50, base.p95, base.p99].map((v) => pad(ms(v), 8)).join('');
  const ratios = [r.p50, r.p95, r.p99].map((v) => pad(x(v), 7)).join('');
  return `${label.padEnd(22)}${cells}  |${bases}  |${ratios}`;
}

/** The compact human-readable table. */
export function formatReport(report: BenchReport): string {
  const { ingest, latency: l, coldStart: c, sanity } = report;
  const last = ingest.runs[ingest.runs.length - 1].ingest;
  const cs = c.median;
  const lines = [
    `Verbatim bench — ${report.options.limit === null ? 'full corpus' : `--limit ${report.options.limit}`}, ${report.options.runs} latency run(s) (medians), ${report.options.ingestRuns} ingest run(s), concurrency ${report.options.concurrency}`,
    `machine: ${report.machine.cpu}, ${report.machine.cores} cores, ${report.machine.totalMemoryGiB.toFixed(1)} GiB, ${report.machine.platform}, node ${report.machine.node}`,
    `versions: ${Object.entries(report.versions).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    '',
    `ingest       ${last.documents} docs in ${last.seconds.toFixed(1)} s = ${ingest.docsPerSecond.toFixed(1)} docs/s (${last.added} added, ${last.duplicates} duplicates, ${last.rejected} rejected)`,
    `  baselines  raw S3 PutObject ${ingest.rawPutDocsPerSecond.toFixed(0)} docs/s → ingest is ${x(1 / ingest.ratioToRawPut)} slower; prepareDocument alone ${ingest.prepareOnlyDocsPerSecond.toFixed(0)} docs/s`,
    `index        snapshot ${(report.index.snapshotBytes / 1e6).toFixed(2)} MB, ${report.index.documentCount} docs`,
    `cold start   ${ms(cs.totalMs)} ms to first answer (spawn→exit ${ms(cs.spawnToExitMs)} ms): boot ${ms(cs.bootMs)}, import ${ms(cs.importMs)}, fetch snapshot ${ms(cs.fetchSnapshotMs)}, loadJSON ${ms(cs.loadJsonMs)}, replay log ${ms(cs.replayLogMs)}, first query ${ms(cs.firstQueryMs)}`,
    `  baseline   JSON.parse of the snapshot ${ms(c.jsonParseMs)} ms → loadJSON is ${x(c.loadJsonRatioToJsonParse)} (warm-process loadJSON ${ms(c.loadSearchIndexWarmMs)} ms)`,
    '',
    `latency ms              p50     p95     p99  | baseline p50/p95/p99  |  ratio p50/p95/p99`,
    ...kinds.map((k) => latencyRow(`in-process ${k}`, l.inProcess[k], l.miniSearch[k], l.inProcessRatioToMiniSearch[k])),
    latencyRow('HTTP all', l.http.all, l.ping, l.httpRatioToPing),
    ...(['keyword', 'phrase', 'sentence'] as const).map((k) => latencyRow(`HTTP ${k}`, l.http[k], l.ping, ratio(l.http[k], l.ping))),
    `  (in-process baseline: MiniSearch search alone on the same index; HTTP baseline: GET /ping)`,
    '',
    `sanity       ${(['keyword', 'phrase', 'sentence'] as const)
      .map((k) => `${k}: ${sanity[k].withResults}/${sanity[k].queries} with results, source in top 10 ${(sanity[k].recallTop10 * 100).toFixed(0)}%`)
      .join('; ')}`,
  ];
  return lines.join('\n');
}
