/** What changed between a document and one of its copies (the document page's `?compare=<id>`). */
import type { ArchivedDocument } from '../core/document.ts';
import type { Archive } from './archive.ts';
import type { LinkedDocument } from './list-copies.ts';

/**
 * The diff from copy `otherId` to `document`, or null when `otherId` is not one of its copies
 * (only copies are compared: a diff of two unrelated texts is work with nothing to show).
 *
 * @example
 * ```ts
 * const comparison = await compareCopy(archive, document, copies, '9c02…'); // { other, diff }
 * ```
 */
export async function compareCopy(
  archive: Archive,
  document: ArchivedDocument,
  copies: LinkedDocument[],
  otherId: string | undefined,
) {
  const other = otherId ? copies.find((copy) => copy.id === otherId) : undefined;
  if (!other) return null;
  const text = await archive.documents.get(other.id);
  if (!text) return null;
  // The word diff (and its library) is imported when a reader first compares two copies.
  const { diffCopies } = await import('../core/copies/diff-copies.ts');
  return { other, diff: diffCopies(text.text, document.text) };
}
