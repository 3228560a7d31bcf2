/**
 * Related documents for a document page: other reports of the same story (their titles share this
 * one's distinctive words) and documents that carry the same quotes (a phrase search on the quote's
 * words). Both reuse the search use case, so they see exactly what search sees.
 */
import type { ArchivedDocument, Quote } from '../core/document.ts';
import { tokenize } from '../core/text/tokenize.ts';
import type { Archive } from './archive.ts';
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

const STOP_WORDS = new Set(
  'about after again against also among amid been before being between could during from have into more most over said says should some than that their them then there these they this those through under until upon were what when where which while will with would your'.split(
    ' ',
  ),
);
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

/** Title words that say what the story is about: no stop words, no short words. */
function keyWords(title: string): string[] {
  return [...new Set(tokenize(title).map((t) => t.folded))]
    .filter((w) => w.length >= 4 && !STOP_WORDS.has(w))
    .slice(0, 8);
}

async function sameStory(archive: Archive, document: ArchivedDocument): Promise<RelatedDocument[]> {
  const words = keyWords(document.title);
  if (words.length < 2) return [];
  const page = await searchArchive(archive, { q: words.join(' OR '), limit: 20, offset: 0 });
  // An OR search matches anything sharing one word; a report of the same story shares several.
  return page.results
    .filter((hit) => hit.id !== document.id && keyWords(hit.title).filter((w) => words.includes(w)).length >= 2)
    .slice(0, MAX_LISTED)
    .map(asRelated);
}

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
 * Documents related to `document`, leaving out `copies` (its copy group, listed as copies: a
 * document is listed once, as a copy, not again as "same story" or "also quoting").
 *
 * @example
 * ```ts
 * const related = await findRelated(archive, document, copies); // { sameStory: [...], sameQuotes: [...] }
 * ```
 */
export async function findRelated(
  archive: Archive,
  document: ArchivedDocument,
  copies: ReadonlyArray<{ id: string }> = [],
): Promise<Related> {
  const [story, quotes] = await Promise.all([sameStory(archive, document), sameQuotes(archive, document)]);
  const copyIds = new Set(copies.map((copy) => copy.id));
  const sameQuotesNotCopies = quotes
    .map((q) => ({ ...q, documents: q.documents.filter((d) => !copyIds.has(d.id)) }))
    .filter((q) => q.documents.length > 0);
  // A document carrying the same quotes is listed there, with the place to land; not twice.
  const quoted = new Set(quotes.flatMap((q) => q.documents.map((d) => d.id)));
  return { sameStory: story.filter((d) => !quoted.has(d.id) && !copyIds.has(d.id)), sameQuotes: sameQuotesNotCopies };
}
