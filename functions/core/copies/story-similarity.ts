/**
 * Same story, not a copy: two reports of one event share the words that name it (people, places,
 * things) without sharing sentences. The measure is a symmetric cosine over damped term counts of
 * the words that carry content. Common words are left out by a fixed list; beyond it, a word is
 * weighted by its rarity in the archive (idf from the index's own document frequencies, once the
 * archive has {@link MIN_IDF_DOCUMENTS}: over a small archive idf says nothing, two documents
 * sharing a word give it idf 0) and a name (a word capitalised mid-sentence) by
 * {@link ENTITY_WEIGHT}, so the names of an event weigh more than the words of a whole beat
 * ("economy", "election"). A word said once in one document and absent from the other is dropped
 * from that document's norm: it is what any text adds of its own, and counting it makes a long
 * report look unlike a short one.
 */
import { tokenize } from '../text/tokenize.ts';

/** Content words read per document: bounds the work for a huge upload (the story is at the top). */
export const MAX_STORY_TOKENS = 20_000;
/** Characters tokenized per document, so that a huge upload is not tokenized whole. */
export const MAX_STORY_CHARS = 200_000;
/** Distinct words a vector keeps (its most frequent): bounds the index look-ups of its idf. */
export const MAX_STORY_WORDS = 1_000;
/** Shorter words are mostly function words, numbers' fragments and initials. */
export const MIN_STORY_WORD_LENGTH = 4;
/**
 * Cosine from which two documents (dates close) are on the same story. Without weights, at 0.45,
 * 14 of 50 sampled corpus links were the same event; at 0.55, 22 of 50 (seed 99). With idf and
 * names weighted, see the README (Figures, same-story links). The two seeds score 0.65.
 */
export const STORY_SIMILARITY = 0.55;
/** How much a word's rarity adds: its weight is 1 + IDF_WEIGHT × ln(N / df) / ln(N), from 1 to 1 + IDF_WEIGHT. */
export const IDF_WEIGHT = 2;
/** Below this many documents the archive's idf is noise, and every word weighs 1. */
export const MIN_IDF_DOCUMENTS = 1_000;
/** A name (capitalised mid-sentence in at least half its uses) weighs this many times a common word. */
export const ENTITY_WEIGHT = 1.5;
/** Words of a document that query for its same-story candidates. */
export const STORY_QUERY_WORDS = 8;

const COMMON = new Set(
  `about above across after again against almost along already also although always among amid another
  anyone anything around away back based because become been before being below between both came cannot
  could days does doing done down during each early either else even ever every first five four from further
  given going good great have having here high however into itself just know known last later least less like
  likely made make many may might more most much must near never next news none nothing now often once only
  other others over part people percent place said same says second several should show since some still such
  take taken than that their them then there these they thing things think third this those though three
  through time times told took toward under until upon used very want week weeks well went were what when
  where whether which while whole will with within without would year years your yesterday today tomorrow
  monday tuesday wednesday thursday friday saturday sunday january february march april june july august
  september october november december according added announced called including reported report reports
  statement spokesman spokeswoman official officials saying asked expected earlier former latest local
  million billion number around left right three best both around since make made come comes coming`.split(/\s+/),
);

/** A document's content words and their counts, from a bounded prefix of its text, and which are names. */
export interface StoryVector {
  counts: Map<string, number>;
  /** Words capitalised mid-sentence in at least half of their uses there. */
  entities: Set<string>;
}

/** A word's weight for its rarity: 1 for every word when the archive gives no idf. */
export type WordRarity = (word: string) => number;

/**
 * @example
 * ```ts
 * storyVector('Azerbaijan protests after the missile hit the embassy').counts.get('embassy'); // => 1
 * ```
 */
export function storyVector(text: string): StoryVector {
  const counts = new Map<string, number>();
  const capitals = new Map<string, number>();
  const midSentence = new Map<string, number>();
  const tokens = tokenize(text.slice(0, MAX_STORY_CHARS));
  for (let i = 0; i < tokens.length && i < MAX_STORY_TOKENS; i++) {
    const word = tokens[i].folded;
    if (word.length < MIN_STORY_WORD_LENGTH || COMMON.has(word) || /\d/.test(word)) continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
    if (startsSentence(text, tokens[i].start)) continue;
    midSentence.set(word, (midSentence.get(word) ?? 0) + 1);
    if (/\p{Lu}/u.test(text[tokens[i].start])) capitals.set(word, (capitals.get(word) ?? 0) + 1);
  }
  const entities = new Set([...capitals].filter(([word, n]) => n * 2 >= midSentence.get(word)!).map(([word]) => word));
  if (counts.size <= MAX_STORY_WORDS) return { counts, entities };
  const kept = [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, MAX_STORY_WORDS);
  return { counts: new Map(kept), entities };
}

