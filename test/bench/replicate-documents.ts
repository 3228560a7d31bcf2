/**
 * Grows the archive to a target size for the scaling benchmark without inventing text: beyond
 * the N real articles, article k is copy r = ⌊k / N⌋ of real article k mod N. Posting lists then
 * grow in proportion to the scale (the vocabulary does not), which is what makes search slower as
 * an archive grows, and every query drawn from a real article keeps its source (and its copies).
 */

/** One sentence on how the scaled archive is made, for the README and the report. */
export const REPLICATION_RECIPE =
  'beyond the N real articles, article k is copy r = floor(k / N) of real article k mod N: the same text and speakers, " (copy r)" appended to its title, and id "<real id>~r"';

/** The id of copy `replica` of a real document (copy 0 is the document itself). */
export const replicaId = (id: string, replica: number): string => (replica === 0 ? id : `${id}~${replica}`);

/** The real document's id of any copy. */
export const sourceId = (id: string): string => id.split('~')[0];

/**
 * @example
 * ```ts
 * [...replicate([{ id: 'a', title: 'T' }], 3)].map((d) => d.id); // ['a', 'a~1', 'a~2']
 * ```
 */
export function* replicate<T extends { id: string; title: string }>(documents: T[], target: number): Generator<T> {
  for (let k = 0; k < target && documents.length > 0; k++) {
    const document = documents[k % documents.length];
    const replica = Math.floor(k / documents.length);
    yield replica === 0
      ? document
      : { ...document, id: replicaId(document.id, replica), title: `${document.title} (copy ${replica})` };
  }
}
