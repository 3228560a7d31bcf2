/** Reading: a document in full, or its original bytes. Only `ready` documents exist for readers. */
import type { ArchivedDocument } from '../core/document.ts';
import { VerbatimError } from '../core/errors.ts';
import type { Blob } from '../core/ports.ts';
import { servedContentType } from '../core/formats/served-content-type.ts';
import type { Archive } from './archive.ts';
import { readOriginalBytes } from './original-bytes.ts';

const notFound = (id: string) => new VerbatimError('not_found', `There is no document with id "${id}" in the archive.`);

/**
 * @example
 * ```ts
 * const document = await readDocument(archive, '3f2a9c0d4b1e8a77');
 * document.quotes[0].speaker;
 * ```
 */
export async function readDocument(archive: Archive, id: string): Promise<ArchivedDocument> {
  const metadata = await archive.catalog.get(id);
  const document = metadata ? await archive.documents.get(id, metadata) : null;
  if (!metadata || !document) throw notFound(id);
  return document;
}

/** The bytes exactly as uploaded, with their content type (and charset, when the upload left it out). */
export async function readOriginal(archive: Archive, id: string): Promise<Blob> {
  const metadata = await archive.catalog.get(id);
  // Its own object, or its range of a bulk import's pack: the same bytes either way.
  const original = metadata ? await readOriginalBytes(archive, metadata) : null;
  if (!metadata || !original) throw notFound(id);
  return { body: original, contentType: servedContentType(metadata.contentType, original) };
}
