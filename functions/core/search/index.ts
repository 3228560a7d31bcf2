/**
 * The search engine's front door: everything outside `core/search/` uses the engine through this
 * file. See `README.md` here for the design (segments, the shard file, query evaluation, freshness,
 * compaction). A query goes `parseQuery` → `toIndexQuery` → `SearchIndex.search` (via the
 * `LiveIndex` that keeps it fresh; "quoted phrases" are answered there, from positions) → `findPassages`.
 */
export { parseQuery, MAX_QUERY_LENGTH, type ParsedQuery } from './parse-query.ts';
export { toIndexQuery, storedFieldFilter, speakerClauses } from './index-query.ts';
export { SearchIndex, segmentsOf, toIndexableDocument } from './search-index.ts';
export { LiveIndex, type IndexedDocuments, type IndexSources, type ReaderState } from './live-index.ts';
export { findPassages, matchingQuotes, matchSpans, type Passage } from './find-passages.ts';
export { passageViewOf, type PassageView } from './passage-view.ts';
export { storedTextOf, type StoredText } from './stored-text.ts';
export { groupIntoShards, hasDead, isUpToDate, planShards, SHARD_DOCUMENTS, type Shard } from './plan-shards.ts';
export { buildSegment, type IndexableDocument } from './build-segment.ts';
export { decodeSegment, encodeSegment, headLength, storedSection } from './segment-codec.ts';
export type { Hits, IndexQuery, TermClause } from './search-segments.ts';
export type { Segment, StoredDocument } from './segment.ts';
