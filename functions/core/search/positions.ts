/**
 * Word positions in the index: where in its field each occurrence of a key is, so a "quoted
 * phrase" is answered by the index alone — exactly, for every document, without loading any text.
 *
 * A key's positions are one byte string, posting after posting (in the postings' document order):
 * a varint count, then the positions, each as its distance from the previous one (the first from
 * 0). Small gaps make one byte each: common words cost about a byte per occurrence.
 */
import type { Postings } from './segment.ts';
import { pushVarint, VarintReader } from './varints.ts';

/**
 * Appends one posting's positions (ascending) to `out`: count, then deltas.
 *
 * @example
 * ```ts
 * const out: number[] = [];
 * pushPositions(out, [3, 10, 300]); // out is [3, 3, 7, 162, 2]
 * ```
 */
export function pushPositions(out: number[], positions: readonly number[]): void {
  pushVarint(out, positions.length);
  let previous = 0;
  for (const position of positions) {
    pushVarint(out, position - previous);
    previous = position;
  }
}

/** Reads a key's positions string posting by posting: {@link PositionReader.next} decodes the next posting's. */
export class PositionReader extends VarintReader {
  /** The next posting's positions, written into `into` (reused); returns how many. */
  next(into: number[]): number {
    const count = this.varint();
    let position = 0;
    for (let i = 0; i < count; i++) into[i] = position += this.varint();
    return count;
  }

  /** Steps over the next posting without decoding its positions (a varint ends on a byte < 0x80). */
  skip(): void {
    let count = this.varint();
    while (count > 0) if (this.bytes[this.at++] < 0x80) count--;
  }
}

/** The positions of every posting of a key, decoded (merging keeps them as they are; tests read them). */
export function allPositions(postings: Postings): number[][] {
  const reader = new PositionReader(postings.positions);
  return Array.from(postings.documents, () => {
    const into: number[] = [];
    reader.next(into);
    return into;
  });
}

/**
 * The documents (ascending) in which the keys' words occur at consecutive positions — `words[j]` at
 * p + j — given each word's postings in one field; a word may repeat ("the … the"). Documents are
 * intersected first, so positions are decoded only where every word occurs.
 *
 * @example
 * ```ts
 * phraseDocuments([segment.postings(said)!, segment.postings(that)!]); // [4, 17]
 * ```
 */
export function phraseDocuments(words: Postings[]): number[] {
  const n = words.length;
  if (n === 0) return [];
  const readers = words.map((postings) => new PositionReader(postings.positions));
  const cursors = new Array<number>(n).fill(0);
  const decoded = words.map(() => [] as number[]);
  const sizes = new Array<number>(n).fill(0);
  const found: number[] = [];
  // The rarest word leads: each of its documents is looked for in the others (all ascending).
  const lead = words.reduce((best, w, j) => (w.documents.length < words[best].documents.length ? j : best), 0);
  for (let p = 0; p < words[lead].documents.length; p++) {
    const document = words[lead].documents[p];
    let everywhere = true;
    for (let j = 0; j < n && everywhere; j++) {
      const { documents } = words[j];
      while (cursors[j] < documents.length && documents[cursors[j]] < document) {
        readers[j].skip();
        cursors[j]++;
      }
      everywhere = cursors[j] < documents.length && documents[cursors[j]] === document;
    }
    if (!everywhere) continue;
    for (let j = 0; j < n; j++) {
      sizes[j] = readers[j].next(decoded[j]);
      cursors[j]++;
    }
    if (consecutive(decoded, sizes)) found.push(document);
  }
  return found;
}

/** Whether some start s has word j at s + j for every j (each list ascending): a merge walk, no sets. */
function consecutive(decoded: number[][], sizes: number[]): boolean {
  const at = new Array<number>(decoded.length).fill(0);
  for (let i = 0; i < sizes[0]; i++) {
    const start = decoded[0][i];
    let all = true;
    for (let j = 1; j < decoded.length && all; j++) {
      const list = decoded[j];
      while (at[j] < sizes[j] && list[at[j]] < start + j) at[j]++;
      all = at[j] < sizes[j] && list[at[j]] === start + j;
    }
    if (all) return true;
  }
  return false;
}
