/**
 * What changed between two copies of an article, sentence by sentence: sentences only in one copy
 * are removed or added; where a run of removed sentences meets a run of added ones, they are paired
 * as changed and diffed word by word. Library: jsdiff (Myers' O(ND) diff), which is fast exactly
 * when the two texts are near-duplicates — the only case this is asked for — and can give up past
 * an edit budget instead of running long.
 */
import { diffSentences, diffWords } from 'diff';

/** Texts longer than this are compared on their first this-many characters only. */
export const MAX_DIFF_CHARS = 100_000;
/** Sentence edits beyond which two texts are not copies, and no diff is drawn. */
export const MAX_SENTENCE_EDITS = 400;
/** Word edits within one changed sentence pair beyond which it is shown as removed + added. */
const MAX_WORD_EDITS = 200;

/** A word within a changed sentence: in both, only in the other copy (removed), or only in this one (added). */
export interface WordPart {
  op: 'kept' | 'removed' | 'added';
  text: string;
}

/** One stretch of the comparison, in reading order. */
export type CopyDiffPart =
  | { kind: 'same'; text: string; sentences: number }
  | { kind: 'removed' | 'added'; text: string }
  | { kind: 'changed'; words: WordPart[] };

/** The whole comparison, with counts of sentences added, removed and changed. */
export interface CopyDiff {
  parts: CopyDiffPart[];
  added: number;
  removed: number;
  changed: number;
  /** True when a text was cut at {@link MAX_DIFF_CHARS} before comparing. */
  truncated: boolean;
}

/**
 * Compare copy `from` (the other copy) with `to` (this one). Null when they differ in more than
 * {@link MAX_SENTENCE_EDITS} sentences.
 *
 * @example
 * ```ts
 * diffCopies('The pier opened. It cost £2m.', 'The pier opened. It cost £3m.');
 * // => { parts: [{ kind: 'same', … }, { kind: 'changed', words: [… { op: 'removed', text: '£2m' }, { op: 'added', text: '£3m' } …] }], changed: 1, … }
 * ```
 */
export function diffCopies(from: string, to: string): CopyDiff | null {
  const truncated = from.length > MAX_DIFF_CHARS || to.length > MAX_DIFF_CHARS;
  const changes = diffSentences(from.slice(0, MAX_DIFF_CHARS), to.slice(0, MAX_DIFF_CHARS), {
    maxEditLength: MAX_SENTENCE_EDITS,
  });
  if (!changes) return null;
  const result: CopyDiff = { parts: [], added: 0, removed: 0, changed: 0, truncated };
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i];
    const next = changes[i + 1];
    if (change.removed && next?.added) {
      const words = diffWords(change.value, next.value, { maxEditLength: MAX_WORD_EDITS });
      if (words) {
        result.parts.push({
          kind: 'changed',
          words: words.map((w) => ({ op: w.added ? 'added' : w.removed ? 'removed' : 'kept', text: w.value })),
        });
        result.changed += Math.max(change.count ?? 1, next.count ?? 1);
        i++;
        continue;
      }
    }
    if (change.added) result.added += change.count ?? 1;
    if (change.removed) result.removed += change.count ?? 1;
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'same';
    result.parts.push(
      kind === 'same' ? { kind, text: change.value, sentences: change.count ?? 1 } : { kind, text: change.value },
    );
  }
  return result;
}
