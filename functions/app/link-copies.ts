/**
 * Copies at ingest: the same article in another format, a syndicated copy with another headline or
 * a trimmed paragraph. A new document's MinHash band keys find its candidates by key (one batch
 * read; {@link MAX_CANDIDATES} at most, whatever the archive's size), their texts confirm the similarity
 * exactly, and every confirmed copy is linked both ways. The copies of a document are its copy
 * group: each new member links to every member it resembles, so a group of near-identical copies
 * is fully linked.
 */
import { encodeFingerprint } from '../core/copies/fingerprint-codec.ts';
import { judgeCopy } from '../core/copies/judge-copy.ts';
import { bandKeysOf } from '../core/copies/link-features.ts';
import type { LinkSubject } from '../core/copies/link-features.ts';
import type { DocumentLink, LinkStore } from '../core/copies/link-store.ts';
import type { ArchivedDocument } from '../core/document.ts';
import type { Archive } from './archive.ts';
import { candidateSubjects, forgetSubject, subjectOf } from './link-candidates.ts';
import { linkStories } from './link-stories.ts';
import type { PreparedDocument } from './prepare-task.ts';

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
  /** The fingerprints of the documents with these ids that exist, in the order of `ids`. */
  subjects(ids: string[]): Promise<LinkSubject[]>;
}

/**
 * {@link CopySources} straight from the link store and the stored documents.
 *
 * @example
 * ```ts
 * const sources = storeSources(archive, archive.links!);
 * ```
 */
export const storeSources = (archive: Archive, links: LinkStore): CopySources => ({
  candidates: (keys) => links.candidates(keys),
  copiesOf: async (id) => (await links.links('copy', id, MAX_CANDIDATES)).map((link) => link.id),
  subjects: (ids) => candidateSubjects(archive, ids),
});

/**
 * The documents already archived that are copies of `subject`, most similar first.
 *
 * @example
 * ```ts
 * const copies = await findCopies(archive, linkSubject(document)); // [{ id, similarity: 0.93 }]
 * ```
 */
export async function findCopies(
  archive: Archive,
  subject: LinkSubject,
  sources = archive.links && storeSources(archive, archive.links),
): Promise<DocumentLink[]> {
  if (!sources) return [];
  const { shingles } = subject.features;
  const seen = new Set([subject.id]);
  const copies: DocumentLink[] = [];
  const judge = async (ids: string[]) => {
    const fresh = [...new Set(ids)].filter((id) => !seen.has(id)).slice(0, MAX_CANDIDATES - (seen.size - 1));
    for (const id of fresh) seen.add(id);
    const found: DocumentLink[] = [];
    for (const other of await sources.subjects(fresh)) {
      const { copy, similarity } = judgeCopy(shingles, other.features.shingles);
      if (copy) found.push({ id: other.id, similarity });
    }
    copies.push(...found);
    return found;
  };
  const direct = await judge(await sources.candidates(subject.features.keys));
  // The group of a copy found: a band key keeps only its latest few ids (and a concurrent writer
  // in another process may have pushed this one out), but the members already linked to this copy
  // are candidates too (still within MAX_CANDIDATES).
  if (direct.length > 0) {
    const grouped = await Promise.all(direct.map((copy) => sources.copiesOf(copy.id)));
    await judge(grouped.flat());
  }
  return copies.sort((a, b) => b.similarity - a.similarity || (a.id < b.id ? -1 : 1));
}

/**
 * Files a newly archived document under its band keys and links it to its copies. Called once the
 * document is readable: a candidate is always a document that exists (or did, until deleted).
 *
 * @example
 * ```ts
 * await linkCopies(archive, linkSubject(document));
 * ```
 */
export async function linkCopies(archive: Archive, subject: LinkSubject): Promise<DocumentLink[]> {
  const links = archive.links;
  if (!links) return [];
  const { id, features } = subject;
  // Read once: what the keys hold finds the candidates, and is what filing the document rewrites.
  const bands = await links.bandsOf(features.keys);
  const copies = await findCopies(archive, subject, {
    ...storeSources(archive, links),
    candidates: (keys) => Promise.resolve([...new Set(keys.flatMap((key) => bands.get(key) ?? []))]),
  });
  await Promise.all([
    links.fileMany(
      [{ id, keys: features.keys, fingerprint: subject.fingerprint ?? encodeFingerprint(subject) }],
      bands,
    ),
    copies.length > 0
      ? links.link(
          'copy',
          copies.map((copy) => ({ a: id, b: copy.id, similarity: copy.similarity })),
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
 * await linkNewDocument(archive, linkSubject(document));
 * ```
 */
export async function linkNewDocument(archive: Archive, subject: LinkSubject): Promise<void> {
  try {
    const copies = await linkCopies(archive, subject);
    await linkStories(archive, subject, copies);
  } catch (error) {
    console.warn(`Could not link copies of ${subject.id}`, error);
  }
}

/** Largest stored document (JSON bytes) kept in the loader's cache after ingest. */
export const REMEMBER_MAX_BYTES = 1 << 20;
const decoder = new TextDecoder();

/**
 * A prepared document's fingerprints (computed by the parsing worker), with the stored document
 * cached for the next search when it is at most {@link REMEMBER_MAX_BYTES}: parsing a big one on
 * the request thread stalls the event loop past 100 ms (test/http/pathological-uploads.test.ts).
 *
 * @example
 * ```ts
 * const subject = rememberPrepared(archive, await prepareOffThread(request, now));
 * ```
 */
export function rememberPrepared(archive: Archive, prepared: PreparedDocument): LinkSubject {
  const { metadata, json, features, fingerprint } = prepared;
  const { id, title, publishedAt } = metadata;
  const subject: LinkSubject = { id, title, publishedAt, features, fingerprint };
  if (json.byteLength > REMEMBER_MAX_BYTES) return subject;
  const document = JSON.parse(decoder.decode(json)) as ArchivedDocument;
  archive.documents.remember(document);
  return subjectOf(document, subject);
}

/**
 * After ingest: caches the stored document ({@link rememberPrepared}) and links it to its copies
 * and stories, whatever its size: its fingerprints come from the parsing worker, so a large
 * document is linked without being parsed or tokenized on the request thread.
 *
 * @example
 * ```ts
 * await rememberAndLink(archive, await prepareOffThread(request, now));
 * ```
 */
export async function rememberAndLink(archive: Archive, prepared: PreparedDocument): Promise<void> {
  const subject = rememberPrepared(archive, prepared);
  if (archive.linkOnIngest) await linkNewDocument(archive, subject);
}

/**
 * Takes a document out of the band index and removes its links both ways, so a deleted document
 * is never a candidate nor listed again. Its band keys are recomputed from its text (only them: its
 * story vector and the rest of its fingerprints are not needed to unfile it).
 *
 * @example
 * ```ts
 * await unlinkDocument(archive, document);
 * ```
 */
export async function unlinkDocument(archive: Archive, document: ArchivedDocument): Promise<void> {
  if (!archive.links) return;
  forgetSubject(document.id);
  await archive.links.unfile(document.id, bandKeysOf(document));
  await archive.links.unlink(document.id);
}
