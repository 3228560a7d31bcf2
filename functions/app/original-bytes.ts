/**
 * A document's original bytes, wherever they are: an object of its own (`originals/<id>`, a
 * single upload's) or a byte range of its batch's pack (`core/original-pack.ts`, the bulk
 * path's). Readers, `verify` and the sweep read through here, so they handle both layouts.
 *
 * Reclaiming a pack: a pack is deleted with the last of its documents. Whoever removes a packed
 * document (a delete, a rollback) removes its record first and then reads the pack's head: when
 * none of the other members named there still has a record using this pack (a pending claim
 * counts as using it), the pack goes. Two members removed at once each look after their own
 * removal, so the later one sees both gone. Until then a deleted document's bytes stay in the
 * pack, unreadable through the archive (no record points at them; the bucket is versioned
 * anyway). A pack a crash left with no record using it is reported by `verify`.
 */
import type { OriginalInPack } from '../core/document.ts';
import type { CatalogedMetadata } from '../core/ports.ts';
import { MAX_PACK_HEAD_BYTES, packMembers, packRange } from '../core/original-pack.ts';
import { originalKey } from '../core/storage-keys.ts';
import type { Archive } from './archive.ts';

/**
 * The original's bytes, or null when they are missing.
 *
 * @example
 * ```ts
 * const bytes = await readOriginalBytes(archive, await archive.catalog.get(id));
 * ```
 */
export async function readOriginalBytes(archive: Archive, metadata: CatalogedMetadata): Promise<Uint8Array | null> {
  if (!metadata.original) return (await archive.blobs.get(originalKey(metadata.id)))?.body ?? null;
  const { start, end } = packRange(metadata.original, metadata.size);
  const bytes = await archive.blobs.getRange(metadata.original.pack, start, end);
  // A cut-off pack answers fewer bytes than the record says: that is not the original.
  return bytes && bytes.byteLength === metadata.size ? bytes : null;
}

/**
 * Whether any document other than `without` still has a record using `pack`: ready and pointing
 * there, or pending (an ingest in flight, which may yet make it ready).
 */
async function packInUse(archive: Archive, original: OriginalInPack, without: string): Promise<boolean> {
  const head = await archive.blobs.getRange(original.pack, 0, Math.min(original.start, MAX_PACK_HEAD_BYTES));
  if (!head) return false;
  const members = packMembers(head);
  // A head that cannot be read names nobody: keep the bytes rather than guess.
  if (!members) return true;
  const status = await archive.catalog.statusOf(members.filter((id) => id !== without));
  if ([...status.values()].includes('pending')) return true;
  const ready = await archive.catalog.getMany([...status.keys()]);
  return ready.some((meta) => meta.original?.pack === original.pack);
}

/**
 * Removes the original's own object; a packed original's pack goes once no other document uses it.
 * Call it after the document's record is gone (or released), so that it does not count itself.
 *
 * @example
 * ```ts
 * await archive.catalog.remove(id);
 * await discardOriginal(archive, metadata);
 * ```
 */
export async function discardOriginal(archive: Archive, metadata: Pick<CatalogedMetadata, 'id' | 'original'>) {
  if (!metadata.original) return archive.blobs.delete(originalKey(metadata.id));
  if (!(await packInUse(archive, metadata.original, metadata.id))) await archive.blobs.delete(metadata.original.pack);
}
