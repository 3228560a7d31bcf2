/**
 * What copy and same-story detection cost at ingest, at several archive sizes
 * (`node --openssl-legacy-provider --import tsx test/bench/bench-link-cost.ts --scales 2385,25000`):
 *
 * One archive on disk (the embedded servers in a child process, as `npm run import` runs them)
 * grows through the bulk path (`ingestBatch`, batches of 100, 2 in flight) with detection on, to
 * each scale in turn. At each scale, `--runs` alternating pairs ingest `--measure` fresh articles
 * with detection on, then off (the order swapped every other run), each timed until a search has
 * applied them to the index (detection's story search does that during ingest; without it the
 * next search does, so both pay it). Articles past the real ones are copies of the real articles,
 * as the archive bench's larger scales are: copy r of article k is its text with "(copy r)" added
 * (so it is a distinct, near-identical text: every one of them has copies to find, the worst case
 * for copy detection) and " (copy r)" added to its title. What a run without detection ingested is
 * linked afterwards, untimed (`--unfiled` leaves it unlinked). The index is compacted after each fill,
 * as the indexer does every minute. Prints one JSON line per scale and a summary. `--links-out FILE`
 * writes every copy and same-story link at the end, one `kind from to similarity` line each,
 * sorted (an id is its text's hash, so the same on every tree): two trees' link results on the
 * same corpus are then compared with `diff`.
 */
import { ScanCommand, type AttributeValue, type ScanCommandOutput } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Archive } from '../../functions/app/archive.ts';
import { compactIndex } from '../../functions/app/compact-index.ts';
import { answerOf, importBatches } from '../../functions/app/import-batches.ts';
import { ingestBatch } from '../../functions/app/ingest-batch.ts';
import { linkNewDocument } from '../../functions/app/link-copies.ts';
import { linkSubject } from '../../functions/core/copies/link-features.ts';
import { forEachAtMost } from '../../functions/core/for-each-at-most.ts';
import type { IngestRequest } from '../../functions/app/prepare-document.ts';
import { searchArchive } from '../../functions/app/search-archive.ts';
import { readImportItems } from '../../functions/local/read-import-items.ts';
import { startLocalArchive } from '../../functions/local/start-local-archive.ts';
import { freshArchiveEnv } from './fresh-archive-env.ts';

const argument = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : process.argv[at + 1];
};
const corpus = process.env.VERBATIM_CORPUS ?? '../shared/corpus';
const paths = [`${corpus}/wikinews-2019-2020/articles.jsonl`, `${corpus}/bbc-news/articles.jsonl`];
const scales = argument('scales', '2385,25000').split(',').map(Number);
const runs = Number(argument('runs', '3'));
const measure = Number(argument('measure', '200'));
const linksOut = argument('links-out', '');
// The runs without detection left unlinked (the bench before linkAfterwards, for comparison).
const unfiled = process.argv.includes('--unfiled');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const encoder = new TextEncoder();
const decoder = new TextDecoder();

const real: IngestRequest[] = [];
for await (const item of readImportItems(paths)) if ('request' in item) real.push(item.request);

/** Article k: a real one, or copy ⌊k / N⌋ of real article k mod N (see the module comment). */
function article(k: number): IngestRequest {
  const source = real[k % real.length];
  const copy = Math.floor(k / real.length);
  if (copy === 0) return source;
  const text = `${decoder.decode(source.file.bytes)}\n\n(copy ${copy})`;
  return {
    ...source,
    file: { ...source.file, bytes: encoder.encode(text) },
    metadata: { ...source.metadata, title: `${source.metadata?.title ?? 'Untitled'} (copy ${copy})` },
  };
}

let next = 0;
async function* articles(count: number) {
  for (const end = next + count; next < end; next++) yield { label: String(next), request: article(next) };
}

/** Every LINK# item as `kind from to similarity`. */
async function linkLines(dynamo: Parameters<typeof scanAll>[0], table: string): Promise<string[]> {
  const lines: string[] = [];
  for (const item of await scanAll(dynamo, table)) {
    const { pk, sk, similarity } = unmarshall(item) as { pk: string; sk: string; similarity?: number };
    if (!pk.startsWith('LINK#')) continue;
    const [, kind, from] = pk.split('#');
    lines.push(`${kind}\t${from}\t${sk}\t${(similarity ?? 0).toFixed(4)}`);
  }
  return lines.sort();
}

