/**
 * A word-level diff between a claim and an original: the longest common subsequence of word keys
 * anchors the alignment; between anchors, words of both sides pair up as changed and the rest are
 * added (only in the claim) or missing (only in the original).
 */

/** One step of a diff, by word index: `claim` into the claim's words, `original` into the original's. */
export type WordEdit =
  | { op: 'kept'; claim: number; original: number }
  | { op: 'changed'; claim: number; original: number }
  | { op: 'added'; claim: number }
  | { op: 'missing'; original: number };

/** A side of the diff: per word, its exact form id and its key id. */
export interface DiffSide {
  forms: ArrayLike<number>;
  keys: ArrayLike<number>;
}

/**
 * Read in order, the edits with an `original` index list every original word once, in order; those
 * with a `claim` index list every claim word once, in order. A word pair with the same key but
 * another form (said → says) is `changed`, not `kept`.
 *
 * @example
 * ```ts
 * // keys/forms of "we will rebuild it" vs "we rebuild it now"
 * diffWords(claim, original); // kept, added(will), kept, kept, missing(now)
 * ```
 */
export function diffWords(claim: DiffSide, original: DiffSide): WordEdit[] {
  const n = claim.keys.length;
  const m = original.keys.length;
  // lcs[i * (m + 1) + j]: LCS length of claim[i..] and original[j..].
  const width = m + 1;
  const lcs = new Int32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        claim.keys[i] === original.keys[j]
          ? lcs[(i + 1) * width + j + 1] + 1
          : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    }
  }
  const edits: WordEdit[] = [];
  let added: number[] = [];
  let missing: number[] = [];
  const flush = () => {
    const paired = Math.min(added.length, missing.length);
    for (let k = 0; k < paired; k++) edits.push({ op: 'changed', claim: added[k], original: missing[k] });
    for (let k = paired; k < missing.length; k++) edits.push({ op: 'missing', original: missing[k] });
    for (let k = paired; k < added.length; k++) edits.push({ op: 'added', claim: added[k] });
    added = [];
    missing = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (
      i < n &&
      j < m &&
      claim.keys[i] === original.keys[j] &&
      lcs[i * width + j] === lcs[(i + 1) * width + j + 1] + 1
    ) {
      flush();
      edits.push({ op: claim.forms[i] === original.forms[j] ? 'kept' : 'changed', claim: i, original: j });
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i * width + j + 1] >= lcs[(i + 1) * width + j])) {
      missing.push(j++);
    } else {
      added.push(i++);
    }
  }
  flush();
  return edits;
}

/** Length of the longest common subsequence of two id sequences (two rows of memory). */
export function lcsLength(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let prev = new Int32Array(b.length + 1);
  let row = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      row[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], row[j - 1]);
    }
    [prev, row] = [row, prev];
  }
  return prev[b.length];
}
