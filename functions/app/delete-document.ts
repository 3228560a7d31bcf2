/**
 * Delete: a takedown removes a document from search first, then from reading, then its stored
 * objects (a packed original's pack once no other document uses it), its band items and its copy and same-story links — so a failure partway leaves it hidden rather than half-visible, and repeating the
 * request finishes the job. (The bucket is versioned: S3 keeps prior versions for recovery.)
 */
import { VerbatimError } from '../core/errors.ts';
import type { Archive } from './archive.ts';
import { discardDocumentJson } from './document-json.ts';
import { unlinkDocument } from './link-copies.ts';
import { discardOriginal } from './original-bytes.ts';

/**
 * @example
 * ```ts
 * await deleteDocument(archive, '3f2a9c0d4b1e8a77');
 * ```
 */
export async function deleteDocument(archive: Archive, id: string): Promise<void> {
  const metadata = await archive.catalog.get(id);
  if (!metadata) {
    throw new VerbatimError('not_found', `There is no document with id "${id}" in the archive.`);
  }
  await archive.log.append({ op: 'delete', id });
  // Before the record goes, so a failure here is finished by repeating the request.
  const document = await archive.documents.get(id, metadata);
  if (document) await unlinkDocument(archive, document);
  await archive.catalog.remove(id);
  archive.documents.forget(id);
  // After the record, so that a packed original's pack counts this document gone (original-bytes.ts);
  // a packed JSON goes with that pack.
  await Promise.all([discardDocumentJson(archive.blobs, metadata), discardOriginal(archive, metadata)]);
}
