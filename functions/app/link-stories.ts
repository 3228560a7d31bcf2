/**
 * Same-story links at ingest: other reports of the event a new document tells, that are not its
 * copies. The index is asked for the documents sharing the new document's most frequent content
 * words (one search, {@link MAX_STORY_CANDIDATES} at most, whatever the archive's size); each is
 * scored by {@link storySimilarity} and kept when its date is close. Links are stored both ways,
 * so the neighbour found lists the new document too without being recomputed.
 */
import type { LinkSubject } from '../core/copies/link-features.ts';
import type { DocumentLink } from '../core/copies/link-store.ts';
import {
  idfRarity,
  MIN_IDF_DOCUMENTS,
  STORY_SIMILARITY,
  storyQueryWords,
  storySimilarity,
  type StoryVector,
  type WordRarity,
} from '../core/copies/story-similarity.ts';
import type { Archive } from './archive.ts';
import { candidateSubjects } from './link-candidates.ts';
import { parseQuery, toIndexQuery, type SearchIndex } from '../core/search/index.ts';

/** Candidates scored per ingest: bounds the texts one ingest reads. */
export const MAX_STORY_CANDIDATES = 10;
/** Two reports of one event appear within days; an older article on the same place is background. */
export const MAX_STORY_DAYS_APART = 14;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether two publication dates are close enough; an unknown date does not rule a link out. */
function datesClose(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return true;
  const apart = Math.abs(Date.parse(a) - Date.parse(b));
  return !Number.isFinite(apart) || apart <= MAX_STORY_DAYS_APART * DAY_MS;
}

/**
 * The archived documents on the same story as `document`, most similar first, leaving out
 * `copies` (a copy is listed as a copy, never twice).
 *
 * @example
 * ```ts
 * const stories = await findStories(archive, linkSubject(document), copies); // [{ id, similarity: 0.61 }]
 * ```
 */
export async function findStories(
  archive: Archive,
  subject: LinkSubject,
  copies: ReadonlyArray<{ id: string }>,
  index?: SearchIndex,
): Promise<DocumentLink[]> {
  const searched = index ?? (await archive.index.current());
  const ids = await storyCandidateIds(subject, copies, searched);
  return scoreStories(subject, await candidateSubjects(archive, ids), searched);
}

/**
 * The ids of `subject`'s same-story candidates (at most {@link MAX_STORY_CANDIDATES}), from one
 * search of `index`: a bulk batch asks for every document's first and reads all their
 * fingerprints at once.
 *
 * @example
 * ```ts
 * await storyCandidateIds(subject, copies, await archive.index.current()); // ['3f2a…', …]
 * ```
 */
export async function storyCandidateIds(
  subject: LinkSubject,
  copies: ReadonlyArray<{ id: string }>,
  index: SearchIndex,
): Promise<string[]> {
  const words = storyQueryWords(subject.title, subject.features.story);
  if (words.length < 2) return [];
  const skip = new Set([subject.id, ...copies.map((copy) => copy.id)]);
  // The index's ranking alone: a search page would also read every hit's copy links (a DynamoDB
  // query each), count facets over all hits (the whole archive for an OR of common words) and cut
  // passages, none of which picks a candidate. That was most of a bulk import's time per article.
  const hits = await index.search(toIndexQuery(parseQuery(words.join(' OR '))));
  return hits
    .top(Math.min(hits.total, MAX_STORY_CANDIDATES + skip.size))
    .map((hit) => hits.document(hit).id)
    .filter((id) => !skip.has(id))
    .slice(0, MAX_STORY_CANDIDATES);
}

/**
 * Which of `candidates` are on `subject`'s story (dates close, {@link storySimilarity} at least
 * {@link STORY_SIMILARITY}), most similar first, words weighed by `index`'s document frequencies.
 *
 * @example
 * ```ts
 * await scoreStories(subject, await candidateSubjects(archive, ids), index); // [{ id, similarity: 0.61 }]
 * ```
 */
export async function scoreStories(
  subject: LinkSubject,
  candidates: LinkSubject[],
  index: SearchIndex,
): Promise<DocumentLink[]> {
  const vector = subject.features.story;
  const rarity = await rarityOf(index, wordsWeighed(vector, candidates));
  const found: DocumentLink[] = [];
  for (const other of candidates) {
    if (!datesClose(subject.publishedAt, other.publishedAt)) continue;
    const similarity = storySimilarity(vector, other.features.story, rarity);
    if (similarity >= STORY_SIMILARITY) found.push({ id: other.id, similarity });
  }
  return found.sort((a, b) => b.similarity - a.similarity);
}

/**
 * The words whose rarity scoring `vector` against `candidates` reads (`storySimilarity`): the
 * shared ones, which are all the new document's, and each vector's words said more than once.
 */
function wordsWeighed(vector: StoryVector, candidates: LinkSubject[]): string[] {
  const words = new Set(vector.counts.keys());
  for (const other of candidates)
    for (const [word, count] of other.features.story.counts) if (count > 1) words.add(word);
  return [...words];
}

// The document frequencies of only the words the documents scored hold (at most MAX_STORY_WORDS
// each), memoised while the index holds as many documents: a batch's hundred documents share most
// of their words. Fetched (with the term blocks they lie in) before scoring, so a cold index whose
// segments are partly loaded weighs words as a whole one does.
const frequencies = new WeakMap<SearchIndex, { documents: number; known: Map<string, number> }>();

async function rarityOf(index: SearchIndex, words: string[]): Promise<WordRarity> {
  const documents = index.documentCount;
  if (documents < MIN_IDF_DOCUMENTS) return idfRarity(documents, () => 0);
  let memo = frequencies.get(index);
  if (memo?.documents !== documents) frequencies.set(index, (memo = { documents, known: new Map() }));
  const { known } = memo;
  const missing = words.filter((word) => !known.has(word));
  if (missing.length > 0) for (const [word, n] of await index.documentFrequencies(missing)) known.set(word, n);
  // Every word scored was fetched above; one unknown still weighs as the rarest rather than throwing.
  return idfRarity(documents, (word) => known.get(word) ?? 0);
}

/**
 * Links `document` to the documents on its story, both ways.
 *
 * @example
 * ```ts
 * await linkStories(archive, linkSubject(document), copies);
 * ```
 */
export async function linkStories(
  archive: Archive,
  subject: LinkSubject,
  copies: ReadonlyArray<{ id: string }>,
): Promise<DocumentLink[]> {
  if (!archive.links) return [];
  const stories = await findStories(archive, subject, copies);
  if (stories.length > 0)
    await archive.links.link(
      'story',
      stories.map((story) => ({ a: subject.id, b: story.id, similarity: story.similarity })),
    );
  return stories;
}
