/**
 * Levenshtein distance with a ceiling: fuzzy search only needs to know whether two words are
 * within 1 or 2 edits, so the computation stops as soon as every path exceeds the ceiling.
 */

/**
 * The edit distance between `a` and `b`, or `max + 1` once it is known to exceed `max`.
 *
 * @example
 * ```ts
 * boundedEditDistance('goverment', 'government', 2); // 1
 * boundedEditDistance('budget', 'gadget', 1);         // 2 (more than 1)
 * ```
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (current[j] < rowMinimum) rowMinimum = current[j];
    }
    if (rowMinimum > max) return max + 1;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length], max + 1);
}
