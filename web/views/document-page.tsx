/**
 * The document page (`/documents/:id`): the source text as paragraphs with its quotes marked in
 * place, the passage the reader came for highlighted (id `at`, so `#at` scrolls to it without
 * JavaScript), the quotes listed with speakers and permalinks, metadata, a citation, the original,
 * and related documents.
 */
import type { ArchivedDocument, Quote } from '../../functions/core/document.ts';
import { citationFor, formatName, originalFileName } from './citation.ts';
import { dateSourceLabel, formatBytes, plural, safeHref } from './format.ts';
import { formatDate, passageAnchor, passagePath, quotePath } from '../../functions/core/cite-document.ts';
import { Layout } from './layout.tsx';
import { MarkedText, type TextMark } from './marked-text.tsx';
import { CopiesPanel, CopyChanges, type CopyComparison } from './copies-panel.tsx';
import type { LinkedDocument } from '../../functions/app/list-copies.ts';
import type { Related, RelatedDocument } from '../../functions/app/find-related.ts';
import { speakerHref } from './speaker-page.tsx';
import { repeatsTitle } from './repeats-title.ts';

/** What the document page shows. */
export interface DocumentPageProps {
  document: ArchivedDocument;
  /** The passage the reader came for. */
  at: [number, number] | null;
  /** Words to mark (from the search that led here). */
  hits: Array<[number, number]>;
  related: Related;
  /** The other copies of this article (its copy group), earliest first. */
  copies: LinkedDocument[];
  /** The comparison asked for with `?compare=<id>`, if any. */
  comparison: CopyComparison | null;
  /** `https://host`, for the citation and permalinks. */
  origin: string;
}

const quoteId = (quote: Quote) => passageAnchor(quote.start, quote.end);

function Byline(props: { document: ArchivedDocument }) {
  const { document } = props;
  return (
    <p class="byline byline--large">
      {document.publisher ? <span>{document.publisher}</span> : <span class="muted">Unknown publisher</span>}
      {document.author ? <span>{document.author}</span> : null}
      {document.publishedAt ? (
        <span>
          <time datetime={document.publishedAt}>{formatDate(document.publishedAt)}</time>{' '}
          <span class="muted date-source">({dateSourceLabel(document.publishedAtSource)})</span>
        </span>
      ) : (
        <span class="muted">Undated</span>
      )}
    </p>
  );
}

/** "12 quotes (10 speech)", or "10 quotes" when every quote is speech. */
export function quoteCountLabel(total: number, speech: number): string {
  return total === speech ? plural(total, 'quote') : `${plural(total, 'quote')} (${speech} speech)`;
}

