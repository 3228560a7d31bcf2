/**
 * A pack: the originals of one bulk-import batch, and their normalised documents' JSON, in one
 * object, so a batch of 100 costs one S3 PUT instead of 200. Each document's record keeps where
 * its bytes are (`CatalogedMetadata.original` and `.json`), and a reader fetches exactly that
 * byte range, so every original stays byte-exact and every document individually readable.
 *
 * Layout: one head line, `VPK1 ["<id>",…]\n`, naming the batch's documents in order, then for
 * each its original's bytes and, when given, its JSON's, back to back. The head is what a delete
 * reads to find the pack's other documents: the pack is deleted with the last of them
 * (`app/original-bytes.ts`). (Packs written before the JSON was packed hold originals only; their
 * records have no `json`, and the layout reads the same.)
 */
import type { OriginalInPack } from './document.ts';

/** The head line's first bytes: which layout this is. */
const MAGIC = 'VPK1 ';

/**
 * Most bytes a pack's head may take, and so the most a delete reads to list the members. A
 * batch's 100 ids of 16 hex digits take about 2 KB; this leaves room and bounds the read.
 */
export const MAX_PACK_HEAD_BYTES = 64 * 1024;

/** One document of a pack: its id, its original's bytes and, optionally, its JSON's. */
export interface PackMember {
  id: string;
  bytes: Uint8Array;
  json?: Uint8Array;
}

/**
 * A pack's bytes and where in them each member's original starts, and its JSON (-1 for a member
 * given none), in the order given.
 */
export interface PackLayout {
  body: Uint8Array;
  starts: number[];
  jsonStarts: number[];
}

/**
 * Lays the members out in one object.
 *
 * @example
 * ```ts
 * const { body, starts } = buildPack([{ id: 'a1', bytes }]);
 * body.subarray(starts[0], starts[0] + bytes.byteLength); // the bytes again
 * ```
 */
export function buildPack(members: PackMember[]): PackLayout {
  const head = new TextEncoder().encode(`${MAGIC}${JSON.stringify(members.map((m) => m.id))}\n`);
  if (head.byteLength > MAX_PACK_HEAD_BYTES)
    throw new RangeError(`A pack's head of ${members.length} ids exceeds ${MAX_PACK_HEAD_BYTES} bytes.`);
  const size = members.reduce((sum, m) => sum + m.bytes.byteLength + (m.json?.byteLength ?? 0), head.byteLength);
  const body = new Uint8Array(size);
  body.set(head, 0);
  const starts: number[] = [];
  const jsonStarts: number[] = [];
  let at = head.byteLength;
  const place = (bytes: Uint8Array) => {
    body.set(bytes, at);
    at += bytes.byteLength;
    return at - bytes.byteLength;
  };
  for (const member of members) {
    starts.push(place(member.bytes));
    jsonStarts.push(member.json ? place(member.json) : -1);
  }
  return { body, starts, jsonStarts };
}

/**
 * The member ids a pack's first bytes name, or null when they are not a pack's head (cut short
 * or another object).
 *
 * @example
 * ```ts
 * packMembers(buildPack([{ id: 'a1', bytes }]).body); // ['a1']
 * ```
 */
export function packMembers(head: Uint8Array): string[] | null {
  const end = head.indexOf(0x0a);
  if (end < 0) return null;
  const line = new TextDecoder().decode(head.subarray(0, end));
  if (!line.startsWith(MAGIC)) return null;
  try {
    const ids: unknown = JSON.parse(line.slice(MAGIC.length));
    return Array.isArray(ids) && ids.every((id) => typeof id === 'string') ? ids : null;
  } catch {
    return null;
  }
}

/**
 * Where a packed original's bytes are in its pack: `[start, end)`.
 *
 * @example
 * ```ts
 * packRange({ pack: 'originals/packs/x', start: 40 }, 12); // { start: 40, end: 52 }
 * ```
 */
export const packRange = (original: OriginalInPack, size: number) => ({
  start: original.start,
  end: original.start + size,
});
