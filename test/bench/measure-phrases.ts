/**
 * Phrases answered from the index's positions, side by side with SQLite FTS5 in the same run:
 * totals (must be equal), phrase latency, and what positions cost in shard bytes.
 *
 *   node --import tsx test/bench/measure-phrases.ts --scales 2400,25000 --runs 3
 *
 * The documents are the bench corpora copied up to each scale (replicate-documents.ts); shards
 * are built, encoded and decoded as the indexer and a reader would. FTS5 counts in its `text`
 * column only, as a Verbatim phrase is looked for in the text.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import {
  buildSegment,
  decodeSegment,
  encodeSegment,
  headLength,
  parseQuery,
  SHARD_DOCUMENTS,
  toIndexQuery,
  type IndexableDocument,
} from '../../functions/core/search/index.ts';
import { searchSegments } from '../../functions/core/search/search-segments.ts';
import { searchedText } from '../../functions/core/text/tokens-of.ts';
import { buildQueries, readCorpus } from './bench-queries.ts';
import { buildFts5, toFtsQuery } from './fts5-baseline.ts';
import { median, summarize } from './percentiles.ts';
import { replicate } from './replicate-documents.ts';

/** Phrases of common words only: the ones a candidate-checking engine could not count. */
export const COMMON_PHRASES = [
  'said that the',
  'according to the',
  'one of the',
  'as well as',
  'in the first',
  'at the end of',
  'part of the',
  'there is no',
  'it was the',
  'for the first time',
  'in order to',
  'he said that',
  'she said that',
  'is one of',
  'on the other hand',
  'at the same time',
  'a number of',
  'the end of the',
  'in the past',
  'more than a',
  'said it was',
  'it is not',
  'that it was',
  'in the world',
  'as a result',
  'was one of',
  'to be the',
  'would have been',
  'has been a',
  'will be the',
  'in the united states',
  'the first time',
  'said in a statement',
  'this is the',
  'there was a',
  'it has been',
  'one of his',
  'is expected to',
  'as part of',
  'the rest of the',
  'some of the',
  'most of the',
  'the number of',
  'in the same',
  'said they were',
  'at least one',
  'we have to',
  'do not have',
  'said he was',
  'by the end of',
];

const { values } = parseArgs({
  options: {
    scales: { type: 'string', default: '2400,25000' },
    runs: { type: 'string', default: '3' },
    corpus: { type: 'string', default: '../shared/corpus' },
    out: { type: 'string' },
  },
});
const scales = values.scales.split(',').map(Number);
const runs = Number(values.runs);
const CORPORA = ['wikinews-2019-2020/articles.jsonl', 'bbc-news/articles.jsonl'];

const articles = (await Promise.all(CORPORA.map((file) => readCorpus(join(values.corpus, file))))).flat();
const benchPhrases = buildQueries(articles)
  .filter((q) => q.kind === 'phrase')
  .map((q) => q.q);
const phrases = [...benchPhrases, ...COMMON_PHRASES.map((p) => `"${p}"`)];
const dir = await mkdtemp(join(tmpdir(), 'phrases-'));
const report: unknown[] = [];

for (const scale of scales) {
  const documents: IndexableDocument[] = [];
  let n = 0;
  for (const a of replicate(
    articles.map((article) => ({ id: `${article.corpus}/${article.ordinal}`, ...article })),
    scale,
  )) {
    documents.push({
      id: a.id,
      title: a.title,
      text: searchedText(a.text),
      speakers: [],
      publisher: '',
      publishedAt: '',
    });
    if (++n >= scale) break;
  }
  const files: Uint8Array[] = [];
  for (let from = 0; from < documents.length; from += SHARD_DOCUMENTS)
    files.push(encodeSegment(buildSegment(documents.slice(from, from + SHARD_DOCUMENTS))));
  const segments = files.map((bytes) => decodeSegment(bytes));
  // Positions' share of each file: the positions section and the head's positionStarts (u32 per key).
  const positionBytes = segments.reduce((sum, s) => sum + s.positions!.byteLength + 4 * (s.termCount + 1), 0);
  const totalBytes = files.reduce((sum, f) => sum + f.byteLength, 0);
  const headBytes = files.reduce((sum, f) => sum + headLength(f), 0);
  const headDecodeMs = median(
    [0, 1, 2].map(() => {
      const started = performance.now();
      for (const f of files) decodeSegment(f.slice(0, f.byteLength));
      return performance.now() - started;
    }),
  );

  const fts5File = join(dir, `fts5-${scale}.db`);
  const fts5 = buildFts5(fts5File, documents);
  const db = new Database(fts5File, { readonly: true });
  const count = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM docs WHERE docs MATCH ?');
  const top = db.prepare('SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 0.0, 2.0, 1.0) LIMIT 10');
  const ftsMatch = (q: string) => `text : ${toFtsQuery(q)}`;

  const mismatches: Array<{ q: string; verbatim: number; fts5: number }> = [];
  for (const q of phrases) {
    const verbatim = searchSegments(segments, toIndexQuery(parseQuery(q))).total;
    const theirs = count.get(ftsMatch(q))!.n;
    if (verbatim !== theirs) mismatches.push({ q, verbatim, fts5: theirs });
  }
  const p95s = { verbatim: [] as number[], fts5: [] as number[], ratio: [] as number[] };
  for (let run = 0; run < runs; run++) {
    const ours: number[] = [];
    const theirs: number[] = [];
    for (const q of phrases) {
      let started = performance.now();
      const hits = searchSegments(segments, toIndexQuery(parseQuery(q)));
      hits.top(10);
      ours.push(performance.now() - started);
      started = performance.now();
      count.get(ftsMatch(q));
      top.all(ftsMatch(q));
      theirs.push(performance.now() - started);
    }
    p95s.verbatim.push(summarize(ours).p95);
    p95s.fts5.push(summarize(theirs).p95);
    p95s.ratio.push(summarize(ours).p95 / summarize(theirs).p95);
  }
  db.close();
  const figures = {
    articles: documents.length,
    shards: files.length,
    phrases: { bench: benchPhrases.length, common: COMMON_PHRASES.length },
    totalsEqualToFts5: phrases.length - mismatches.length,
    mismatches,
    phraseP95Ms: { verbatim: median(p95s.verbatim), fts5: median(p95s.fts5), ratio: median(p95s.ratio) },
    indexBytes: { withPositions: totalBytes, withoutPositions: totalBytes - positionBytes, fts5: fts5.bytes },
    headBytes: {
      withPositions: headBytes,
      withoutPositions: headBytes - segments.reduce((s, g) => s + 4 * (g.termCount + 1), 0),
    },
    headDecodeMs,
  };
  console.log(JSON.stringify(figures));
  report.push(figures);
}
await rm(dir, { recursive: true, force: true });
if (values.out) await writeFile(values.out, `${JSON.stringify({ runs, scales: report }, null, 2)}\n`);
