/**
 * Where each kind of object lives in the blob store. Originals are written once and never
 * rewritten; documents are the normalised form; index snapshots are replaced by version.
 */

/** The uploaded bytes, exactly as received. */
export const originalKey = (id: string) => `originals/${id}`;

/** The normalised document as JSON ({@link ArchivedDocument}). */
export const documentKey = (id: string) => `documents/${id}.json`;

/** An index snapshot; each compaction attempt writes its own key and never overwrites one in use. */
export const snapshotKey = (version: number, attempt: string) => `index/snapshot-${String(version).padStart(8, '0')}-${attempt}.json`;
