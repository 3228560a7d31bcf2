/**
 * The quote finder's candidates: the best-ranked index hits, with copies of one text counted as
 * one candidate. Otherwise an archive holding forty copies of one article (a syndicated story, a
 * replicated archive) fills the whole candidate list with them and the claim's real source, ranked
 * just below, is never aligned.
 */
import type { Hits, StoredDocument } from '../search/index.ts';
import { COPY_MIN_SCORE, type MatchGroup } from './group-matches.ts';

/**
 * Hits walked at most to find the candidates: bounds the work of a claim whose best hits are
 * nearly all copies (then fewer candidates than wanted are aligned).
 */
export const MAX_HITS_WALKED = 2_000;
/**
 * Copies with the same words listed per result (earliest publication first): each is loaded
 * and aligned for its own offsets, so this bounds what forty copies of one text cost a search.
 */
export const COPIES_LISTED = 5;
/** Copies loaded per search at most, the best results' first: keeps a page of five results within the prepared-text cache. */
export const COPIES_LOADED = 10;
/** How much deeper each further walk looks when copies left too few distinct texts. */
const WALK_GROWTH = 4;

/** Distinct texts, best first, each with the copies of it found among the walked hits. */
export interface DistinctCandidates {
  /** One document per text, the best-ranked of its copies, best first. */
  ids: string[];
  /** The other documents with the same words, by candidate id, in rank order. */
  copies: Map<string, StoredDocument[]>;
}

/**
 * Collapses the best hits by {@link StoredDocument.wordsPrint} until `wanted` distinct texts are
 * found, the hits run out or {@link MAX_HITS_WALKED} were walked.
 *
 * @example
 * ```ts
 * const { ids, copies } = distinctCandidates(hits, 40);
 * copies.get(ids[0]); // the best candidate's copies among the hits
 * ```
 */
export function distinctCandidates(hits: Hits, wanted: number): DistinctCandidates {
  for (let depth = wanted; ; depth *= WALK_GROWTH) {
    const walked = Math.min(depth, MAX_HITS_WALKED);
    const ids: string[] = [];
    const copies = new Map<string, StoredDocument[]>();
    const byPrint = new Map<string, string>();
    for (const hit of hits.top(walked)) {
      const document = hits.document(hit);
      const first = document.wordsPrint === undefined ? undefined : byPrint.get(document.wordsPrint);
      if (first !== undefined) {
        copies.get(first)!.push(document);
        continue;
      }
      // Past the wanted texts, the walk only gathers copies of the ones already taken.
      if (ids.length === wanted) continue;
      ids.push(document.id);
      copies.set(document.id, []);
      if (document.wordsPrint !== undefined) byPrint.set(document.wordsPrint, document.id);
    }
    if (ids.length >= wanted || walked >= hits.total || walked >= MAX_HITS_WALKED) return { ids, copies };
  }
}

/**
 * The copies to load for the shown results (groups of candidates' matches): at most
 * {@link COPIES_LISTED} each, earliest first, and {@link COPIES_LOADED} in all. A match too weak to
 * have copies listed ({@link COPY_MIN_SCORE}) gets none, rather than repeats of itself as results.
 *
 * @example
 * ```ts
 * const ids = copiesToList(groupMatches(ranked).slice(0, 5), distinctCandidates(hits, 40).copies);
 * ```
 */
export function copiesToList(groups: MatchGroup[], copies: Map<string, StoredDocument[]>): string[] {
  const earliest = (a: StoredDocument, b: StoredDocument) =>
    (a.publishedAt || '\uffff').localeCompare(b.publishedAt || '\uffff');
  return groups
    .flatMap(({ best, others }) => [best, ...others])
    .filter(({ match }) => match.score >= COPY_MIN_SCORE)
    .flatMap(({ document }) =>
      // A stable sort: copies published together stay in rank order.
      [...(copies.get(document.id) ?? [])]
        .sort(earliest)
        .slice(0, COPIES_LISTED)
        .map((copy) => copy.id),
    )
    .slice(0, COPIES_LOADED);
}
