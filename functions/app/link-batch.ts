/**
 * Copies and same-story links for a whole bulk batch at once. One ingest reads its band keys
 * (one BatchGetItem) and files itself (one BatchWriteItem); a batch of 100 doing that per document
 * costs 200 round trips. Here the batch's band keys are read together (100 to a request,
 * DynamoDB's limit) and filed together (each key written once, from what was read, 25 items to a
 * request), and the batch's own
 * documents are matched in memory: a document's candidates are the archive's band keys as they were
 * before the batch plus every earlier document of the batch sharing a band key with it, so two
 * copies arriving in one batch are linked exactly as if they had come one after the other. The
 * fingerprints of the archive's candidates are read together too: those of every copy candidate
 * of the batch in one read by key, then those of every same-story candidate in another
 * (`candidateSubjects`), instead of a stored document fetched per candidate.
 */
import { encodeFingerprint } from '../core/copies/fingerprint-codec.ts';
import type { LinkSubject } from '../core/copies/link-features.ts';
import type { DocumentLink } from '../core/copies/link-store.ts';
import { forEachAtMost } from '../core/for-each-at-most.ts';
import type { Archive } from './archive.ts';
import { findCopies, MAX_CANDIDATES, rememberPrepared, storeSources, type CopySources } from './link-copies.ts';
import { candidateSubjects } from './link-candidates.ts';
import { scoreStories, storyCandidateIds } from './link-stories.ts';
import type { PreparedDocument } from './prepare-task.ts';

/** Documents of a batch whose copies and stories are looked for at once (each reads a few texts). */
export const LINK_CONCURRENCY = 12;

/**
 * After a bulk batch is ready: caches its stored documents and links them to their copies and
 * stories, as {@link rememberAndLink} does for one, from the fingerprints the parsing workers
 * computed (so documents of any size are linked). A failure costs only links (logged), never the
 * uploads, which are already archived and whole.
 *
 * @example
 * ```ts
 * await rememberAndLinkBatch(archive, prepared);
 * ```
 */
export async function rememberAndLinkBatch(archive: Archive, prepared: PreparedDocument[]): Promise<void> {
  const subjects = prepared.map((p) => rememberPrepared(archive, p));
  if (!archive.linkOnIngest) return;
  try {
    await linkBatch(archive, subjects);
  } catch (error) {
    console.warn(`Could not link copies of a batch of ${subjects.length} documents`, error);
  }
}

/** Copy links, then story links, for `subjects` (in batch order). */
async function linkBatch(archive: Archive, subjects: LinkSubject[]): Promise<void> {
  const links = archive.links;
  if (!links || subjects.length === 0) return;
  const bands = await links.bandsOf(subjects.flatMap((subject) => subject.features.keys));
  const store = storeSources(archive, links);
  const byId = new Map(subjects.map((subject) => [subject.id, subject]));
  const indexOf = new Map(subjects.map((subject, i) => [subject.id, i]));
  // Earlier documents of the batch under each band key, in batch order.
  const earlier = new Map<string, string[]>();
  const candidatesOf = (position: number, keys: string[]): string[] => {
    const batch = keys.flatMap((key) => earlier.get(key)?.filter((id) => position > indexOf.get(id)!) ?? []);
    const archived = keys.flatMap((key) => bands.get(key) ?? []);
    // Batch documents first: they are in memory, and the likeliest copies of each other.
    return [...new Set([...batch, ...archived])];
  };
  subjects.forEach((subject) => {
    for (const key of subject.features.keys) earlier.set(key, [...(earlier.get(key) ?? []), subject.id]);
  });
  // The fingerprints of every archived candidate findCopies will judge first, read at once.
  const archivedIds = subjects.flatMap((subject, i) =>
    candidatesOf(i, subject.features.keys)
      .slice(0, MAX_CANDIDATES)
      .filter((id) => !byId.has(id)),
  );
  const read = new Map((await candidateSubjects(archive, [...new Set(archivedIds)])).map((s) => [s.id, s]));
  const sourcesFor = (position: number): CopySources => ({
    candidates: (keys) => Promise.resolve(candidatesOf(position, keys)),
    copiesOf: (id) => (byId.has(id) ? Promise.resolve([]) : store.copiesOf(id)),
    async subjects(ids) {
      const unread = ids.filter((id) => !byId.has(id) && !read.has(id));
      const stored = new Map((await store.subjects(unread)).map((s) => [s.id, s]));
      return ids
        .map((id) => byId.get(id) ?? read.get(id) ?? stored.get(id))
        .filter((s): s is LinkSubject => s !== undefined);
    },
  });
  const copies: DocumentLink[][] = new Array(subjects.length);
  await forEachAtMost(subjects, LINK_CONCURRENCY, async (subject, i) => {
    copies[i] = await findCopies(archive, subject, sourcesFor(i));
  });
  const copyPairs = subjects.flatMap((subject, i) =>
    copies[i].map((copy) => ({ a: subject.id, b: copy.id, similarity: copy.similarity })),
  );
  await Promise.all([
    links.fileMany(
      subjects.map((subject) => ({
        id: subject.id,
        keys: subject.features.keys,
        fingerprint: subject.fingerprint ?? encodeFingerprint(subject),
      })),
      bands,
    ),
    copyPairs.length > 0 ? links.link('copy', copyPairs) : undefined,
  ]);
  // Stories last, from one refresh of the index for the whole batch (a refresh per document would
  // re-read the log a hundred times): the batch is in it, so its documents find each other too.
  const index = await archive.index.current();
  const asked: string[][] = new Array(subjects.length);
  await forEachAtMost(subjects, LINK_CONCURRENCY, async (subject, i) => {
    asked[i] = await storyCandidateIds(subject, copies[i], index);
  });
  const candidates = new Map(
    (
      await candidateSubjects(
        archive,
        [...new Set(asked.flat())].filter((id) => !byId.has(id)),
      )
    ).map((s) => [s.id, s]),
  );
  const storyPairs: Array<{ a: string; b: string; similarity: number }> = [];
  await forEachAtMost(subjects, LINK_CONCURRENCY, async (subject, i) => {
    const others = asked[i].map((id) => byId.get(id) ?? candidates.get(id)).filter((s) => s !== undefined);
    for (const story of await scoreStories(subject, others, index))
      storyPairs.push({ a: subject.id, b: story.id, similarity: story.similarity });
  });
  if (storyPairs.length > 0) await links.link('story', storyPairs);
}