/** Whether the word at `start` opens a sentence, a line or a quote: there a capital says nothing. */
function startsSentence(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && /[ \t"“‘'(]/.test(text[i])) i--;
  return i < 0 || /[.!?:\n]/.test(text[i]);
}

/**
 * The rarity weight of words in an archive of `documents`, from each word's document frequency.
 *
 * @example
 * ```ts
 * const rarity = idfRarity(25_000, (word) => frequencies.get(word) ?? 0); // from index.documentFrequencies(words)
 * ```
 */
export function idfRarity(documents: number, frequency: (word: string) => number): WordRarity {
  if (documents < MIN_IDF_DOCUMENTS) return () => 1;
  const known = new Map<string, number>();
  return (word) => {
    let weight = known.get(word);
    if (weight === undefined) {
      const idf = Math.max(0, Math.log(documents / Math.max(1, frequency(word))));
      weight = 1 + (IDF_WEIGHT * idf) / Math.log(documents);
      known.set(word, weight);
    }
    return weight;
  };
}

/** Damped count: a word said ten times is not ten times the story. */
const damped = (count: number) => 1 + Math.log(count);

/** A word's weight in `vector`: its rarity, times {@link ENTITY_WEIGHT} for a name there. */
const weightOf = (word: string, vector: StoryVector, rarity: WordRarity) =>
  rarity(word) * (vector.entities.has(word) ? ENTITY_WEIGHT : 1);

// The part of a vector's squared norm that does not depend on the other vector (its words said
// more than once), memoised per rarity: one document is scored against ten candidates, and a
// candidate against many documents of a batch, so recomputing it per pair was most of the cost.
const repeatedNorms = new WeakMap<WordRarity, WeakMap<StoryVector, number>>();

function repeatedNormSquared(vector: StoryVector, rarity: WordRarity): number {
  let byVector = repeatedNorms.get(rarity);
  if (!byVector) repeatedNorms.set(rarity, (byVector = new WeakMap()));
  let sum = byVector.get(vector);
  if (sum === undefined) {
    sum = 0;
    for (const [word, count] of vector.counts)
      if (count > 1) sum += (damped(count) * weightOf(word, vector, rarity)) ** 2;
    byVector.set(vector, sum);
  }
  return sum;
}

const UNWEIGHTED: WordRarity = () => 1;

/**
 * Cosine of two story vectors, 0 to 1, the same whichever comes first; `rarity` weighs the words
 * (see {@link idfRarity}), names weigh {@link ENTITY_WEIGHT} more. A vector's norm counts its words
 * said more than once, and those said once only when the other vector has them too.
 *
 * @example
 * ```ts
 * storySimilarity(storyVector(report), storyVector(analysis)); // => 0.4
 * ```
 */
export function storySimilarity(a: StoryVector, b: StoryVector, rarity: WordRarity = UNWEIGHTED): number {
  const [small, large] = a.counts.size <= b.counts.size ? [a, b] : [b, a];
  let dot = 0;
  // Words said once count in a norm only when shared: those are all met in this one loop.
  let smallOnce = 0;
  let largeOnce = 0;
  for (const [word, count] of small.counts) {
    const other = large.counts.get(word);
    if (other === undefined) continue;
    const inSmall = damped(count) * weightOf(word, small, rarity);
    const inLarge = damped(other) * weightOf(word, large, rarity);
    dot += inSmall * inLarge;
    if (count === 1) smallOnce += inSmall ** 2;
    if (other === 1) largeOnce += inLarge ** 2;
  }
  const denominator =
    Math.sqrt(repeatedNormSquared(small, rarity) + smallOnce) *
    Math.sqrt(repeatedNormSquared(large, rarity) + largeOnce);
  return denominator === 0 ? 0 : Math.round((dot / denominator) * 1000) / 1000;
}

/**
 * The words that name what a document is about, most frequent first (title words count double):
 * what the index is asked for its same-story candidates.
 *
 * @example
 * ```ts
 * storyQueryWords(document.title, vector); // => ['embassy', 'azerbaijan', 'missile', …]
 * ```
 */
export function storyQueryWords(title: string, vector: StoryVector): string[] {
  const score = new Map(vector.counts);
  for (const [word] of storyVector(title).counts) score.set(word, (score.get(word) ?? 0) * 2 + 1);
  return [...score]
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, STORY_QUERY_WORDS)
    .map(([word]) => word);
}
