/**
 * Same-story similarity on the corpora (`node --import tsx test/bench/story-pairs.ts [limit] [seed]`):
 * the two seeds, the distribution over random pairs, and a seeded sample of the links ingest would
 * make, to read by hand. Words are weighted as ingest weighs them over an archive of these
 * articles: idf from their document frequencies (`idfRarity`), names by `ENTITY_WEIGHT`;
 * `--unweighted` scores without idf (names still weigh more), for a comparison.
 */
import { readFileSync } from 'node:fs';
import { tokenize } from '../../functions/core/text/tokenize.ts';
import {
  idfRarity,
  STORY_SIMILARITY,
  storyQueryWords,
  storySimilarity,
  storyVector,
} from '../../functions/core/copies/story-similarity.ts';
import { seededRandom } from './bench-queries.ts';

const corpus = process.env.VERBATIM_CORPUS ?? '../shared/corpus';
const seed = (name: string) => readFileSync(`${corpus}/seeds/${name}`, 'utf8');
const positional = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const articles = ['wikinews-2019-2020', 'bbc-news'].flatMap((dir) =>
  readFileSync(`${corpus}/${dir}/articles.jsonl`, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { title: string; text: string; publishedAt?: string }),
);
articles.push(
  { title: 'Azerbaijan files protest', text: seed('embassy-protest-report.txt') },
  { title: 'Baku demands answers', text: seed('embassy-protest-analysis.txt') },
);
// Document frequencies as the index counts them: folded words, once per document.
const frequency = new Map<string, number>();
for (const a of articles)
  for (const word of new Set(tokenize(`${a.title}\n${a.text}`).map((t) => t.folded)))
    frequency.set(word, (frequency.get(word) ?? 0) + 1);
const rarity = process.argv.includes('--unweighted')
  ? () => 1
  : idfRarity(articles.length, (word) => frequency.get(word) ?? 0);
const vectors = articles.map((a) => storyVector(`${a.title}\n${a.text}`));
const similarity = (i: number, j: number) => storySimilarity(vectors[i], vectors[j], rarity);
console.log('seeds', similarity(articles.length - 2, articles.length - 1));
const random = seededRandom(12);
const scores: number[] = [];
for (let i = 0; i < 5000; i++) {
  const a = Math.floor(random() * articles.length);
  const b = Math.floor(random() * articles.length);
  if (a !== b && articles[a].text !== articles[b].text) scores.push(similarity(a, b));
}
scores.sort((x, y) => x - y);
const at = (q: number) => scores[Math.floor(q * (scores.length - 1))];
console.log('random pairs', scores.length, 'median', at(0.5), 'p99', at(0.99), 'p99.9', at(0.999), 'max', at(1));
const limit = Number(positional[0] ?? 0.3);
console.log('random pairs at or over', limit, scores.filter((s) => s >= limit).length);

// What ingest would link: each document against the documents sharing one of its query words
// (the search's OR query), all pairs at or over the threshold, and a sample of 50 to read.
const byWord = new Map<string, number[]>();
articles.forEach((article, i) => {
  for (const word of storyQueryWords(article.title, vectors[i])) byWord.set(word, [...(byWord.get(word) ?? []), i]);
});
const linked = new Map<string, number>();
articles.forEach((article, i) => {
  for (const word of storyQueryWords(article.title, vectors[i]))
    for (const j of byWord.get(word) ?? []) {
      if (j === i || articles[j].text === article.text) continue;
      const key = i < j ? `${i} ${j}` : `${j} ${i}`;
      if (linked.has(key)) continue;
      const score = similarity(i, j);
      if (score >= STORY_SIMILARITY) linked.set(key, score);
    }
});
console.log(`pairs at or over ${STORY_SIMILARITY} among candidates: ${linked.size}`);
const sample = seededRandom(Number(positional[1] ?? 12));
const keys = [...linked.keys()];
for (let k = 0; k < 50 && keys.length > 0; k++) {
  const key = keys.splice(Math.floor(sample() * keys.length), 1)[0];
  const [i, j] = key.split(' ').map(Number);
  console.log(`${linked.get(key)!.toFixed(2)}  ${articles[i].title}  |  ${articles[j].title}`);
}
