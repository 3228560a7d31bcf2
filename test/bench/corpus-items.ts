/** The import benches' input: the first `limit` articles of each sample corpus file. */
import { join } from 'node:path';
import type { ImportInput } from '../../functions/app/import-documents.ts';
import { readImportItems } from '../../functions/local/read-import-items.ts';

/**
 * @example
 * ```ts
 * for await (const item of corpusItems('../shared/corpus', 300)) console.log(item.label);
 * ```
 */
export async function* corpusItems(corpus: string, limit: number): AsyncGenerator<ImportInput> {
  for (const file of ['wikinews-2019-2020/articles.jsonl', 'bbc-news/articles.jsonl']) {
    let n = 0;
    for await (const item of readImportItems([join(corpus, file)])) {
      if (n++ >= limit) break;
      yield item;
    }
  }
}
