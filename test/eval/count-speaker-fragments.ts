/**
 * `node --import tsx test/eval/count-speaker-fragments.ts [corpus files…]`
 *
 * Counts, over the Wikinews and BBC corpora, the phrases the speaker rules refuse as clause
 * fragments (see functions/core/quotes/check-speaker-phrase.ts) and the named speakers that
 * remain, and prints a sample of each reason, for the closing note of issue 11.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { extractQuotes } from '../../functions/core/quotes/extract-quotes.ts';
import { normalizeText } from '../../functions/core/text/normalize-text.ts';
import { splitParagraphs } from '../../functions/core/text/split-paragraphs.ts';

const corpus = process.env.VERBATIM_CORPUS ?? resolve(process.cwd(), '../shared/corpus');
const files =
  process.argv.slice(2).length > 0
    ? process.argv.slice(2)
    : [`${corpus}/wikinews-2019-2020/articles.jsonl`, `${corpus}/bbc-news/articles.jsonl`];
/** Examples printed per reason. */
const SAMPLE = 8;

const refused = new Map<string, string[]>();
let named = 0;
let articles = 0;
for (const file of files) {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const text = normalizeText((JSON.parse(line) as { text: string }).text);
    articles++;
    const quotes = extractQuotes(text, splitParagraphs(text), {
      onRefusedSpeaker: (mention, reason) => refused.set(reason, [...(refused.get(reason) ?? []), mention]),
    });
    named += quotes.filter((q) => q.speaker !== null).length;
  }
}
const total = [...refused.values()].reduce((n, l) => n + l.length, 0);
console.log(
  `${articles} articles: ${named} quotes with a speaker kept; ${total} speaker phrases refused as fragments (another rule then named the speaker or none)`,
);
for (const [reason, list] of refused)
  console.log(
    `  ${reason}: ${list.length}, e.g. ${list
      .slice(0, SAMPLE)
      .map((m) => JSON.stringify(m))
      .join(', ')}`,
  );
