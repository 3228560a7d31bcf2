/**
 * The rule that makes two documents copies of one article, on their word-shingle sets: nearly the
 * same shingles, or one nearly contained in the other (a syndicated copy with paragraphs cut).
 */
import { containment, jaccard } from './min-hash.ts';

/** Jaccard similarity of word 5-shingles from which two documents are copies of one article. */
export const COPY_SIMILARITY = 0.75;
/**
 * A trimmed copy (a paragraph or two cut) is also a copy: nearly all of it is in the other
 * document, and the two still share at least {@link TRIMMED_MIN_SIMILARITY} of their shingles.
 */
export const TRIMMED_CONTAINMENT = 0.9;
export const TRIMMED_MIN_SIMILARITY = 0.5;

/**
 * Whether two shingle sets are copies, and their Jaccard similarity (rounded to 3 places).
 *
 * @example
 * ```ts
 * judgeCopy(shingleSet(report), shingleSet(reportAsPdf)); // => { copy: true, similarity: 0.97 }
 * ```
 */
export function judgeCopy(a: Set<number>, b: Set<number>): { copy: boolean; similarity: number } {
  const similarity = jaccard(a, b);
  const trimmed = similarity >= TRIMMED_MIN_SIMILARITY && containment(a, b) >= TRIMMED_CONTAINMENT;
  return { copy: similarity >= COPY_SIMILARITY || trimmed, similarity: Math.round(similarity * 1000) / 1000 };
}
