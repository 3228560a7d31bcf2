/**
 * One search hit, kept compact: title and source line, at most {@link MAX_PASSAGES} passages with
 * the matches marked, and matching quotes. A quote that overlaps a shown passage is marked inside
 * that passage (with its speaker after it) instead of being shown a second time below.
 */
import type { SearchHit } from '../../functions/app/search-archive.ts';
import { formatDate, passagePath, quotePath } from '../../functions/core/cite-document.ts';
import { MarkedText } from './marked-text.tsx';
import { speakerHref } from './speaker-page.tsx';

/** Passages shown per card; the document page has the rest. */
export const MAX_PASSAGES = 2;
/** Quotes that fit no passage, listed per card. */
export const MAX_LISTED_QUOTES = 2;

type Passage = SearchHit['passages'][number];
type Quote = SearchHit['quotes'][number];
const overlaps = (quote: Quote, passage: Passage) => quote.start < passage.end && quote.end > passage.start;
const speakerOf = (quote: Quote) => quote.speaker ?? 'speaker unknown';

/**
 * @example
 * ```tsx
 * <SearchResult hit={hit} q="harbour bridge" />
 * ```
 */
export function SearchResult(props: { hit: SearchHit; q: string }) {
  const { hit, q } = props;
  const passages = hit.passages.slice(0, MAX_PASSAGES);
  const rest = hit.quotes.filter((quote) => !passages.some((passage) => overlaps(quote, passage)));
  const first = passages[0];
  const href = first
    ? passagePath(hit.id, first.start, first.end, q)
    : `/documents/${hit.id}?hl=${encodeURIComponent(q)}`;
  return (
    <li class="result">
      <h3 class="result__title">
        <a href={href}>{hit.title}</a>
      </h3>
      <p class="byline">
        {hit.publisher ? <span>{hit.publisher}</span> : <span class="muted">Unknown publisher</span>}
        {hit.publishedAt ? <time datetime={hit.publishedAt}>{formatDate(hit.publishedAt)}</time> : null}
        {hit.copyCount > 0 ? (
          <a class="result__copies" href={`/documents/${hit.id}#copies`}>
            +{hit.copyCount} {hit.copyCount === 1 ? 'copy' : 'copies'}
            <span class="visually-hidden"> of this article: see all copies</span>
          </a>
        ) : null}
      </p>
      {passages.length > 0 ? (
        <ul class="passages">
          {passages.map((passage) => {
            const folded = hit.quotes.filter((quote) => overlaps(quote, passage));
            return (
              <li>
                <a class="passage" href={passagePath(hit.id, passage.start, passage.end, q)}>
                  <MarkedText
                    text={passage.text}
                    start={0}
                    end={passage.text.length}
                    marks={[
                      ...folded.map((quote) => ({
                        start: quote.start - passage.start,
                        end: quote.end - passage.start,
                        kind: 'quote' as const,
                        title: `Quote by ${speakerOf(quote)}`,
                      })),
                      ...passage.highlights.map(([s, e]) => ({
                        start: s - passage.start,
                        end: e - passage.start,
                        kind: 'hit' as const,
                      })),
                    ]}
                  />
                </a>
                {folded.length > 0 ? (
                  <span class="speaker"> — {[...new Set(folded.map(speakerOf))].join(', ')}</span>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {rest.length > 0 ? (
        <div class="result__quotes">
          <h4 class="visually-hidden">Matching quotes</h4>
          <ul class="quote-list quote-list--compact">
            {rest.slice(0, MAX_LISTED_QUOTES).map((quote) => (
              <li>
                <a href={quotePath(hit.id, quote.start, quote.end)}>
                  <q>{quote.text}</q>
                </a>{' '}
                <span class="speaker">
                  — {quote.speaker ? <a href={speakerHref(quote.speaker)}>{quote.speaker}</a> : 'speaker unknown'}
                </span>
              </li>
            ))}
          </ul>
          {rest.length > MAX_LISTED_QUOTES ? (
            <p class="muted small">and {moreQuotes(rest.length - MAX_LISTED_QUOTES)} in this document</p>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

/** "1 more matching quote", "3 more matching quotes". */
export const moreQuotes = (count: number) => `${count} more matching ${count === 1 ? 'quote' : 'quotes'}`;
