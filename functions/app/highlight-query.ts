/** The words of a query to mark on a document page (`?hl=`, from the search that led there). */
import type { ArchivedDocument } from '../core/document.ts';
import { matchSpans } from '../core/search/index.ts';
import { tokensOf } from '../core/text/tokens-of.ts';
import { tryParseQuery } from './try-parse-query.ts';

/** Most marks on one page: a one-letter prefix query on a long text would mark every word. */
export const MAX_HIGHLIGHTS = 2000;

/**
 * Offsets of the document's words that match `q`, in text order, at most {@link MAX_HIGHLIGHTS}; a
 * query that does not parse marks nothing (the page still shows the document).
 *
 * @example
 * ```ts
 * highlightQuery(document, 'embassy protest'); // => [[120, 127], [340, 348]]
 * ```
 */
export function highlightQuery(document: ArchivedDocument, q: string): Array<[number, number]> {
  const { parsed } = tryParseQuery(q);
  return parsed ? matchSpans(tokensOf(document), parsed).slice(0, MAX_HIGHLIGHTS) : [];
}