function QuoteList(props: { document: ArchivedDocument; quotes: Quote[]; origin: string }) {
  const { document, quotes } = props;
  return (
    <section class="panel" aria-labelledby="quotes-title">
      <h2 id="quotes-title">Speech quotes ({quotes.length})</h2>
      {quotes.length === 0 ? (
        <p class="muted">No direct quotes were found in this document.</p>
      ) : (
        <ol class="quote-list">
          {quotes.map((quote) => (
            <li>
              <a href={`#${quoteId(quote)}`} class="quote-list__text">
                <q>{quote.text.length > 240 ? `${quote.text.slice(0, 239)}…` : quote.text}</q>
              </a>
              <p class="quote-list__meta">
                <span class="speaker">
                  {quote.speaker ? <a href={speakerHref(quote.speaker)}>{quote.speaker}</a> : 'Speaker unknown'}
                </span>
                {quote.mention && quote.mention !== quote.speaker ? (
                  <span class="muted"> (“{quote.mention}”)</span>
                ) : null}
                {' · '}
                <a href={quotePath(document.id, quote.start, quote.end)} class="permalink">
                  Permalink
                </a>
                <button
                  type="button"
                  class="copy-button"
                  data-copy={`${props.origin}${quotePath(document.id, quote.start, quote.end)}`}
                  hidden
                >
                  Copy link
                </button>
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Details(props: { document: ArchivedDocument }) {
  const { document } = props;
  const href = safeHref(document.url);
  const rows: Array<[string, unknown]> = [
    ['Publisher', document.publisher ?? '—'],
    ['Author', document.author ?? '—'],
    [
      'Published',
      document.publishedAt
        ? `${formatDate(document.publishedAt)} (${dateSourceLabel(document.publishedAtSource)})`
        : '—',
    ],
    ...(document.fileCreatedAt
      ? ([
          [
            'File created',
            `${formatDate(document.fileCreatedAt)} (the file's own creation time, not a publication date)`,
          ],
        ] as Array<[string, unknown]>)
      : []),
    [
      'Source URL',
      href ? (
        <a href={href} rel="noopener noreferrer nofollow" class="break">
          {document.url}
        </a>
      ) : (
        <span class="break">{document.url ?? '—'}</span>
      ),
    ],
    ['Archived', formatDate(document.ingestedAt)],
    ['Original', `${formatName(document.contentType)}, ${formatBytes(document.size)}`],
    // Same count as the sidebar's list (speech), with the total beside it when they differ.
    [
      'Length',
      `${plural(document.wordCount, 'word')}, ${quoteCountLabel(document.quoteCount, document.quotes.filter((q) => q.kind === 'speech').length)}`,
    ],
    ['Archive id', <code>{document.id}</code>],
    ['SHA-256 of original', <code class="break">{document.originalSha256}</code>],
  ];
  return (
    <section class="panel" aria-labelledby="details-title">
      <h2 id="details-title">Details</h2>
      <dl class="details">
        {rows.map(([term, value]) => (
          <div>
            <dt>{term}</dt>
            <dd>{value as string}</dd>
          </div>
        ))}
      </dl>
      <p>
        <a
          class="button button--secondary"
          href={`/api/documents/${document.id}/original`}
          download={originalFileName(document)}
        >
          Download the original
        </a>
      </p>
    </section>
  );
}

function RelatedList(props: { documents: RelatedDocument[] }) {
  return (
    <ul class="related-list">
      {props.documents.map((d) => (
        <li>
          <a href={d.at ? passagePath(d.id, d.at[0], d.at[1]) : `/documents/${d.id}`}>{d.title}</a>
          <span class="muted small"> {[d.publisher, formatDate(d.publishedAt)].filter(Boolean).join(', ')}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * @example
 * ```tsx
 * c.html(<DocumentPage document={document} at={[120, 212]} hits={[]} related={related} copies={[]} comparison={null} origin="http://localhost:3000" />)
 * ```
 */
export function DocumentPage(props: DocumentPageProps) {
  const { document, at } = props;
  const speech = document.quotes.filter((q) => q.kind === 'speech');
  const marks: TextMark[] = [
    ...speech.map((quote) => ({
      start: quote.start,
      end: quote.end,
      kind: 'quote' as const,
      id: quoteId(quote),
      title: quote.speaker ? `Quote: ${quote.speaker}` : 'Quote: speaker unknown',
    })),
    ...props.hits.map(([start, end]) => ({ start, end, kind: 'hit' as const })),
    ...(at ? [{ start: at[0], end: at[1], kind: 'target' as const, id: 'at' }] : []),
  ];
  // A first paragraph that repeats the title becomes the heading, marks and anchors included.
  const titleParagraph = repeatsTitle(document.title, document.text, document.paragraphs[0])
    ? document.paragraphs[0]
    : null;
  const citation = citationFor(document, props.origin);
  const { sameStory, sameQuotes } = props.related;
  return (
    <Layout title={document.title} section="document">
      <article class="document" aria-labelledby="document-title">
        <header class="document__header">
          <h1 id="document-title">
            {titleParagraph ? (
              <MarkedText text={document.text} start={titleParagraph.start} end={titleParagraph.end} marks={marks} />
            ) : (
              document.title
            )}
          </h1>
          <Byline document={document} />
          {at ? (
            <p class="notice">
              <a href="#at">Jump to the highlighted passage</a>
            </p>
          ) : null}
        </header>
        <div class="document-layout">
          <div class="document__text" lang="en">
            {document.paragraphs.map((paragraph, i) =>
              // The heading shows it; paragraph ids keep their numbers so links to p-2… hold.
              i === 0 && titleParagraph ? null : (
                <p id={`p-${i + 1}`}>
                  <MarkedText text={document.text} start={paragraph.start} end={paragraph.end} marks={marks} />
                </p>
              ),
            )}
          </div>
          <div class="document__aside">
            {props.comparison ? <CopyChanges comparison={props.comparison} /> : null}
            <CopiesPanel documentId={document.id} copies={props.copies} />
            <QuoteList document={document} quotes={speech} origin={props.origin} />
            <section class="panel" aria-labelledby="cite-title">
              <h2 id="cite-title">Cite this document</h2>
              <p class="citation" id="citation">
                {citation}
              </p>
              <button type="button" class="copy-button button button--secondary" data-copy-from="citation" hidden>
                Copy citation
              </button>
              <p class="export-links">
                For a reference manager:{' '}
                <a href={`/api/documents/${document.id}/citation?format=bibtex`} download>
                  BibTeX
                </a>{' '}
                ·{' '}
                <a href={`/api/documents/${document.id}/citation?format=ris`} download>
                  RIS
                </a>{' '}
                ·{' '}
                <a href={`/api/documents/${document.id}/citation?format=csl-json`} download>
                  CSL-JSON
                </a>
              </p>
            </section>
            <Details document={document} />
            {sameStory.length + sameQuotes.length > 0 ? (
              <section class="panel" aria-labelledby="related-title">
                <h2 id="related-title">Related documents</h2>
                {sameStory.length > 0 ? (
                  <>
                    <h3>Same story</h3>
                    <RelatedList documents={sameStory} />
                  </>
                ) : null}
                {sameQuotes.map(({ quote, documents }) => (
                  <>
                    <h3>
                      Also quoting <q>{quote.text.length > 80 ? `${quote.text.slice(0, 79)}…` : quote.text}</q>
                    </h3>
                    <RelatedList documents={documents} />
                  </>
                ))}
              </section>
            ) : null}
          </div>
        </div>
      </article>
    </Layout>
  );
}
