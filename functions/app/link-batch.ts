/**
 * Copies and same-story links for a whole bulk batch at once. One ingest reads its band slots
 * (one BatchGetItem) and files itself (one BatchWriteItem); a batch of 100 doing that per document
 * costs 200 round trips. Here the batch's band slots are read together (40 slots to a request,
 * DynamoDB's 100-key limit) and filed together (25 items to a request), and the batch's own
 * documents are matched in memory: a document's candidates are the archive's slots as they were
 * before the batch plus every earlier document of the batch sharing a band key with it, so two
 * copies arriving in one batch are linked exactly as if they had come one after the other.
 */
import type { DocumentLink } from '../core/copies/link-store.ts';
import type { ArchivedDocument } from '../core/document.ts';
import { forEachAtMost } from '../core/for-each-at-most.ts';
import type { Archive } from './archive.ts';
import { bandKeysOf, findCopies, REMEMBER_MAX_BYTES, storeSources, type CopySources } from './link-copies.ts';
import { findStories } from './link-stories.ts';

/** Documents of a batch whose copies and stories are looked for at once (each reads a few texts). */
export const LINK_CONCURRENCY = 12;

const decoder = new TextDecoder();

/**
 * After a bulk batch is ready: caches its stored documents and links them to their copies and
 * stories, as {@link rememberAndLink} does for one. A failure costs only links (logged), never the
 * uploads, which are already archived and whole. Documents over {@link REMEMBER_MAX_BYTES} are
 * linked to nothing, as on the single path.
 *
 * @example
 * ```ts
 * await rememberAndLinkBatch(archive, prepared.map((p) => p.json));
 * ```
 */
export async function rememberAndLinkBatch(archive: Archive, jsons: Uint8Array[]): Promise<void> {
  const documents = jsons
    .filter((json) => json.byteLength <= REMEMBER_MAX_BYTES)
    .map((json) => JSON.parse(decoder.decode(json)) as ArchivedDocument);
  for (const document of documents) archive.documents.remember(document);
  try {
    await linkBatch(archive, documents);
  } catch (error) {
    console.warn(`Could not link copies of a batch of ${documents.length} documents`, error);
  }
}

/** Copy links, then story links, for `documents` (in batch order). */
async function linkBatch(archive: Archive, documents: ArchivedDocument[]): Promise<void> {
  const links = archive.links;
  if (!links || documents.length === 0) return;
  const keysOf = documents.map((document) => bandKeysOf(document));
  const slots = await links.slotsOf(keysOf.flat());
  const store = storeSources(archive, links);
  const byId = new Map(documents.map((document) => [document.id, document]));
  const indexOf = new Map(documents.map((document, i) => [document.id, i]));
  // Earlier documents of the batch under each band key, in batch order.
  const earlier = new Map<string, string[]>();
  const sourcesFor = (position: number): CopySources => ({
    async candidates(keys) {
      const batch = keys.flatMap((key) => earlier.get(key)?.filter((id) => position > indexOf.get(id)!) ?? []);
      const archived = keys.flatMap((key) => slots.get(key) ?? []).filter((id): id is string => id !== null);
      // Batch documents first: they are in memory, and the likeliest copies of each other.
      return [...new Set([...batch, ...archived])];
    },
    copiesOf: (id) => (byId.has(id) ? Promise.resolve([]) : store.copiesOf(id)),
    async documents(ids) {
      const found = await store.documents(ids.filter((id) => !byId.has(id)));
      for (const id of ids) if (byId.has(id)) found.set(id, byId.get(id)!);
      return found;
    },
  });
  documents.forEach((document, i) => {
    for (const key of keysOf[i]) earlier.set(key, [...(earlier.get(key) ?? []), document.id]);
  });
  const copies: DocumentLink[][] = new Array(documents.length);
  await forEachAtMost(documents, LINK_CONCURRENCY, async (document, i) => {
    copies[i] = await findCopies(archive, document, keysOf[i], sourcesFor(i));
  });
  const copyPairs = documents.flatMap((document, i) =>
    copies[i].map((copy) => ({ a: document.id, b: copy.id, similarity: copy.similarity })),
  );
  await Promise.all([
    links.fileMany(documents.map((document, i) => ({ id: document.id, keys: keysOf[i] }))),
    copyPairs.length > 0 ? links.link('copy', copyPairs) : undefined,
  ]);
  // Stories last: the batch is in the index by now, so its documents find each other too.
  const storyPairs: Array<{ a: string; b: string; similarity: number }> = [];
  await forEachAtMost(documents, LINK_CONCURRENCY, async (document, i) => {
    for (const story of await findStories(archive, document, copies[i]))
      storyPairs.push({ a: document.id, b: story.id, similarity: story.similarity });
  });
  if (storyPairs.length > 0) await links.link('story', storyPairs);
}
