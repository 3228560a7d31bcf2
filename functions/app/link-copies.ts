/**
 * Copies at ingest: the same article in another format, a syndicated copy with another headline or
 * a trimmed paragraph. A new document's MinHash band keys find its candidates by key (one batch
 * read; {@link MAX_CANDIDATES} at most, whatever the archive's size), their texts confirm the similarity
 * exactly, and every confirmed copy is linked both ways. The copies of a document are its copy
 * group: each new member links to every member it resembles, so a group of near-identical copies
 * is fully linked.
 */
import { judgeCopy } from '../core/copies/judge-copy.ts';
import { bandKeys, minHashSignature, shingleSet } from '../core/copies/min-hash.ts';
import type { DocumentLink, LinkStore } from '../core/copies/link-store.ts';
import type { ArchivedDocument } from '../core/document.ts';
import type { Archive } from './archive.ts';
import { linkStories } from './link-stories.ts';

/** Candidates whose text is compared: bounds the S3 reads one ingest can cause. */
export const MAX_CANDIDATES = 20;

/**
 * Where {@link findCopies} looks: the stores, for one ingest; for a bulk batch, the stores read
 * once for the whole batch with the batch's own documents added in memory (`link-batch.ts`).
 */
export interface CopySources {
  /** Ids filed under any of `keys`. */
  candidates(keys: string[]): Promise<string[]>;
  /** The ids a document is already linked to as copies (its copy group). */
  copiesOf(id: string): Promise<string[]>;
  /** The documents with these ids that exist. */
  documents(ids: string[]): Promise<Map<string, ArchivedDocument>>;
}

/**
 * {@link CopySources} straight from the link store and the document loader.
 *
 * @example
 * ```ts
 * const sources = storeSources(archive, archive.links!);
 * ```
 */
export const storeSources = (archive: Archive, links: LinkStore): CopySources => ({
  candidates: (keys) => links.candidates(keys),
  copiesOf: async (id) => (await links.links('copy', id, MAX_CANDIDATES)).map((link) => link.id),
  documents: (ids) => archive.documents.getMany(ids),
});

/**
 * The documents already archived that are copies of `document`, most similar first.
 *
 * @example
 * ```ts
 * const copies = await findCopies(archive, document); // [{ id, similarity: 0.93 }]
 * ```
 */
export async function findCopies(
  archive: Archive,
  document: ArchivedDocument,
  keys = bandKeysOf(document),
  sources = archive.links && storeSources(archive, archive.links),
): Promise<DocumentLink[]> {
  if (!sources) return [];
  const shingles = shingleSet(document.text);
  const seen = new Set([document.id]);
  const copies: DocumentLink[] = [];
  const judge = async (ids: string[]) => {
    const fresh = ids.filter((id) => !seen.has(id)).slice(0, MAX_CANDIDATES - (seen.size - 1));
    for (const id of fresh) seen.add(id);
    const found: DocumentLink[] = [];
    for (const [id, other] of await sources.documents(fresh)) {
      const { copy, similarity } = judgeCopy(shingles, shingleSet(other.text));
      if (copy) found.push({ id, similarity });
    }
    copies.push(...found);
    return found;
  };
  const direct = await judge(await sources.candidates(keys));
  // The group of a copy found: a band slot may have been taken over by a later member, but the
  // members already linked to this copy are candidates too (still within MAX_CANDIDATES).
  if (direct.length > 0) {
    const grouped = await Promise.all(direct.map((copy) => sources.copiesOf(copy.id)));
    await judge(grouped.flat());
  }
  return copies.sort((a, b) => b.similarity - a.similarity);
}

/**
 * Files a newly archived document under its band keys and links it to its copies. Called once the
 * document is readable: a candidate is always a document that exists (or did, until deleted).
 *
 * @example
 * ```ts
 * await linkCopies(archive, document);
 * ```
 */
export async function linkCopies(archive: Archive, document: ArchivedDocument): Promise<DocumentLink[]> {
  if (!archive.links) return [];
  const keys = bandKeysOf(document);
  const copies = await findCopies(archive, document, keys);
  await Promise.all([
    archive.links.file(document.id, keys),
    copies.length > 0
      ? archive.links.link(
          'copy',
          copies.map((copy) => ({ a: document.id, b: copy.id, similarity: copy.similarity })),
        )
      : undefined,
  ]);
  return copies;
}

/**
 * {@link linkCopies} and same-story links ({@link linkStories}) for ingest: the document is already archived and whole, so a failure here
 * costs only its links (logged), never the upload.
 *
 * @example
 * ```ts
 * await linkNewDocument(archive, document);
 * ```
 */
export async function linkNewDocument(archive: Archive, document: ArchivedDocument): Promise<void> {
  try {
    const copies = await linkCopies(archive, document);
    await linkStories(archive, document, copies);
  } catch (error) {
    console.warn(`Could not link copies of ${document.id}`, error);
  }
}

/** Largest stored document (JSON bytes) kept in the loader's cache after ingest. */
export const REMEMBER_MAX_BYTES = 1 << 20;
const decoder = new TextDecoder();

/**
 * After ingest: caches the stored document and links it to its copies and stories, when it is at
 * most {@link REMEMBER_MAX_BYTES}; the copy and story measures read a bounded prefix of its text.
 *
 * @example
 * ```ts
 * await rememberAndLink(archive, json);
 * ```
 */
export async function rememberAndLink(archive: Archive, json: Uint8Array): Promise<void> {
  // Parsing a big document on the request thread stalls the event loop past 100 ms (measured by
  // test/http/pathological-uploads.test.ts): a document over the cap is linked to nothing yet.
  if (json.byteLength > REMEMBER_MAX_BYTES) return;
  const document = JSON.parse(decoder.decode(json)) as ArchivedDocument;
  archive.documents.remember(document);
  await linkNewDocument(archive, document);
}

/**
 * Takes a document out of the band index and removes its links both ways, so a deleted document
 * is never a candidate nor listed again. Its band keys are recomputed from its text.
 *
 * @example
 * ```ts
 * await unlinkDocument(archive, document);
 * ```
 */
export async function unlinkDocument(archive: Archive, document: ArchivedDocument): Promise<void> {
  if (!archive.links) return;
  await archive.links.unfile(document.id, bandKeysOf(document));
  await archive.links.unlink(document.id);
}

/**
 * A document's LSH band keys, from its text.
 *
 * @example
 * ```ts
 * bandKeysOf(document).length; // => BANDS
 * ```
 */
export function bandKeysOf(document: ArchivedDocument): string[] {
  return bandKeys(minHashSignature(shingleSet(document.text)));
}
