/**
 * What a segment keeps of each document, so filters and facets need no storage read. Not the
 * title: a result page loads its documents anyway, and titles would be a third of a shard's head.
 */
export interface StoredDocument {
  id: string;
  publisher: string;
  publishedAt: string;
  speakers: string[];
  /**
   * The text's words as one string (`words-fingerprint.ts`): copies with the same words share it.
   * Absent in shards written before it was kept; such documents never count as copies.
   */
  wordsPrint?: string;
}
