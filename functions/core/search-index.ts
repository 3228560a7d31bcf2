/**
 * The full-text index: one MiniSearch configuration, used both to build an index and to load a
 * snapshot of one (MiniSearch requires the same options for `loadJSON` as for building).
 */
import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import type { ArchivedDocument } from './document.ts';
import { foldTerm, WORD } from './text-tokens.ts';

/** What the index holds per document. `speakers` lets `speaker:` queries use the index. */
export interface IndexedFields {
  id: string;
  title: string;
  text: string;
  speakers: string;
  publisher: string;
  publishedAt: string;
}

/**
 * Stored alongside each hit so result lists, filters and facets need no storage round trip.
 * `speakers` is missing on hits from snapshots written before it was stored (until the next compaction).
 */
export interface StoredFields {
  title: string;
  publisher: string;
  publishedAt: string;
  speakers?: string;
}

/** How {@link IndexedFields.speakers} joins names, so facets can split them again. */
export const SPEAKER_SEPARATOR = ' \n ';


/** MiniSearch's tokenizer: the same words as {@link WORD}, so the index and phrase checks agree. */
function tokenizeWords(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** The one options object for building and loading. */
export const INDEX_OPTIONS: Options<IndexedFields> = {
  fields: ['title', 'text', 'speakers', 'publisher'],
  tokenize: tokenizeWords,
  storeFields: ['title', 'publisher', 'publishedAt', 'speakers'],
  processTerm: (term) => {
    const folded = foldTerm(term);
    return folded.length === 0 ? null : folded;
  },
};

/** Default search behaviour: all words must match; fuzzy and prefix only for longer words. */
export const DEFAULT_SEARCH_OPTIONS: SearchOptions = {
  combineWith: 'AND',
  boost: { title: 2, speakers: 1.5 },
  prefix: (term, index, terms) => index === terms.length - 1 && term.length >= 4,
  fuzzy: (term) => (term.length >= 6 ? 0.15 : false),
};

/** A MiniSearch index configured for Verbatim. */
export type SearchIndex = MiniSearch<IndexedFields>;

/**
 * @example
 * ```ts
 * const index = createSearchIndex();
 * index.add(toIndexedFields(document));
 * ```
 */
export function createSearchIndex(): SearchIndex {
  return new MiniSearch<IndexedFields>(INDEX_OPTIONS);
}

/** Loads a snapshot written with `JSON.stringify(index)`. */
export function loadSearchIndex(json: string): SearchIndex {
  return MiniSearch.loadJSON<IndexedFields>(json, INDEX_OPTIONS);
}

/** The fields of a document that go into the index. */
export function toIndexedFields(document: ArchivedDocument): IndexedFields {
  const speakers = new Set(document.quotes.map((q) => q.speaker).filter((s): s is string => Boolean(s)));
  return {
    id: document.id,
    title: document.title,
    text: document.text,
    speakers: [...speakers].join(SPEAKER_SEPARATOR),
    publisher: document.publisher ?? '',
    publishedAt: document.publishedAt ?? '',
  };
}
