/**
 * A document's stored JSON, wherever it is: an object of its own (`documents/<id>.json`, a single
 * upload's) or a byte range of its batch's pack (`core/original-pack.ts`, the bulk path's, which
 * the record's `json` names). The loader, `verify` and the sweep read through here, so they handle
 * both layouts. A packed JSON goes with its pack (`original-bytes.ts`).
 */
import type { BlobStore, CatalogedMetadata } from '../core/ports.ts';
import { documentKey } from '../core/storage-keys.ts';

/**
 * The JSON's bytes, or null when they are missing.
 *
 * @example
 * ```ts
 * const json = await readDocumentJson(archive.blobs, await archive.catalog.get(id));
 * ```
 */
export async function readDocumentJson(
  blobs: BlobStore,
  metadata: Pick<CatalogedMetadata, 'id' | 'json'>,
): Promise<Uint8Array | null> {
  if (!metadata.json) return (await blobs.get(documentKey(metadata.id)))?.body ?? null;
  const { pack, start, size } = metadata.json;
  const bytes = await blobs.getRange(pack, start, start + size);
  // A cut-off pack answers fewer bytes than the record says: that is not the document.
  return bytes && bytes.byteLength === size ? bytes : null;
}

/**
 * Removes the JSON's own object; a packed JSON has none (it goes with its pack).
 *
 * @example
 * ```ts
 * await discardDocumentJson(archive.blobs, metadata);
 * ```
 */
export async function discardDocumentJson(blobs: BlobStore, metadata: Pick<CatalogedMetadata, 'id' | 'json'>) {
  if (!metadata.json) await blobs.delete(documentKey(metadata.id));
}
