/**
 * Reading one shard of a snapshot from storage: as little of it as a first query needs — its
 * directory (every term block's first key, where each block is), with term blocks, document blocks
 * and postings fetched by byte range as queries need them, and all of them soon after. The storage
 * itself is passed in as functions.
 */
import { VerbatimError } from '../errors.ts';
import type { ShardInfo } from '../ports.ts';
import { decodeSegment, decodeSegmentHead } from './segment-codec.ts';
import type { Segment } from './segment.ts';

/** How the engine reads shard files: whole, or a byte range (`end` exclusive); null when absent. */
export interface ShardFiles {
  get(key: string): Promise<Uint8Array | null>;
  getRange(key: string, start: number, end: number): Promise<Uint8Array | null>;
}

/** A shard the manifest lists is not in the blob store (retired and deleted meanwhile). */
export class MissingShardError extends VerbatimError {
  constructor(key: string) {
    super('internal', `Index shard ${key} is missing.`);
  }
}

/**
 * A shard as a segment. A shard written without a recorded directory length (`headBytes`) is read whole. `onMissing`
 * runs when a later postings read finds the file gone, before that read throws
 * {@link MissingShardError}.
 *
 * @example
 * ```ts
 * const segment = await fetchShard(files, manifest.shards[0], (segment) => forget(segment));
 * ```
 */
export async function fetchShard(
  files: ShardFiles,
  info: ShardInfo,
  onMissing: (segment: Segment) => void,
): Promise<Segment> {
  if (!info.headBytes) {
    const whole = await files.get(info.key);
    if (!whole) throw new MissingShardError(info.key);
    return decodeSegment(whole);
  }
  const head = await files.getRange(info.key, 0, info.headBytes);
  if (!head) throw new MissingShardError(info.key);
  const read = async (start: number, end: number) => {
    const bytes = await files.getRange(info.key, start, end);
    if (bytes) return bytes;
    onMissing(segment);
    throw new MissingShardError(info.key);
  };
  const segment: Segment = decodeSegmentHead(head, read);
  return segment;
}
