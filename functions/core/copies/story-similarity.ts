/**
 * Same story, not a copy: two reports of one event share the words that name it (people, places,
 * things) without sharing sentences. The measure is a symmetric cosine over damped term counts of
 * the words that carry content. Common words are left out by a fixed list instead of by idf: over
 * a small archive idf says nothing (two documents sharing a word give it idf 0), so a list that
 * does not depend on the archive keeps the score the same at 2 documents and at 25,000. A word
 * said once in one document and absent from the other is dropped from that document's norm: it is
 * what any text adds of its own, and counting it makes a long report look unlike a short one.
 */
import { tokenize } from '../text/tokenize.ts';

/** Content words read per document: bounds the work for a huge upload (the story is at the top). */
export const MAX_STORY_TOKENS = 20_000;
/** Characters tokenized per document, so that a huge upload is not tokenized whole. */
export const MAX_STORY_CHARS = 200_000;
/** Shorter words are mostly function words, numbers' fragments and initials. */
export const MIN_STORY_WORD_LENGTH = 4;
/**
 * Cosine from which two documents (dates close) are on the same story. At 0.45, 14 of 50 sampled
 * corpus links were the same event; at 0.55, 22 of 50 in a fresh sample (seed 99), 8 more on the
 * same running story: still a hint, not a finding (README, Provenance). The two seeds score 0.61.
 */
export const STORY_SIMILARITY = 0.55;
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

/** A document's content words and their counts, from a bounded prefix of its text. */
export type StoryVector = Map<string, number>;

/**
 * @example
 * ```ts
 * storyVector('Azerbaijan protests after the missile hit the embassy').get('embassy'); // => 1
 * ```
 */
export function storyVector(text: string): StoryVector {
  const vector: StoryVector = new Map();
  const tokens = tokenize(text.slice(0, MAX_STORY_CHARS));
  for (let i = 0; i < tokens.length && i < MAX_STORY_TOKENS; i++) {
    const word = tokens[i].folded;
    if (word.length < MIN_STORY_WORD_LENGTH || COMMON.has(word) || /\d/.test(word)) continue;
    vector.set(word, (vector.get(word) ?? 0) + 1);
  }
  return vector;
}

/** Damped count: a word said ten times is not ten times the story. */
const weight = (count: number) => 1 + Math.log(count);

function norm(own: StoryVector, other: StoryVector): number {
  let sum = 0;
  for (const [word, count] of own) if (count > 1 || other.has(word)) sum += weight(count) ** 2;
  return Math.sqrt(sum);
}

/**
 * Cosine of two story vectors, 0 to 1, the same whichever comes first.
 *
 * @example
 * ```ts
 * storySimilarity(storyVector(report), storyVector(analysis)); // => 0.4
 * ```
 */
export function storySimilarity(a: StoryVector, b: StoryVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [word, count] of small) {
    const other = large.get(word);
    if (other !== undefined) dot += weight(count) * weight(other);
  }
  const denominator = norm(a, b) * norm(b, a);
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
  const score = new Map(vector);
  for (const [word] of storyVector(title)) score.set(word, (score.get(word) ?? 0) * 2 + 1);
  return [...score]
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, STORY_QUERY_WORDS)
    .map(([word]) => word);
}
