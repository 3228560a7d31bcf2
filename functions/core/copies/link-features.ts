/**
 * What linking a document needs of its text, computed once where the text is at hand: its MinHash
 * band keys and shingle set (copies) and its story vector (same story). The parsing worker computes
 * them with the document, so the request thread never tokenizes a long text to link it; the caps
 * are the measures' own (`MAX_SHINGLED_CHARS`, `MAX_SHINGLES` in `min-hash.ts`, `MAX_STORY_CHARS`,
 * `MAX_STORY_TOKENS` in `story-similarity.ts`), so the cost is bounded whatever the document's size.
 */
import type { ArchivedDocument } from '../document.ts';
import { bandKeys, minHashSignature, shingleSet } from './min-hash.ts';
import { storyVector, type StoryVector } from './story-similarity.ts';

/** A document's fingerprints. Plain `Set` and `Map`, so they cross a worker boundary as they are. */
export interface LinkFeatures {
  /** The LSH band keys of its MinHash signature. */
  keys: string[];
  /** Its word 5-shingles, hashed. */
  shingles: Set<number>;
  /** Its content words and their counts, title included. */
  story: StoryVector;
}

/** A document as linking sees it: the few fields a link is judged by, and its fingerprints. */
export interface LinkSubject {
  id: string;
  title: string;
  publishedAt: string | null;
  features: LinkFeatures;
  /** The same, encoded as filed (`fingerprint-codec.ts`), when the parsing worker encoded them. */
  fingerprint?: Uint8Array;
}

/**
 * @example
 * ```ts
 * linkFeatures({ title: 'Bridge reopens', text }).keys.length; // => BANDS
 * ```
 */
export function linkFeatures(document: Pick<ArchivedDocument, 'title' | 'text'>): LinkFeatures {
  const shingles = shingleSet(document.text);
  return {
    keys: bandKeys(minHashSignature(shingles)),
    shingles,
    story: storyVector(`${document.title}\n${document.text}`),
  };
}

/**
 * A document's band keys alone (what unfiling it needs): its shingles and signature, not its story
 * vector, which would tokenize the text once more for nothing.
 *
 * @example
 * ```ts
 * bandKeysOf(document).length; // => BANDS
 * ```
 */
export function bandKeysOf(document: Pick<ArchivedDocument, 'text'>): string[] {
  return bandKeys(minHashSignature(shingleSet(document.text)));
}

/**
 * The subject of a whole document.
 *
 * @example
 * ```ts
 * linkSubject(document).features.shingles.size; // at most MAX_SHINGLES + 1
 * ```
 */
export function linkSubject(document: ArchivedDocument): LinkSubject {
  return {
    id: document.id,
    title: document.title,
    publishedAt: document.publishedAt ?? null,
    features: linkFeatures(document),
  };
}
