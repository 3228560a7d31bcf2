/**
 * The speaker directory of the live index, built at most once per state of the index: cached by
 * the index object and its segment and live-document counts, which change whenever the ingest log
 * adds or removes documents (a reload gives a new index object).
 */
import type { SearchIndex, StoredDocument } from '../core/search/index.ts';
import { SpeakerDirectory } from '../core/speakers/speaker-directory.ts';
import type { Archive } from './archive.ts';

const cache = new WeakMap<SearchIndex, { stamp: string; directory: SpeakerDirectory }>();

/** Every live document the index stores, from its segments' document tables. */
function* liveDocuments(index: SearchIndex): Iterable<StoredDocument> {
  for (const segment of index.segments) {
    for (let n = 0; n < segment.documents.length; n++) if (!segment.isDead(n)) yield segment.documents[n];
  }
}

/**
 * @example
 * ```ts
 * const directory = await currentDirectory(archive);
 * directory.suggest('zel');
 * ```
 */
export async function currentDirectory(archive: Archive): Promise<SpeakerDirectory> {
  return directoryOf(await archive.index.current());
}

/**
 * The directory of one index, rebuilt only when the index changed since the last call. It reads
 * every stored document, so a partly loaded index first fetches its document tables.
 */
export async function directoryOf(index: SearchIndex): Promise<SpeakerDirectory> {
  await index.loadDocuments();
  const stamp = `${index.segments.length}:${index.documentCount}`;
  const cached = cache.get(index);
  if (cached && cached.stamp === stamp) return cached.directory;
  const directory = SpeakerDirectory.build(liveDocuments(index));
  cache.set(index, { stamp, directory });
  return directory;
}
