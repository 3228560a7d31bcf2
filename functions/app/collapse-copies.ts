/**
 * Copies collapse in search: of a copy group, only its best-ranked member among the hits is shown,
 * carrying the ids of its copies. Copy links are stored both ways and every member links to the
 * members it resembles, so a hit is a lesser copy when one of its linked copies ranks above it.
 */
import type { Archive } from './archive.ts';

/**
 * At most this many ranked candidates have their copy links read (one DynamoDB query each, run
 * in parallel batches, remembered for the index's freshness window: `CachedLinkStore`), whatever
 * the number of hits: candidates past it are shown as they rank, uncollapsed, so a deep page or a
 * query with thousands of copies costs no more than this.
 */
export const MAX_COLLAPSE_CHECKED = 300;
/** Copy links read per candidate: a larger group still collapses, its list is cut here. */
const MAX_COPIES_READ = 50;
/** Candidates whose links are read in one parallel round. */
const COLLAPSE_BATCH = 25;

/** The outcome of collapsing a ranked list of candidates. */
export interface Collapsed {
  /** Positions (into the ranked list) of the members shown, in rank order. */
  kept: number[];
  /** Positions of lesser copies hidden behind a better-ranked member. */
  hidden: Set<number>;
  /** The copy ids of each candidate whose links were read, by position. */
  copies: Map<number, string[]>;
  /** How many candidates (from the top) had their links read. */
  checked: number;
}

/**
 * Walks `ids` (best first) until `wanted` representatives are kept or {@link MAX_COLLAPSE_CHECKED}
 * candidates have been read; without a link store nothing collapses.
 *
 * @example
 * ```ts
 * const { kept, hidden } = await collapseCopies(archive, ['a', 'b', 'c'], 10); // 'b' a copy of 'a' => kept [0, 2]
 * ```
 */
export async function collapseCopies(
  archive: Archive,
  ids: string[],
  wanted: number,
  collapse = true,
): Promise<Collapsed> {
  const kept: number[] = [];
  const hidden = new Set<number>();
  const copies = new Map<number, string[]>();
  const links = archive.links;
  const seen = new Set<string>();
  let checked = 0;
  while (links && checked < ids.length && checked < MAX_COLLAPSE_CHECKED && kept.length < wanted) {
    const end = Math.min(ids.length, MAX_COLLAPSE_CHECKED, checked + Math.max(COLLAPSE_BATCH, wanted - kept.length));
    const batch = ids.slice(checked, end);
    const read = await Promise.all(batch.map((id) => links.recentLinks('copy', id, MAX_COPIES_READ)));
    read.forEach((found, i) => {
      const position = checked + i;
      const ids = found.map((link) => link.id);
      copies.set(position, ids);
      // A lesser copy counts as seen too, so a chain of copies (a~b, b~c) collapses into one.
      if (collapse && ids.some((id) => seen.has(id))) {
        hidden.add(position);
        seen.add(batch[i]);
      } else if (kept.length < wanted) {
        kept.push(position);
        seen.add(batch[i]);
      }
    });
    checked = end;
  }
  if (!links) checked = 0;
  // Past the checked candidates, everything is kept as it ranks.
  for (let position = checked; position < ids.length && kept.length < wanted; position++) kept.push(position);
  return { kept, hidden, copies, checked };
}
