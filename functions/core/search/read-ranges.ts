/**
 * Reading many byte ranges of one shard file: neighbouring ranges are fetched as one request
 * (term blocks of one prefix, a word's postings in every field and its positions lie close together).
 */
import { VerbatimError } from '../errors.ts';

/** Reads bytes `start` to `end` (exclusive) of a segment's shard file. */
export type RangeReader = (start: number, end: number) => Promise<Uint8Array>;

/** A byte range of a shard file, `end` exclusive. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Ranges closer than this are fetched as one: a request costs more than a few KB of bytes. Not
 * more: VS10's deflated document blocks are about 1.5 KB, and at 16 KB a page of 50 hits fetched a
 * shard's whole document table in one range (185 KB, where the hits' blocks are about 25 KB).
 */
export const COALESCE_GAP = 4 * 1024;

/**
 * The bytes of each range, in the order given, each in an array of its own starting at offset 0
 * (so typed-array views onto it are aligned). A range that comes back short is an error.
 *
 * @example
 * ```ts
 * const [block, postings] = await readRanges(read, [{ start: 4096, end: 7200 }, { start: 90_000, end: 90_600 }]);
 * ```
 */
export async function readRanges(read: RangeReader, ranges: ByteRange[]): Promise<Uint8Array[]> {
  const order = ranges.map((_, i) => i).sort((a, b) => ranges[a].start - ranges[b].start);
  const groups: Array<{ start: number; end: number; members: number[] }> = [];
  for (const i of order) {
    const { start, end } = ranges[i];
    const last = groups.at(-1);
    if (last && start - last.end <= COALESCE_GAP) {
      last.end = Math.max(last.end, end);
      last.members.push(i);
    } else groups.push({ start, end, members: [i] });
  }
  const out: Uint8Array[] = new Array(ranges.length);
  await Promise.all(
    groups.map(async (group) => {
      const bytes = await read(group.start, group.end);
      if (bytes.byteLength !== group.end - group.start)
        throw new VerbatimError('internal', 'Index shard is corrupt: a range came back short.');
      // A copy of its own (the constructor copies; a Buffer's slice() would not): 16- and 32-bit
      // views need an aligned buffer, and the range is small.
      for (const i of group.members)
        out[i] = new Uint8Array(bytes.subarray(ranges[i].start - group.start, ranges[i].end - group.start));
    }),
  );
  return out;
}
