/**
 * Same-story similarity on the corpora (`node --import tsx test/bench/story-pairs.ts`): the two
 * seeds, the distribution over random pairs, and the highest-scoring pairs to read by hand.
 */
import { readFileSync } from 'node:fs';
import {
  STORY_SIMILARITY,
  storyQueryWords,
  storySimilarity,
  storyVector,
} from '../../functions/core/copies/story-similarity.ts';
import { seededRandom } from './bench-queries.ts';

const corpus = process.env.VERBATIM_CORPUS ?? '../shared/corpus';
const seed = (name: string) => readFileSync(`${corpus}/seeds/${name}`, 'utf8');
console.log(
  'seeds',
  storySimilarity(storyVector(seed('embassy-protest-report.txt')), storyVector(seed('embassy-protest-analysis.txt'))),
);
const articles = ['wikinews-2019-2020', 'bbc-news'].flatMap((dir) =>
  readFileSync(`${corpus}/${dir}/articles.jsonl`, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { title: string; text: string; publishedAt?: string }),
);
const vectors = articles.map((a) => storyVector(`${a.title}\n${a.text}`));
const random = seededRandom(12);
const scores: number[] = [];
for (let i = 0; i < 5000; i++) {
  const a = Math.floor(random() * articles.length);
  const b = Math.floor(random() * articles.length);
  if (a !== b && articles[a].text !== articles[b].text) scores.push(storySimilarity(vectors[a], vectors[b]));
}
scores.sort((x, y) => x - y);
const at = (q: number) => scores[Math.floor(q * (scores.length - 1))];
console.log('random pairs', scores.length, 'median', at(0.5), 'p99', at(0.99), 'p99.9', at(0.999), 'max', at(1));
const limit = Number(process.argv[2] ?? 0.3);
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
      const similarity = storySimilarity(vectors[i], vectors[j]);
      if (similarity >= STORY_SIMILARITY) linked.set(key, similarity);
    }
});
console.log(`pairs at or over ${STORY_SIMILARITY} among candidates: ${linked.size}`);
const keys = [...linked.keys()];
for (let k = 0; k < 50 && keys.length > 0; k++) {
  const key = keys.splice(Math.floor(random() * keys.length), 1)[0];
  const [i, j] = key.split(' ').map(Number);
  console.log(`${linked.get(key)!.toFixed(2)}  ${articles[i].title}  |  ${articles[j].title}`);
}
