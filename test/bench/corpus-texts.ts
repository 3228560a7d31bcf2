/** The article texts the prepare benches read: the first of the Wikinews and BBC corpora, half each. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The first `limit / 2` texts of each corpus (`$VERBATIM_CORPUS`, default ../shared/corpus).
 *
 * @example
 * ```ts
 * const texts = corpusTexts(300);
 * ```
 */
export function corpusTexts(limit: number): string[] {
  const corpus = process.env.VERBATIM_CORPUS ?? resolve(process.cwd(), '../shared/corpus');
  const texts: string[] = [];
  for (const file of [`${corpus}/wikinews-2019-2020/articles.jsonl`, `${corpus}/bbc-news/articles.jsonl`]) {
    const lines = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim());
    for (const line of lines.slice(0, limit / 2)) texts.push((JSON.parse(line) as { text: string }).text);
  }
  return texts;
}
