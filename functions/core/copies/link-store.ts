/**
 * The port for links between documents: the LSH band index that finds copy candidates by key,
 * and the links themselves (copies, same story), stored both ways so each side lists the other.
 */

/** Which relation a link records. */
export type LinkKind = 'copy' | 'story';

/** Every kind, for what must remove them all (a deletion). */
export const LINK_KINDS: readonly LinkKind[] = ['copy', 'story'];

/** Another document linked to this one, and how similar they are (0 to 1). */
export interface DocumentLink {
  id: string;
  similarity: number;
}

/**
 * Documents a band key remembers: the latest {@link BAND_IDS} filed under it, so reading every
 * candidate of a document is one batch read of its `keys` (one item each), and a key many
 * documents share (boilerplate) keeps only its latest few instead of growing.
 */
export const BAND_IDS = 4;

/**
 * The ids a band key holds once `added` (oldest first) are filed under it on top of `held`
 * (newest first, as stored): newest first, each once, at most {@link BAND_IDS}, and without
 * `removed` (documents deleted since, or being deleted).
 *
 * @example
 * ```ts
 * mergeBandIds(['b', 'a'], ['c']); // => ['c', 'b', 'a']
 * ```
 */
export function mergeBandIds(
  held: readonly string[],
  added: readonly string[],
  removed?: ReadonlySet<string>,
): string[] {
  const merged: string[] = [];
  for (const id of [...[...added].reverse(), ...held])
    if (!merged.includes(id) && !removed?.has(id) && merged.length < BAND_IDS) merged.push(id);
  return merged;
}

/** A document to file: its band keys, and its encoded fingerprints when it has them. */
export interface FiledDocument {
  id: string;
  keys: string[];
  fingerprint?: Uint8Array;
}

/** What each band key holds: its ids, newest first (a key nothing is filed under is absent). */
export type BandIds = Map<string, string[]>;

/** Candidate lookup and links (DynamoDB). Every read is by key and bounded. */
export interface LinkStore {
  /** Ids filed under any of `keys` (at most `keys.length × BAND_IDS`), newest first per key. */
  candidates(keys: string[]): Promise<string[]>;
  /**
   * What each of `keys` holds. The bulk path reads a whole batch's band keys at once this way,
   * matches the batch's own documents in memory, and hands what it read to {@link fileMany}.
   */
  bandsOf(keys: string[]): Promise<BandIds>;
  /**
   * Files a document under `keys` with its encoded fingerprints (`fingerprint-codec.ts`) when
   * given, for {@link fingerprints} to read back.
   */
  file(id: string, keys: string[], fingerprint?: Uint8Array): Promise<void>;
  /**
   * Files several documents at once, in order (a key's newest is the last of them filed under it):
   * one write per band key, whatever the number of documents filed under it. `read` is what
   * {@link bandsOf} answered for these keys, when the caller has just read them; otherwise they are read first.
   */
  fileMany(entries: FiledDocument[], read?: BandIds): Promise<void>;
  /**
   * The stored fingerprints of those of `ids` that have them (filed with one; read a whole batch's
   * candidates at a time, whatever their number, in requests of a hundred).
   */
  fingerprints(ids: string[]): Promise<Map<string, Uint8Array>>;
  /** Links `a` and `b` both ways. */
  link(kind: LinkKind, pairs: Array<{ a: string; b: string; similarity: number }>): Promise<void>;
  /** Takes `id` out of every one of `keys` that still holds it, and drops its fingerprints. */
  unfile(id: string, keys: string[]): Promise<void>;
  /** Removes every link of `id`, of every kind, both ways. */
  unlink(id: string): Promise<void>;
  /** A document's links of one kind, at most `limit`. */
  links(kind: LinkKind, id: string, limit: number): Promise<DocumentLink[]>;
  /**
   * A number that every change to links of `kind` raises once it is written ({@link link},
   * {@link unlink}): a reader that remembers link lists asks for this once in a while, instead of
   * asking for every list again, and forgets them all when it has changed.
   */
  linksVersion(kind: LinkKind): Promise<number>;
}
