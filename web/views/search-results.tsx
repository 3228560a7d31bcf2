/** One search hit: title and source line, matched passages with the matches marked, matching quotes. */
import type { SearchHit } from '../../functions/app/search-archive.ts';
import { formatDate, passagePath, quotePath } from '../../functions/core/cite-document.ts';
import { MarkedText } from './marked-text.tsx';
import { speakerHref } from './speaker-page.tsx';

/**
 * @example
 * ```tsx
 * <SearchResult hit={hit} q="harbour bridge" />
 * ```
 */
export function SearchResult(props: { hit: SearchHit; q: string }) {
  const { hit, q } = props;
  const first = hit.passages[0];
  const href = first ? passagePath(hit.id, first.start, first.end, q) : `/documents/${hit.id}?hl=${encodeURIComponent(q)}`;
  return (
    <li class="result">
      <h3 class="result__title">
        <a href={href}>{hit.title}</a>
      </h3>
      <p class="byline">
        {hit.publisher ? <span>{hit.publisher}</span> : <span class="muted">Unknown publisher</span>}
        {hit.publishedAt ? <time datetime={hit.publishedAt}>{formatDate(hit.publishedAt)}</time> : null}
      </p>
      {hit.passages.length > 0 ? (
        <ul class="passages">
          {hit.passages.map((passage) => (
            <li>
              <a class="passage" href={passagePath(hit.id, passage.start, passage.end, q)}>
                <MarkedText
                  text={passage.text}
                  start={0}
                  end={passage.text.length}
                  marks={passage.highlights.map(([s, e]) => ({ start: s - passage.start, end: e - passage.start, kind: 'hit' as const }))}
                />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {hit.quotes.length > 0 ? (
        <div class="result__quotes">
          <h4 class="visually-hidden">Matching quotes</h4>
          <ul class="quote-list quote-list--compact">
            {hit.quotes.slice(0, 3).map((quote) => (
              <li>
                <a href={quotePath(hit.id, quote.start, quote.end)}>
                  <q>{quote.text}</q>
                </a>{' '}
                <span class="speaker">— {quote.speaker ? <a href={speakerHref(quote.speaker)}>{quote.speaker}</a> : 'speaker unknown'}</span>
              </li>
            ))}
          </ul>
          {hit.quotes.length > 3 ? <p class="muted small">and {hit.quotes.length - 3} more matching quotes in this document</p> : null}
        </div>
      ) : null}
    </li>
  );
}
