/**
 * The word-forms eval's documents: the Wikinews and BBC articles, each distinct text once with the
 * id the archive gives it (a hash of the text), shared by `eval-word-forms.ts` and
 * `explain-form-misses.ts` so both rank the very same index.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { buildSegment, SHARD_DOCUMENTS, type IndexableDocument } from '../../functions/core/search/index.ts';
import type { Segment } from '../../functions/core/search/segment.ts';
import { buildQueries, readCorpus, type CorpusArticle } from '../bench/bench-queries.ts';

const CORPORA = ['wikinews-2019-2020/articles.jsonl', 'bbc-news/articles.jsonl'];

/** Every article read, the distinct ones, their ids, and the documents the index is built from. */
export interface FormEvalCorpus {
  loaded: CorpusArticle[];
  articles: CorpusArticle[];
  ids: string[];
  documents: IndexableDocument[];
}

/**
 * Reads the corpora under `dir`, each distinct text once, as the archive stores it.
 *
 * @example
 * ```ts
 * const { articles, documents } = await loadFormEvalCorpus('../shared/corpus'); // 2,385 distinct articles
 * ```
 */
export async function loadFormEvalCorpus(dir: string): Promise<FormEvalCorpus> {
  const loaded = (await Promise.all(CORPORA.map((file) => readCorpus(join(dir, file))))).flat();
  const byText = new Map<string, CorpusArticle>();
  for (const article of loaded) if (article.text.trim() && !byText.has(article.text)) byText.set(article.text, article);
  const articles = [...byText.values()];
  const ids = articles.map((a) => createHash('sha256').update(a.text).digest('hex').slice(0, 16));
  const documents = articles.map((a, i) => ({
    id: ids[i],
    title: a.title,
    text: a.text,
    speakers: [],
    publisher: '',
    publishedAt: '',
  }));
  return { loaded, articles, ids, documents };
}

/** The documents as shards of `SHARD_DOCUMENTS`, as the indexer would write them. */
export function buildShards(documents: IndexableDocument[]): Segment[] {
  const segments: Segment[] = [];
  for (let from = 0; from < documents.length; from += SHARD_DOCUMENTS)
    segments.push(buildSegment(documents.slice(from, from + SHARD_DOCUMENTS)));
  return segments;
}

/**
 * The bench's fixed keyword queries (words of a title), each with the id of its source article.
 *
 * @example
 * ```ts
 * keywordQueriesOf(await loadFormEvalCorpus(dir)).length; // 100
 * ```
 */
export function keywordQueriesOf({ loaded, articles, ids }: FormEvalCorpus): Array<{ q: string; id: string }> {
  const idOfText = new Map(articles.map((a, i) => [a.text, ids[i]]));
  return buildQueries(loaded)
    .filter((query) => query.kind === 'keyword')
    .map((query) => {
      const source = loaded.find((a) => a.corpus === query.source.corpus && a.ordinal === query.source.ordinal)!;
      return { q: query.q, id: idOfText.get(source.text)! };
    });
}
