/**
 * Near-duplicate detection by MinHash and locality-sensitive hashing (Broder 1997; Leskovec,
 * Rajaraman & Ullman, "Mining of Massive Datasets", ch. 3): a document is the set of its word
 * 5-shingles over normalised (case- and accent-folded) words; its signature keeps, for each of
 * {@link SIGNATURE_SIZE} hash functions, the smallest hash of any shingle, so two signatures agree
 * in a position with probability equal to the sets' Jaccard similarity. The signature is cut into
 * {@link BANDS} bands of {@link ROWS_PER_BAND} rows: documents sharing one whole band are
 * candidates, which is what lets ingest find copies by key instead of comparing with everything.
 *
 * With 10 bands of 3 rows a pair with similarity s becomes a candidate with probability
 * 1 − (1 − s³)¹⁰: 0.9992 at 0.8, 0.985 at 0.7, 0.74 at 0.5, 0.077 at 0.2 and 0.01 at 0.1. Few bands
 * keep ingest cheap: each band is one DynamoDB query and one item written per document.
 */
import { tokenize } from '../text/tokenize.ts';

/** Words per shingle: long enough that unrelated news articles share almost none. */
export const SHINGLE_WORDS = 5;
export const BANDS = 10;
export const ROWS_PER_BAND = 3;
export const SIGNATURE_SIZE = BANDS * ROWS_PER_BAND;
/** Shingles hashed per document: bounds the work for a huge upload (a book is not an article). */
export const MAX_SHINGLES = 20_000;
/**
 * Characters of a text read for its shingles: more than {@link MAX_SHINGLES} words' worth, so the
 * cap on shingles still decides, but a 10 MB upload is not tokenized whole to keep its first part.
 * A huge document is thus compared by its opening, where a copy and its original agree.
 */
export const MAX_SHINGLED_CHARS = 400_000;

/** murmur3's 32-bit finaliser: a fast, well-mixed hash of a 32-bit value. */
function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over a string's UTF-16 units, finalised: a shingle's 32-bit id. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return mix32(h);
}

/** One seed per hash function, fixed so that signatures stay comparable across processes. */
const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix32(0x9e3779b9 * (i + 1)));

/**
 * The set of a text's word shingles, as 32-bit hashes. A text shorter than one shingle is one
 * shingle of all its words.
 *
 * @example
 * ```ts
 * shingleSet('One two three four five six').size; // => 2
 * ```
 */
export function shingleSet(text: string): Set<number> {
  const words = tokenize(text.slice(0, MAX_SHINGLED_CHARS)).map((token) => token.folded);
  const shingles = new Set<number>();
  const last = Math.min(Math.max(words.length - SHINGLE_WORDS, 0), MAX_SHINGLES);
  for (let i = 0; i <= last && words.length > 0; i++)
    shingles.add(hashString(words.slice(i, i + SHINGLE_WORDS).join(' ')));
  return shingles;
}

/**
 * The MinHash signature of a shingle set.
 *
 * @example
 * ```ts
 * minHashSignature(shingleSet(text)).length; // => SIGNATURE_SIZE
 * ```
 */
export function minHashSignature(shingles: Set<number>): Uint32Array {
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const h = mix32(shingle ^ SEEDS[i]);
      if (h < signature[i]) signature[i] = h;
    }
  }
  return signature;
}

/**
 * The LSH band keys of a signature: `"<band>:<hash of its rows>"`. Two documents sharing any key
 * are candidates.
 *
 * @example
 * ```ts
 * bandKeys(minHashSignature(shingleSet(text))); // => ['0:1f3a…', '1:9c02…', …] (BANDS keys)
 * ```
 */
export function bandKeys(signature: Uint32Array): string[] {
  const keys: string[] = [];
  for (let band = 0; band < BANDS; band++) {
    let h = 0x811c9dc5 ^ band;
    for (let row = 0; row < ROWS_PER_BAND; row++)
      h = mix32(Math.imul(h, 0x01000193) ^ signature[band * ROWS_PER_BAND + row]);
    keys.push(`${band}:${h.toString(16).padStart(8, '0')}`);
  }
  return keys;
}

/**
 * Exact Jaccard similarity of two shingle sets: |A ∩ B| / |A ∪ B| (1 for two empty sets).
 *
 * @example
 * ```ts
 * jaccard(new Set([1, 2, 3]), new Set([2, 3, 4])); // => 0.5
 * ```
 */
export function jaccard(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const item of small) if (large.has(item)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Containment of the smaller set in the larger: |A ∩ B| / min(|A|, |B|). A copy with a paragraph
 * trimmed is contained in its original even when their Jaccard similarity is modest.
 *
 * @example
 * ```ts
 * containment(new Set([1, 2]), new Set([1, 2, 3, 4])); // => 1
 * ```
 */
export function containment(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 || b.size === 0) return a.size === b.size ? 1 : 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const item of small) if (large.has(item)) shared++;
  return shared / small.size;
}

/**
 * The share of signature positions where two signatures agree: an unbiased estimate of Jaccard.
 *
 * @example
 * ```ts
 * estimateSimilarity(sigA, sigA); // => 1
 * ```
 */
export function estimateSimilarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_SIZE;
}
