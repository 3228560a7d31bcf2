/**
 * The quote finder eval (a section of `npm run eval:quotes`; also runnable alone:
 * `node --import tsx test/eval/quote-finder-eval.ts [--limit N] [--quotes N] [--seed N]`).
 *
 * 1. Ingests the Wikinews and BBC corpora (`$VERBATIM_CORPUS`, default ../shared/corpus) into a
 *    scratch archive through the real ingest path; `--limit N` takes the first N articles of each.
 * 2. Draws a seeded sample of `--quotes` (default 300) sentences inside quote marks (≥ 6 words) and
 *    as many narration sentences (no quote marks), spread over as many documents as possible.
 * 3. Asks the finder each quote as-is and misremembered once per kind (see quote-finder-variants.ts);
 *    narration sentences are asked as they are.
 * 4. A hit is a result whose document (or one of its `alsoIn` copies) is the sample's document and
 *    whose match overlaps the sample sentence. Identical article bodies are one document in the
 *    archive (the id is the text's hash), so a hit on a duplicate is a hit by construction.
 * Reports recall@1, recall@5 and MRR (over the top 10) per kind, and latency p50/p95 of the whole
 * in-process call (index freshness check included), into bench-results/eval-quote-finder.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { IngestRequest } from '../../functions/app/ingest-document.ts';
import { findQuotes, type QuoteResult } from '../../functions/app/find-quotes.ts';
import { importDocuments } from '../../functions/app/import-documents.ts';
import { ingestDocument } from '../../functions/app/ingest-document.ts';
import { readImportItems } from '../../functions/local/read-import-items.ts';
import { startLocalArchive } from '../../functions/local/start-local-archive.ts';
import { candidateSentences, sampleSentences, type Sample } from './quote-finder-samples.ts';
import { seededRandom, VARIANTS } from './quote-finder-variants.ts';

interface Latency {
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

interface KindReport {
  asked: number;
  recallAt1: number;
  recallAt5: number;
  mrr: number;
}

/** The eval's figures, as written to bench-results/eval-quote-finder.json. */
export interface QuoteFinderReport {
  corpora: string[];
  limitPerCorpus: number | null;
  documents: number;
  quotes: number;
  narration: number;
  seed: number;
  kinds: Record<string, KindReport>;
  misremembered: KindReport;
  /** Every call of the run, including each document's first sight (load from S3 and preparation). */
  latencyMs: Latency;
  /** The exact quotes asked again: every document already prepared, as in a warm process. */
  warmLatencyMs: Latency;
  /** `archive.index.current()` alone (reads the ingest log): part of every call above, not the finder's own work. */
  freshnessCheckMs: Latency;
  ingestSeconds: number;
  failures: Array<{ kind: string; claim: string; expected: string; got: string | null }>;
}

const arg = (argv: string[], name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};

