/**
 * Related documents for a document page: other reports of the same story (the links ingest made,
 * see `link-stories.ts`) and documents that carry the same quotes (a phrase search on the quote's
 * words, through the search use case, so it sees exactly what search sees).
 */
import type { ArchivedDocument, Quote } from '../core/document.ts';
import { tokenize } from '../core/text/tokenize.ts';
import type { Archive } from './archive.ts';
import type { LinkedDocument } from './list-copies.ts';
import { searchArchive } from './search-archive.ts';

/** A related document, as the document page lists it. */
export interface RelatedDocument {
  id: string;
  title: string;
  publisher: string | null;
  publishedAt: string | null;
  /** Where in that document to land (a shared quote), if anywhere in particular. */
  at?: [number, number];
}

/** Documents on the same story, and documents that carry this document's quotes. */
export interface Related {
  sameStory: RelatedDocument[];
  sameQuotes: Array<{ quote: Quote; documents: RelatedDocument[] }>;
}

/** Quotes shorter than this are too common to identify a copy ("We are ready."). */
const MIN_QUOTE_WORDS = 6;
/** A phrase this long is distinctive; longer only misses copies with a small change. */
const PHRASE_WORDS = 8;
const MAX_QUOTES_CHECKED = 5;
const MAX_LISTED = 5;

const asRelated = (hit: {
  id: string;
  title: string;
  publisher: string | null;
  publishedAt: string | null;
}): RelatedDocument => ({
  id: hit.id,
  title: hit.title,
  publisher: hit.publisher,
  publishedAt: hit.publishedAt,
});

async function sameQuotes(archive: Archive, document: ArchivedDocument): Promise<Related['sameQuotes']> {
  const quotes = document.quotes
    .filter((q) => q.kind === 'speech' && tokenize(q.text).length >= MIN_QUOTE_WORDS)
    .sort((a, b) => b.text.length - a.text.length)
    .slice(0, MAX_QUOTES_CHECKED);
  const found = await Promise.all(
    quotes.map(async (quote) => {
      const words = tokenize(quote.text)
        .slice(0, PHRASE_WORDS)
        .map((t) => t.folded);
      const page = await searchArchive(archive, { q: `"${words.join(' ')}"`, limit: MAX_LISTED + 1, offset: 0 });
      const documents = page.results
        .filter((hit) => hit.id !== document.id)
        .slice(0, MAX_LISTED)
        .map((hit) => ({
          ...asRelated(hit),
          at: hit.passages[0] ? ([hit.passages[0].start, hit.passages[0].end] as [number, number]) : undefined,
        }));
      return { quote, documents };
    }),
  );
  return found.filter((f) => f.documents.length > 0).sort((a, b) => a.quote.start - b.quote.start);
}

/**
 * Documents related to `document`: its same-story links `stories` (earliest first, as listed) and
 * the documents quoting it, leaving out `copies` (its copy group, listed as copies: a document is
 * listed once, as a copy, not again as "same story" or "also quoting").
 *
 * @example
 * ```ts
 * const related = await findRelated(archive, document, copies, stories); // { sameStory: [...], sameQuotes: [...] }
 * ```
 */
export async function findRelated(
  archive: Archive,
  document: ArchivedDocument,
  copies: ReadonlyArray<{ id: string }> = [],
  stories: ReadonlyArray<LinkedDocument> = [],
): Promise<Related> {
  const quotes = await sameQuotes(archive, document);
  const copyIds = new Set(copies.map((copy) => copy.id));
  const sameQuotesNotCopies = quotes
    .map((q) => ({ ...q, documents: q.documents.filter((d) => !copyIds.has(d.id)) }))
    .filter((q) => q.documents.length > 0);
  return { sameStory: stories.filter((d) => !copyIds.has(d.id)).map(asRelated), sameQuotes: sameQuotesNotCopies };
}
