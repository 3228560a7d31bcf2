/**
 * The fingerprints of the documents a new one is compared with (its copy and same-story
 * candidates), each computed where it is cheap: a document's own are computed once, with it, in
 * the parsing worker, and filed with its band keys; a candidate's come from a cache, or from the
 * link store (one batch read for all the candidates asked for at once), or, for a document filed
 * without them (before they were stored), from its text on this thread when that is short, or
 * from its stored JSON in a worker when it is long, so no candidate, however large, stalls the
 * request thread.
 */
import { decodeFingerprint } from '../core/copies/fingerprint-codec.ts';
import { linkSubject, type LinkSubject } from '../core/copies/link-features.ts';
import type { ArchivedDocument } from '../core/document.ts';
import { rememberRecent } from '../core/remember-recent.ts';
import type { Archive } from './archive.ts';

/**
 * Longest text whose fingerprints are computed on the request thread: about 25 ms here (the caps
 * of the measures make a 1 MB text cost 50 ms, measured with `linkFeatures`); a longer one goes to
 * a worker.
 */
export const IN_THREAD_FEATURES_CHARS = 100_000;
/**
 * Largest stored fingerprint decoded on the request thread: a news article's is about 2.3 KB and
 * decodes in well under a millisecond, one at the measures' caps (58 KB, 20,000 shingles) took
 * 52 ms cold, so a larger one is left to the paths below (its stored JSON, parsed in a worker).
 */
export const IN_THREAD_FINGERPRINT_BYTES = 16 << 10;
/** Largest stored document (JSON bytes) parsed on the request thread; a larger one goes to a worker. */
export const IN_THREAD_JSON_BYTES = 1 << 20;

/**
 * Candidates' decoded fingerprints kept by id, the most recently used: about 21 KB each decoded
 * (a news article's), so 40 MB. The same documents are candidates again and again (the archive's
 * closest matches to a run of news on one subject), and each decode cost about 0.1 ms of the
 * request thread on top of its share of a DynamoDB read.
 */
export const MAX_DECODED_SUBJECTS = 2_000;

// A document's fingerprints never change (its id is its text's hash): cached with the loader's copy,
// and those read from the link store by id.
const subjects = new WeakMap<ArchivedDocument, LinkSubject>();
const decoded = new Map<string, LinkSubject>();

const rememberDecoded = (subject: LinkSubject) => rememberRecent(decoded, subject.id, subject, MAX_DECODED_SUBJECTS);
const decoder = new TextDecoder();

/**
 * The fingerprints of a document this thread holds, cached with it; `known` when they were already
 * computed (by the parsing worker, for a document just prepared).
 *
 * @example
 * ```ts
 * const subject = subjectOf(document); // computed once, then cached with the document
 * ```
 */
export function subjectOf(document: ArchivedDocument, known?: LinkSubject): LinkSubject {
  let subject = subjects.get(document);
  if (!subject) {
    subject = known ?? linkSubject(document);
    subjects.set(document, subject);
  }
  return subject;
}

/**
 * Forgets a deleted document's decoded fingerprints, so this process never judges it again.
 *
 * @example
 * ```ts
 * forgetSubject('3f2a9c0d4b1e8a77');
 * ```
 */
export function forgetSubject(id: string): void {
  decoded.delete(id);
}

/**
 * The fingerprints of the stored documents `ids` (missing ones left out), in the order of `ids`
 * (the caller passes each id once).
 *
 * @example
 * ```ts
 * const candidates = await candidateSubjects(archive, ['3f2a9c0d4b1e8a77']);
 * ```
 */
export async function candidateSubjects(archive: Archive, ids: string[]): Promise<LinkSubject[]> {
  const known = new Map<string, LinkSubject>();
  for (const id of ids) {
    const cached = archive.documents.cached(id);
    const subject = (cached && subjects.get(cached)) || decoded.get(id);
    if (subject) {
      known.set(id, subject);
      if (decoded.has(id)) rememberDecoded(subject);
    }
  }
  const unknown = ids.filter((id) => !known.has(id));
  // Stored fingerprints first: one read by key for them all, where the text would be one S3 read
  // and a tokenization each (most of what linking a bulk batch cost, README: Figures).
  if (unknown.length > 0 && archive.links)
    for (const [id, bytes] of await archive.links.fingerprints(unknown)) {
      const subject = bytes.byteLength <= IN_THREAD_FINGERPRINT_BYTES ? decodeFingerprint(id, bytes) : null;
      if (subject) {
        known.set(id, subject);
        rememberDecoded(subject);
      }
    }
  const rest = ids.filter((id) => !known.has(id));
  // Their stored JSON in one go (one catalog read says where each is), for those that need it.
  const json = await archive.documents.jsonBytes(rest.filter((id) => !inThread(archive.documents.cached(id))));
  for (const subject of await Promise.all(rest.map((id) => candidateSubject(archive, id, json.get(id)))))
    if (subject) known.set(subject.id, subject);
  return ids.map((id) => known.get(id)).filter((subject): subject is LinkSubject => subject !== undefined);
}

/** In a worker; imported when first needed, so a search or delete never loads the parsers it brings. */
async function subjectOffThread(json: Uint8Array): Promise<LinkSubject> {
  const { linkSubjectOffThread } = await import('./prepare-off-thread.ts');
  return linkSubjectOffThread(json);
}

/** Whether a cached document's fingerprints are had on this thread, without its stored JSON. */
const inThread = (cached: ArchivedDocument | undefined): cached is ArchivedDocument =>
  cached !== undefined && (subjects.has(cached) || cached.text.length <= IN_THREAD_FEATURES_CHARS);

async function candidateSubject(
  archive: Archive,
  id: string,
  json: Uint8Array | undefined,
): Promise<LinkSubject | null> {
  const cached = archive.documents.cached(id);
  if (inThread(cached)) return subjectOf(cached);
  if (!json) return null;
  if (json.byteLength > IN_THREAD_JSON_BYTES) return subjectOffThread(json);
  const document = cached ?? (JSON.parse(decoder.decode(json)) as ArchivedDocument);
  archive.documents.remember(document);
  if (document.text.length > IN_THREAD_FEATURES_CHARS) return subjectOf(document, await subjectOffThread(json));
  return subjectOf(document);
}