function rankOf(results: QuoteResult[], sample: Sample): number {
  const hits = (id: string, m: { start: number; end: number }) =>
    id === sample.documentId && m.start < sample.end && m.end > sample.start;
  const i = results.findIndex(
    (r) => hits(r.document.id, r.match) || r.alsoIn.some((o) => hits(o.document.id, o.match)),
  );
  return i < 0 ? Infinity : i + 1;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

function latency(times: number[]): Latency {
  const sorted = [...times].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  return {
    p50: round(percentile(sorted, 50), 2),
    p95: round(percentile(sorted, 95), 2),
    max: round(sorted[sorted.length - 1], 2),
    mean: round(mean, 2),
  };
}

function summarise(ranks: number[]): KindReport {
  const n = ranks.length || 1;
  return {
    asked: ranks.length,
    recallAt1: round(ranks.filter((r) => r <= 1).length / n),
    recallAt5: round(ranks.filter((r) => r <= 5).length / n),
    mrr: round(ranks.reduce((s, r) => s + (r <= 10 ? 1 / r : 0), 0) / n),
  };
}

/**
 * @example
 * ```ts
 * const report = await runQuoteFinderEval(['--limit', '50']);
 * ```
 */
export async function runQuoteFinderEval(argv: string[] = process.argv.slice(2)): Promise<QuoteFinderReport> {
  const limit = arg(argv, 'limit') ? Number(arg(argv, 'limit')) : null;
  const count = Number(arg(argv, 'quotes') ?? 300);
  const seed = Number(arg(argv, 'seed') ?? 20240601);
  const root = resolve(process.cwd(), process.env.VERBATIM_CORPUS ?? '../shared/corpus');
  const corpora = ['wikinews-2019-2020/articles.jsonl', 'bbc-news/articles.jsonl'].map((p) => resolve(root, p));

  const local = await startLocalArchive({}, { persistent: false });
  try {
    const archive = local.archive;
    const ids = new Set<string>();
    const ingest = async (request: IngestRequest) => {
      const result = await ingestDocument(archive, request);
      ids.add(result.id);
      return result;
    };
    async function* items() {
      for (const path of corpora) {
        let n = 0;
        for await (const item of readImportItems([path])) {
          if (limit !== null && n++ >= limit) break;
          yield item;
        }
      }
    }
    const summary = await importDocuments(items(), ingest, { concurrency: 8 });
    console.log(
      `\n== Quote finder: ingested ${ids.size} documents (${summary.duplicates} duplicates, ${summary.rejected.length} rejected) in ${summary.seconds.toFixed(1)} s ==`,
    );

    const quoted: Sample[][] = [];
    const narrated: Sample[][] = [];
    const sorted = [...ids].sort();
    for (let i = 0; i < sorted.length; i++) {
      // One at a time: thousands of parallel reads make the embedded S3 server drop connections.
      const found = candidateSentences((await archive.documents.get(sorted[i]))!);
      quoted.push(found.quoted);
      narrated.push(found.narration);
    }
    const random = seededRandom(seed);
    const quotes = sampleSentences(quoted, count, random);
    const narration = sampleSentences(narrated, count, random);

    const ranks: Record<string, number[]> = {};
    const latencies: number[] = [];
    const failures: QuoteFinderReport['failures'] = [];
    await findQuotes(archive, { q: 'warm up the index reader', limit: 10 });
    for (const [kind, variant] of Object.entries(VARIANTS)) {
      ranks[kind] = [];
      for (const sample of kind === 'narration' ? narration : quotes) {
        const claim = variant(sample.text, random);
        if (!claim || claim.split(/\s+/).length < 2) continue;
        const started = performance.now();
        const { results } = await findQuotes(archive, { q: claim, limit: 10 });
        latencies.push(performance.now() - started);
        const rank = rankOf(results, sample);
        ranks[kind].push(rank);
        if (rank > 1)
          failures.push({
            kind,
            claim,
            expected: `${sample.documentId} ${sample.text}`,
            got: results[0] ? `${results[0].document.id} ${results[0].match.text} (${results[0].score})` : null,
          });
      }
    }
    const warm: number[] = [];
    const freshness: number[] = [];
    for (const sample of quotes) {
      let started = performance.now();
      await archive.index.current();
      freshness.push(performance.now() - started);
      started = performance.now();
      await findQuotes(archive, { q: sample.text, limit: 10 });
      warm.push(performance.now() - started);
    }
    const kinds = Object.fromEntries(Object.entries(ranks).map(([k, r]) => [k, summarise(r)]));
    const report: QuoteFinderReport = {
      corpora: corpora.map((c) => c.slice(root.length + 1)),
      limitPerCorpus: limit,
      documents: ids.size,
      quotes: quotes.length,
      narration: narration.length,
      seed,
      kinds,
      misremembered: summarise(
        Object.entries(ranks)
          .filter(([k]) => k !== 'exact')
          .flatMap(([, r]) => r),
      ),
      latencyMs: latency(latencies),
      warmLatencyMs: latency(warm),
      freshnessCheckMs: latency(freshness),
      ingestSeconds: round(summary.seconds, 1),
      failures,
    };
    print(report);
    return report;
  } finally {
    await local.close();
  }
}

function print(report: QuoteFinderReport): void {
  console.log(`${report.quotes} quotes, ${report.narration} narration sentences, seed ${report.seed}`);
  console.log('kind        asked  recall@1  recall@5  MRR@10');
  const row = (k: string, r: KindReport) =>
    console.log(
      `${k.padEnd(12)}${String(r.asked).padStart(5)}  ${r.recallAt1.toFixed(3).padStart(8)}  ${r.recallAt5.toFixed(3).padStart(8)}  ${r.mrr.toFixed(3).padStart(6)}`,
    );
  for (const [k, r] of Object.entries(report.kinds)) row(k, r);
  row('misremem.', report.misremembered);
  const show = (l: Latency) => `p50 ${l.p50} ms, p95 ${l.p95} ms, max ${l.max} ms`;
  console.log(`latency     ${show(report.latencyMs)} (in process, all calls, documents' first sight included)`);
  console.log(`warm        ${show(report.warmLatencyMs)} (the exact quotes again, every document prepared)`);
  console.log(
    `freshness   ${show(report.freshnessCheckMs)} (index.current() alone: the ingest-log read every call includes)`,
  );
  const dir = resolve(process.cwd(), 'bench-results');
  mkdirSync(dir, { recursive: true });
  const path = resolve(dir, 'eval-quote-finder.json');
  writeFileSync(path, JSON.stringify(report, null, 2) + '\n');
  console.log(`wrote ${path}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runQuoteFinderEval().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
