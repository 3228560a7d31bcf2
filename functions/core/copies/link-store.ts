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
 * Documents a band key remembers: each document takes slot {@link bandSlot} of each of its keys,
 * so reading every candidate of a document is one batch read of `keys × BAND_SLOTS` items, and a
 * key many documents share (boilerplate) keeps only its latest few instead of growing.
 */
export const BAND_SLOTS = 4;

/**
 * The slot a document takes under one of its band keys. It depends on the key too, so two
 * documents that collide under one key do not collide under all of them.
 *
 * @example
 * ```ts
 * bandSlot('3f2a9c0d4b1e8a77', '0:1f3a9c02'); // => 0..3
 * ```
 */
export function bandSlot(id: string, key: string): number {
  let h = 0x811c9dc5;
  for (const char of `${id}|${key}`) h = Math.imul(h ^ char.charCodeAt(0), 0x01000193);
  return (h >>> 0) % BAND_SLOTS;
}

/** A document to file: its band keys, and its encoded fingerprints when it has them. */
export interface FiledDocument {
  id: string;
  keys: string[];
  fingerprint?: Uint8Array;
}

/** Candidate lookup and links (DynamoDB). Every read is by key and bounded. */
export interface LinkStore {
  /** Ids filed under any of `keys` (at most `keys.length × BAND_SLOTS`). */
  candidates(keys: string[]): Promise<string[]>;
  /**
   * Who holds each slot of each of `keys`: `slots.get(key)[slot]` is an id or null. The bulk path
   * reads a whole batch's band slots at once this way and matches the batch's own documents in memory.
   */
  slotsOf(keys: string[]): Promise<Map<string, Array<string | null>>>;
  /**
   * Files a document under `keys`, each in its {@link bandSlot}, with its encoded fingerprints
   * (`fingerprint-codec.ts`) when given, for {@link fingerprints} to read back.
   */
  file(id: string, keys: string[], fingerprint?: Uint8Array): Promise<void>;
  /** Files several documents at once, in order: a slot two of them take holds the later one. */
  fileMany(entries: FiledDocument[]): Promise<void>;
  /**
   * The stored fingerprints of those of `ids` that have them (filed with one; read a whole batch's
   * candidates at a time, whatever their number, in requests of a hundred).
   */
  fingerprints(ids: string[]): Promise<Map<string, Uint8Array>>;
  /** Links `a` and `b` both ways. */
  link(kind: LinkKind, pairs: Array<{ a: string; b: string; similarity: number }>): Promise<void>;
  /**
   * Takes `id` out of its band slots under `keys` (a slot a later document took is left alone),
   * and drops its fingerprints.
   */
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
