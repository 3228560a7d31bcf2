/**
 * The same quote in several documents — a report and its rewrites, syndicated copies — is one
 * result: the best match, with the other documents listed earliest first, so a fact-checker can
 * walk back to the first source.
 */
import type { QuoteMatch } from './match-claim.ts';

/** The document facts a result shows and orders by. */
export interface DocumentInfo {
  id: string;
  title: string;
  publisher: string | null;
  url: string | null;
  publishedAt: string | null;
  ingestedAt: string;
  /** SHA-256 of the original upload, for the citation. */
  originalSha256: string;
}

/** A match with its document and the keys of its matched words (to compare with other matches). */
export interface RankedMatch {
  match: QuoteMatch;
  document: DocumentInfo;
  /** Ordering score: similarity plus small preferences (speaker, inside a quote). */
  rank: number;
  keys: ArrayLike<number>;
}

/** A result: the best match of a quote and the other documents carrying the same words. */
export interface MatchGroup {
  best: RankedMatch;
  others: RankedMatch[];
}

/** Two matched spans whose words overlap this much (Dice over word keys) are the same quote. */
export const SAME_QUOTE = 0.85;
/** A copy must also match the claim at least this well to be listed as carrying it. */
export const COPY_MIN_SCORE = 0.6;

/**
 * Earliest first: by publication date (undated last), then by when the archive got it.
 *
 * @example
 * ```ts
 * documents.sort(byEarliest);
 * ```
 */
export function byEarliest(
  a: Pick<DocumentInfo, 'publishedAt' | 'ingestedAt'>,
  b: Pick<DocumentInfo, 'publishedAt' | 'ingestedAt'>,
): number {
  const pa = a.publishedAt ?? '\uffff';
  const pb = b.publishedAt ?? '\uffff';
  return pa < pb ? -1 : pa > pb ? 1 : a.ingestedAt < b.ingestedAt ? -1 : a.ingestedAt > b.ingestedAt ? 1 : 0;
}

/** Dice coefficient of two key multisets. */
export function keyDice(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length + b.length === 0) return 1;
  const counts = new Map<number, number>();
  for (let i = 0; i < a.length; i++) counts.set(a[i], (counts.get(a[i]) ?? 0) + 1);
  let common = 0;
  for (let i = 0; i < b.length; i++) {
    const n = counts.get(b[i]);
    if (n) {
      common++;
      counts.set(b[i], n - 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}

const verdictOrder = { exact: 0, punctuation_or_case: 1, words_differ: 2, weak_match: 3 } as const;

/**
 * Orders matches best first (ties: exact wording, then earliest) and folds copies of the same
 * quote into the group of its best match.
 *
 * @example
 * ```ts
 * const groups = groupMatches(ranked);
 * groups[0].others.map((o) => o.document.publishedAt); // ascending
 * ```
 */
export function groupMatches(matches: RankedMatch[]): MatchGroup[] {
  const sorted = [...matches].sort(
    (a, b) =>
      b.rank - a.rank ||
      verdictOrder[a.match.verdict] - verdictOrder[b.match.verdict] ||
      byEarliest(a.document, b.document),
  );
  const groups: MatchGroup[] = [];
  for (const candidate of sorted) {
    const group =
      candidate.match.score >= COPY_MIN_SCORE
        ? groups.find((g) => keyDice(g.best.keys, candidate.keys) >= SAME_QUOTE)
        : undefined;
    if (group) group.others.push(candidate);
    else groups.push({ best: candidate, others: [] });
  }
  for (const group of groups) group.others.sort((a, b) => byEarliest(a.document, b.document));
  return groups;
}
