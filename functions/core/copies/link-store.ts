/**
 * The port for links between documents: the LSH band index that finds copy candidates by key,
 * and the links themselves (copies, same story), stored both ways so each side lists the other.
 */

/** Which relation a link records. */
export type LinkKind = 'copy' | 'story';

/** Another document linked to this one, and how similar they are (0 to 1). */
export interface DocumentLink {
  id: string;
  similarity: number;
}

/** Candidate lookup and links (DynamoDB). Every read is by key and bounded by `limit`. */
export interface LinkStore {
  /** Ids filed under any of `keys`, at most `limitPerKey` per key. */
  candidates(keys: string[], limitPerKey: number): Promise<string[]>;
  /** Files a document under `keys`. */
  file(id: string, keys: string[]): Promise<void>;
  /** Links `a` and `b` both ways. */
  link(kind: LinkKind, pairs: Array<{ a: string; b: string; similarity: number }>): Promise<void>;
  /** A document's links of one kind, at most `limit`. */
  links(kind: LinkKind, id: string, limit: number): Promise<DocumentLink[]>;
}
