/**
 * `node --import tsx test/eval/keyword-recall-prepared.ts`
 *
 * The bench's keyword recall@10 in half a minute instead of a 20-minute bench run: every corpus
 * item goes through `prepareDocument` (what the ingest stores: speakers found, publisher in the
 * title field, duplicates once), the documents are indexed in id order in one shard as the bench's
 * indexer does, and the bench's 100 fixed keyword queries are asked in process. Ranking changes
 * can be checked against the documents the target (no lower than 0.86) is measured on; the figure
 * matched `npm run bench -- --scales 2385` where both were run on the same code (0.85).
 */
import { join, resolve } from 'node:path';
import {
  buildSegment,
  parseQuery,
  SearchIndex,
  toIndexableDocument,
  toIndexQuery,
} from '../../functions/core/search/index.ts';
import { buildQueries, readCorpus } from '../bench/bench-queries.ts';
import { itemKey } from '../bench/measure-ingest.ts';
import { prepareCorpus } from '../bench/prepared-corpus.ts';

const CORPORA = ['wikinews-2019-2020/articles.jsonl', 'bbc-news/articles.jsonl'];

async function main(): Promise<void> {
  const paths = CORPORA.map((file) => join(resolve(process.cwd(), '../shared/corpus'), file));
  const prepared = await prepareCorpus(paths);
  const { idOfItem } = prepared;
  const documents = new Map([...prepared.documents].map(([id, d]) => [id, toIndexableDocument(d)]));
  const sorted = [...documents.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index = new SearchIndex([{ key: 'prepared', segment: buildSegment(sorted) }]);
  const articles = (await Promise.all(paths.map((path) => readCorpus(path)))).flat();
  const queries = buildQueries(articles).filter((query) => query.kind === 'keyword');
  const missed: string[] = [];
  for (const { q, source } of queries) {
    const hits = await index.search(toIndexQuery(parseQuery(q)));
    const id = idOfItem.get(itemKey(source.corpus, source.ordinal));
    if (!hits.top(10).some((hit) => hits.document(hit).id === id)) missed.push(q);
  }
  console.log(
    JSON.stringify({
      documents: sorted.length,
      queries: queries.length,
      recallAt10: 1 - missed.length / queries.length,
      missed,
    }),
  );
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`Keyword recall failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
    process.exit(1);
  },
);