async function scanAll(
  dynamo: { send(command: ScanCommand): Promise<ScanCommandOutput> },
  table: string,
): Promise<Array<Record<string, AttributeValue>>> {
  const items: Array<Record<string, AttributeValue>> = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const out = await dynamo.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Ingests the next `count` articles; seconds until they are ingested and searchable, and their ids. */
async function ingest(archive: Archive, count: number): Promise<{ seconds: number; ids: string[] }> {
  const started = performance.now();
  const ids: string[] = [];
  const summary = await importBatches(
    articles(count),
    async (requests) => {
      const outcomes = await ingestBatch(archive, requests);
      for (const outcome of outcomes) if (outcome.ok && !outcome.result.duplicate) ids.push(outcome.result.id);
      return outcomes.map(answerOf);
    },
    { batchSize: 100, inFlight: 2 },
  );
  if (summary.rejected.length > 0) console.error('rejected', summary.rejected.slice(0, 3));
  await searchArchive(archive, { q: 'said', limit: 10, offset: 0, collapse: true });
  return { seconds: (performance.now() - started) / 1000, ids };
}

/**
 * Links, untimed, what a run without detection ingested, as an archive that always detects would
 * hold them: left unfiled, they are the next runs' story candidates with no stored fingerprints,
 * each read from S3 and tokenized again, which made every run with detection after one without
 * 2–4× slower than the first (a cost no archive linking every ingest pays).
 */
async function linkAfterwards(archive: Archive, ids: string[]): Promise<void> {
  const documents = await archive.documents.getMany(ids);
  await forEachAtMost(ids, 4, async (id) => {
    const document = documents.get(id);
    if (document) await linkNewDocument(archive, linkSubject(document));
  });
}

const dataDir = await mkdtemp(join(tmpdir(), 'verbatim-link-cost-'));
const local = await startLocalArchive(freshArchiveEnv(dataDir), { persistent: true, serversInChild: true });
const withLinks: Archive = { ...local.archive, linkOnIngest: true };
const withoutLinks: Archive = { ...local.archive, linkOnIngest: false };
const results = [];
try {
  for (const scale of scales) {
    const fillStarted = performance.now();
    const fill = Math.max(0, scale - next);
    while (next < scale) {
      await ingest(withLinks, Math.min(1000, scale - next));
      console.error(`filled ${next} (${((performance.now() - fillStarted) / 1000).toFixed(0)} s)`);
    }
    const fillRate = fill / ((performance.now() - fillStarted) / 1000);
    await compactIndex(local.archive);
    const on: number[] = [];
    const off: number[] = [];
    for (let run = 0; run < runs; run++) {
      const order = run % 2 === 0 ? [true, false] : [false, true];
      for (const link of order) {
        const { seconds, ids } = await ingest(link ? withLinks : withoutLinks, measure);
        (link ? on : off).push(measure / seconds);
        if (!link && !unfiled) await linkAfterwards(withLinks, ids);
      }
    }
    const result = {
      scale,
      articles: next,
      fillRate: Math.round(fillRate * 10) / 10,
      on: on.map((r) => Math.round(r * 10) / 10),
      off: off.map((r) => Math.round(r * 10) / 10),
      medianOn: Math.round(median(on) * 10) / 10,
      medianOff: Math.round(median(off) * 10) / 10,
      ratio: Math.round((median(on) / median(off)) * 100) / 100,
      msPerArticleOn: Math.round(1000 / median(on)),
      msPerArticleOff: Math.round(1000 / median(off)),
    };
    results.push(result);
    console.log(JSON.stringify(result));
  }
  if (linksOut) {
    const lines = await linkLines(local.clients.dynamo, local.config.table);
    await writeFile(linksOut, lines.join('\n') + '\n');
  }
} finally {
  await local.close();
  await rm(dataDir, { recursive: true, force: true });
}
console.log(JSON.stringify({ runs, measure, results }));
