/**
 * What a search result needs of a stored document, and no more: its title fields, the part of its
 * text that {@link findPassages} can reach, and the quotes {@link matchingQuotes} reads. For a
 * 10 MB document that is about a hundredth of it, so a worker can cut the view out of the stored
 * JSON and the thread that answers requests never parses the whole document (see
 * `app/digest-off-thread.ts`). Passages and quotes found in the view are the document's own.
 */
import type { ArchivedDocument, Paragraph } from '../document.ts';
import { SENTENCE_CHUNK_CHARS } from '../text/split-sentences.ts';
import { PASSAGE_SCAN_CHARS, QUOTE_SCAN_COUNT } from './find-passages.ts';

/** The fields of a document that a search result shows or reads. */
export type PassageView = Pick<
  ArchivedDocument,
  'id' | 'title' | 'publisher' | 'publishedAt' | 'text' | 'paragraphs' | 'quotes'
>;

/**
 * Text kept past the scan budget inside a long paragraph. The passage scan stops only between
 * runs of sentences of about a chunk each, the last of them ending at most two chunks past the
 * budget; and a paragraph cut short yields the same sentences as the whole one up to a chunk
 * before the cut (the sentence splitter re-reads each chunk's last sentence with the next chunk).
 */
export const PASSAGE_VIEW_MARGIN_CHARS = 4 * SENTENCE_CHUNK_CHARS;

/**
 * The paragraphs the passage scan can reach, a long last one cut {@link PASSAGE_VIEW_MARGIN_CHARS}
 * past the scan budget: the scan counts the characters of the paragraphs it reads, in order, and
 * stops at {@link PASSAGE_SCAN_CHARS}.
 */
function reachableParagraphs(paragraphs: Paragraph[]): Paragraph[] {
  const reached: Paragraph[] = [];
  let budget = PASSAGE_SCAN_CHARS;
  for (const paragraph of paragraphs) {
    if (budget <= 0) break;
    const length = paragraph.end - paragraph.start;
    // A paragraph up to a chunk is read whole, however little budget is left.
    if (length <= budget || length <= SENTENCE_CHUNK_CHARS) {
      reached.push(paragraph);
      budget -= length;
      continue;
    }
    reached.push({
      start: paragraph.start,
      end: Math.min(paragraph.end, paragraph.start + budget + PASSAGE_VIEW_MARGIN_CHARS),
    });
    break;
  }
  return reached;
}

/**
 * The document itself when it is small enough, else a view of it that gives the same passages
 * and matching quotes for every query: a prefix of its text (offsets unchanged), the paragraphs
 * in that prefix, and its first {@link QUOTE_SCAN_COUNT} quotes.
 *
 * @example
 * ```ts
 * findPassages(passageViewOf(document), query); // the same as findPassages(document, query)
 * ```
 */
export function passageViewOf(document: PassageView): PassageView {
  const paragraphs = reachableParagraphs(document.paragraphs);
  const end = paragraphs.length > 0 ? paragraphs[paragraphs.length - 1].end : 0;
  const { id, title, publisher, publishedAt } = document;
  return {
    id,
    title,
    publisher,
    publishedAt,
    text: end === document.text.length ? document.text : document.text.slice(0, end),
    paragraphs: paragraphs.length === document.paragraphs.length ? document.paragraphs : paragraphs,
    quotes: document.quotes.length > QUOTE_SCAN_COUNT ? document.quotes.slice(0, QUOTE_SCAN_COUNT) : document.quotes,
  };
}
