/**
 * A document's copies as a reader sees them: each linked copy that still exists, with what tells
 * the copies apart (format, publisher, date and where the date came from), earliest first so the
 * first source leads.
 */
import type { LinkKind } from '../core/copies/link-store.ts';
import type { DocumentMetadata, PublishedAtSource } from '../core/document.ts';
import { byEarliest } from '../core/quote-finder/group-matches.ts';
import type { Archive } from './archive.ts';

/** Links listed per document: a copy group larger than this is listed in part. */
export const MAX_LINKS_LISTED = 50;

/** Another document linked to this one, described well enough to tell it apart. */
export interface LinkedDocument {
  id: string;
  title: string;
  publisher: string | null;
  publishedAt: string | null;
  publishedAtSource: PublishedAtSource | null;
  ingestedAt: string;
  contentType: string;
  similarity: number;
}

/**
 * The documents linked to `id` by `kind`, earliest first; deleted ones are left out.
 *
 * @example
 * ```ts
 * const copies = await listLinked(archive, '3f2a9c0d4b1e8a77', 'copy');
 * copies[0].publishedAt; // the earliest
 * ```
 */
export async function listLinked(archive: Archive, id: string, kind: LinkKind): Promise<LinkedDocument[]> {
  if (!archive.links) return [];
  const links = await archive.links.links(kind, id, MAX_LINKS_LISTED);
  if (links.length === 0) return [];
  const metadata = new Map((await archive.catalog.getMany(links.map((link) => link.id))).map((m) => [m.id, m]));
  return links
    .filter((link) => metadata.has(link.id))
    .map((link) => describe(metadata.get(link.id)!, link.similarity))
    .sort(byEarliest);
}

function describe(meta: DocumentMetadata, similarity: number): LinkedDocument {
  const { id, title, publisher, publishedAt, ingestedAt, contentType } = meta;
  return {
    id,
    title,
    publisher,
    publishedAt,
    publishedAtSource: meta.publishedAtSource ?? null,
    ingestedAt,
    contentType,
    similarity,
  };
}
