/**
 * Examples for the search help drawn from the archive itself: its most frequent publisher and
 * speaker, so each example link finds something in the archive the reader actually has.
 */
import type { SearchIndex, StoredDocument } from '../core/search/index.ts';
import { countFacets } from './search-archive.ts';

/** Documents looked at for the examples, newest segments first: the help must stay cheap on a big archive. */
export const MAX_EXAMPLE_DOCUMENTS = 5_000;

/** A publisher and a speaker that occur in the archive (each absent when none does). */
export interface ArchiveExamples {
  publisher?: string;
  speaker?: string;
}

function* liveDocuments(index: SearchIndex): Generator<StoredDocument> {
  let seen = 0;
  for (const segment of [...index.segments].reverse()) {
    for (let i = segment.documents.length - 1; i >= 0; i--) {
      if (segment.isDead(i)) continue;
      yield segment.documents[i];
      if (++seen >= MAX_EXAMPLE_DOCUMENTS) return;
    }
  }
}

/**
 * @example
 * ```ts
 * archiveExamples(await archive.index.current()); // { publisher: 'Wikinews', speaker: 'Donald Trump' }
 * ```
 */
export function archiveExamples(index: SearchIndex): ArchiveExamples {
  const facets = countFacets(liveDocuments(index));
  return { publisher: facets.publishers[0]?.value, speaker: facets.speakers[0]?.value };
}
