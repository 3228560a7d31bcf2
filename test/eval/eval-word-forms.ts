/**
 * `npm run eval:forms [-- --corpus DIR] [--count 400] [--runs 3] [--seed N] [--out FILE]`
 *
 * Word forms measured side by side with SQLite FTS5, all in one run over the same real articles
 * (Wikinews and BBC, duplicates of the same text counted once):
 * - known-item recall@10 on queries made from each article's distinctive words with their forms
 *   changed (see word-form-queries.ts): Verbatim, Verbatim with word forms off (what it did before),
 *   FTS5 `unicode61` (the bench's baseline) and FTS5 `porter`;
 * - keyword recall@10 on the bench's fixed keyword queries, for the same four;
 * - the index bytes the stem codes add, and the in-process latency of both query sets with and
 *   without word forms (medians of `--runs`).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  encodeSegment,
  parseQuery,
  SearchIndex,
  toIndexQuery,
  type IndexQuery,
} from '../../functions/core/search/index.ts';
import { buildFts5, Fts5Searcher, FTS5_PORTER_TOKENIZER, FTS5_TOKENIZER } from '../bench/fts5-baseline.ts';
import { median, summarize } from '../bench/percentiles.ts';
import { buildShards, keywordQueriesOf, loadFormEvalCorpus } from './form-eval-corpus.ts';
import { buildFormQueries, FORM_QUERY_SEED } from './word-form-queries.ts';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    count: { type: 'string' },
    runs: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string' },
  },
});
const corpus = resolve(process.cwd(), values.corpus ?? process.env.VERBATIM_CORPUS ?? '../shared/corpus');
const count = Number(values.count ?? 400);
const runs = Number(values.runs ?? 3);
/** Another seed gives other queries: tune on those, report on the fixed seed. */
const seed = values.seed === undefined ? FORM_QUERY_SEED : Number(values.seed);
if (!(count >= 1 && runs >= 1)) throw new Error('--count and --runs must be positive integers.');

/** The index query without word forms: what search did before them. */
function withoutForms(query: IndexQuery): IndexQuery {
  const strip = (clauses: IndexQuery['all']) => clauses?.map(({ forms: _, ...clause }) => clause);
  return { ...query, all: strip(query.all), any: strip(query.any), none: strip(query.none) };
}

async function main(): Promise<void> {
  const evalCorpus = await loadFormEvalCorpus(corpus);
  const { articles, ids, documents } = evalCorpus;
  const formQueries = buildFormQueries(articles, count, seed).map((f) => ({
    q: f.q,
    id: ids[f.source],
    changed: f.changed,
  }));
  const keywordQueries = keywordQueriesOf(evalCorpus);

  const segments = buildShards(documents);
  const index = new SearchIndex(segments.map((segment, n) => ({ key: `eval-${n}`, segment })));
  const bytes = segments.reduce((sum, s) => sum + encodeSegment(s).byteLength, 0);
  const stemCodeBytes = segments.reduce((sum, s) => sum + ((s.termCount + 3) & ~3), 0);

  const scratch = await mkdtemp(join(tmpdir(), 'verbatim-forms-'));
  try {
    const fts = Object.fromEntries(
      [
        ['unicode61', FTS5_TOKENIZER],
        ['porter', FTS5_PORTER_TOKENIZER],
      ].map(([name, tokenizer]) => {
        const file = join(scratch, `${name}.db`);
        const { bytes: ftsBytes } = buildFts5(file, documents, tokenizer);
        return [name, { searcher: Fts5Searcher.open(file), bytes: ftsBytes }];
      }),
    );
    const verbatim = (forms: boolean) => async (q: string) => {
      const query = toIndexQuery(parseQuery(q));
      const hits = await index.search(forms ? query : withoutForms(query));
      return hits.top(10).map((hit) => hits.document(hit).id);
    };
    const engines: Record<string, (q: string) => Promise<string[]> | string[]> = {
      verbatim: verbatim(true),
      verbatimWithoutForms: verbatim(false),
      fts5Unicode61: (q) => fts.unicode61.searcher.search(q, 10).ids,
      fts5Porter: (q) => fts.porter.searcher.search(q, 10).ids,
    };
    const recall = async (queries: Array<{ q: string; id: string }>) => {
      const out: Record<string, number> = {};
      for (const [name, run] of Object.entries(engines)) {
        let found = 0;
        for (const { q, id } of queries) if ((await run(q)).includes(id)) found++;
        out[name] = found / queries.length;
      }
      return out;
    };
    const latency = async (queries: Array<{ q: string }>, run: (q: string) => unknown) => {
      const medians: number[] = [];
      for (let r = 0; r < runs; r++) {
        const samples: number[] = [];
        for (const { q } of queries) {
          const started = performance.now();
          await run(q);
          samples.push(performance.now() - started);
        }
        medians.push(summarize(samples).p50);
      }
      return median(medians);
    };
    // Fixed-set queries word forms made Verbatim miss: what forms cost in precision.
    const lostToForms = async () => {
      const lost: string[] = [];
      for (const { q, id } of keywordQueries)
        if ((await engines.verbatimWithoutForms(q)).includes(id) && !(await engines.verbatim(q)).includes(id))
          lost.push(q);
      return lost;
    };
    const misses = [];
    for (const f of formQueries) {
      if (!(await engines.verbatim(f.q)).includes(f.id))
        misses.push({
          q: f.q,
          changed: f.changed,
          fts5PorterFound: fts.porter.searcher.search(f.q, 10).ids.includes(f.id),
        });
    }
    const report = {
      startedAt: new Date().toISOString(),
      corpus,
      articles: articles.length,
      formQueries: {
        seed,
        count: formQueries.length,
        recallAt10: await recall(formQueries),
        examples: formQueries.slice(0, 8).map((f) => f.changed),
        misses,
      },
      keywordQueries: {
        count: keywordQueries.length,
        recallAt10: await recall(keywordQueries),
        lostToForms: await lostToForms(),
      },
      index: {
        shards: segments.length,
        bytes,
        stemCodeBytes,
        stemCodeShare: stemCodeBytes / (bytes - stemCodeBytes),
        fts5Unicode61Bytes: fts.unicode61.bytes,
        fts5PorterBytes: fts.porter.bytes,
      },
      latencyP50Ms: {
        runs,
        formQueries: {
          verbatim: await latency(formQueries, engines.verbatim),
          verbatimWithoutForms: await latency(formQueries, engines.verbatimWithoutForms),
          fts5Porter: await latency(formQueries, engines.fts5Porter),
        },
        keywordQueries: {
          verbatim: await latency(keywordQueries, engines.verbatim),
          verbatimWithoutForms: await latency(keywordQueries, engines.verbatimWithoutForms),
          fts5Porter: await latency(keywordQueries, engines.fts5Porter),
        },
      },
    };
    for (const { searcher } of Object.values(fts)) searcher.close();
    const json = `${JSON.stringify(report, null, 2)}\n`;
    if (values.out) await writeFile(resolve(process.cwd(), values.out), json);
    const { misses: _, examples, ...summary } = report.formQueries;
    console.log(
      JSON.stringify(
        { ...report, formQueries: { ...summary, examples, misses: report.formQueries.misses.length } },
        null,
        2,
      ),
    );
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`Word-forms eval failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
    process.exit(1);
  },
);
