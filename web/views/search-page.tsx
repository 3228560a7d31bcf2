/**
 * The search page (`/`): the query box with its syntax, then results, facets and pages — or, with
 * no query, what the archive holds and how to fill it. A plain GET form: works without JavaScript.
 */
import type { SearchPage as Results } from '../../functions/app/search-archive.ts';
import type { ParsedQuery } from '../../functions/core/search/index.ts';
import { plural } from './format.ts';
import { Layout } from './layout.tsx';
import { activeFilters, searchHref, withoutFilters } from './query-filters.ts';
import { SearchFacets } from './search-facets.tsx';
import type { ArchiveExamples } from '../../functions/app/archive-examples.ts';
import { SearchHelp } from './search-help.tsx';
import { SearchResult } from './search-results.tsx';

/** What the search page shows. */
export interface SearchPageProps {
  q: string;
  /** 1-based. */
  page: number;
  perPage: number;
  documentCount: number;
  /** The archive's own publisher and speaker for the search help's examples. */
  examples?: ArchiveExamples;
  results: Results | null;
  /** The parsed query, for suggestions when nothing matched. */
  parsed: ParsedQuery | null;
  /** Why the query could not be run (shown instead of results). */
  error: string | null;
}

function SearchForm(props: { q: string; large?: boolean }) {
  return (
    <form class={props.large ? 'search-form search-form--large' : 'search-form'} role="search" action="/" method="get">
      <label for="q" class="search-form__label">
        Search the archive
      </label>
      <div class="search-form__row">
        <input
          id="q"
          name="q"
          type="search"
          data-suggest="query"
          value={props.q}
          autocomplete="off"
          spellcheck={false}
          aria-describedby="q-hint"
          placeholder='e.g. "strong protest" embassy'
        />
        <button type="submit">Search</button>
      </div>
      <p id="q-hint" class="hint">
        All words must match. Use <code>"a phrase"</code>, <code>-word</code> to exclude, <code>OR</code> for either,
        and <code>publisher:</code> <code>speaker:</code> <code>year:</code> to filter.
      </p>
    </form>
  );
}

function EmptyArchive() {
  return (
    <section class="callout" aria-labelledby="empty-title">
      <h2 id="empty-title">The archive is empty</h2>
      <p>Nothing has been archived yet, so there is nothing to search. Add sources in any of these ways:</p>
      <ul>
        <li>
          <a href="/upload">Upload files</a> — plain text, Markdown, HTML, PDF or Word (.docx) — or paste an article's
          text.
        </li>
        <li>
          Import a folder of files from the command line: <code>npm run import -- path/to/folder</code>
        </li>
        <li>
          Send them to the API: <code>POST /api/documents</code> (see the{' '}
          <a href="/api/openapi.json">OpenAPI description</a>).
        </li>
      </ul>
    </section>
  );
}

/** Concrete edits of the query that are likely to find something. */
function suggestionsFor(q: string, parsed: ParsedQuery | null): Array<{ label: string; q: string }> {
  const suggestions: Array<{ label: string; q: string }> = [];
  const filters = activeFilters(q);
  if (filters.length > 0) suggestions.push({ label: 'Search without the filters', q: withoutFilters(q) });
  if (parsed && parsed.phrases.length > 0)
    suggestions.push({ label: 'Search for the words in any order', q: q.replace(/["“”]/g, '') });
  if (parsed && parsed.excluded.length > 0)
    suggestions.push({ label: 'Drop the excluded words', q: q.replace(/(^|\s)-\S+/g, '$1').trim() });
  if (
    parsed &&
    parsed.mode === 'all' &&
    parsed.terms.length > 1 &&
    parsed.phrases.length === 0 &&
    filters.length === 0
  ) {
    suggestions.push({ label: 'Match any of the words', q: parsed.terms.join(' OR ') });
  }
  return suggestions.filter((s) => s.q && s.q !== q);
}

function NoHits(props: { q: string; parsed: ParsedQuery | null }) {
  const suggestions = suggestionsFor(props.q, props.parsed);
  return (
    <section class="callout" aria-labelledby="no-hits-title">
      <h2 id="no-hits-title">No documents match {`“${props.q}”`}</h2>
      <p>Things to try:</p>
      <ul>
        {suggestions.map((s) => (
          <li>
            <a href={searchHref(s.q)}>{s.label}</a>: <code>{s.q}</code>
          </li>
        ))}
        <li>Check the spelling, or use fewer or more general words.</li>
        <li>
          Looking for who said something?{' '}
          <a href={`/quotes?q=${encodeURIComponent(props.q.replace(/\w+:\S+/g, '').trim())}`}>Check it as a quote</a> —
          that finds near matches too.
        </li>
      </ul>
    </section>
  );
}

/**
 * "Showing results for *ambassador*": a query word the archive has in no form was replaced by a
 * close spelling. The replaced words are marked; the text is the user's own, escaped by JSX.
 */
function ShowingResultsFor(props: { didYouMean: NonNullable<Results['didYouMean']>; q: string }) {
  const searched = new Set(props.didYouMean.replaced.map((r) => r.with));
  const parts = props.didYouMean.text.split(/(\p{L}[\p{L}\p{N}]*)/u);
  return (
    <p class="results__did-you-mean" data-did-you-mean>
      Showing results for{' '}
      <a href={searchHref(props.didYouMean.text)}>
        {parts.map((part) => (searched.has(part) ? <em>{part}</em> : part))}
      </a>
      <span class="muted"> · no document has {props.didYouMean.replaced.map((r) => `“${r.word}”`).join(', ')}</span>
    </p>
  );
}

function Pagination(props: { q: string; page: number; pages: number }) {
  const { q, page, pages } = props;
  if (pages <= 1) return null;
  const numbers = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])]
    .filter((n) => n >= 1 && n <= pages)
    .sort((a, b) => a - b);
  return (
    <nav class="pagination" aria-label="Result pages">
      {page > 1 ? (
        <a href={searchHref(q, page - 1)} rel="prev">
          ← Previous
        </a>
      ) : (
        <span class="pagination__disabled">← Previous</span>
      )}
      <ol>
        {numbers.map((n, i) => (
          <>
            {i > 0 && n - numbers[i - 1] > 1 ? (
              <li class="pagination__gap" aria-hidden="true">
                …
              </li>
            ) : null}
            <li>
              {n === page ? (
                <span aria-current="page">{n}</span>
              ) : (
                <a href={searchHref(q, n)} aria-label={`Page ${n}`}>
                  {n}
                </a>
              )}
            </li>
          </>
        ))}
      </ol>
      {page < pages ? (
        <a href={searchHref(q, page + 1)} rel="next">
          Next →
        </a>
      ) : (
        <span class="pagination__disabled">Next →</span>
      )}
    </nav>
  );
}

/** This page of results as a file: citations for a reference manager, or rows for a spreadsheet. */
function ExportLinks(props: { q: string; offset: number; limit: number }) {
  const href = (format: string) =>
    `/api/search/export?${new URLSearchParams({ q: props.q, offset: String(props.offset), limit: String(props.limit), format })}`;
  return (
    <p class="export-links">
      Export this page:{' '}
      <a href={href('csv')} download>
        CSV
      </a>{' '}
      ·{' '}
      <a href={href('jsonl')} download>
        JSON Lines
      </a>{' '}
      ·{' '}
      <a href={href('bibtex')} download>
        BibTeX
      </a>{' '}
      ·{' '}
      <a href={href('ris')} download>
        RIS
      </a>{' '}
      ·{' '}
      <a href={href('csl-json')} download>
        CSL-JSON
      </a>
    </p>
  );
}

/**
 * @example
 * ```tsx
 * c.html(<SearchPage q="embassy" page={1} perPage={10} documentCount={42} results={page} parsed={parsed} error={null} />)
 * ```
 */
export function SearchPage(props: SearchPageProps) {
  const { q, results } = props;
  const pages = results ? Math.max(1, Math.ceil(results.total / props.perPage)) : 0;
  const first = (props.page - 1) * props.perPage + 1;
  return (
    <Layout title={q ? `${q} – Search` : 'Search'} section="search">
      {!q ? (
        <div class="intro">
          <h1>Search the original words</h1>
          <p class="lead">
            Verbatim keeps source articles exactly as published. Search their full text, read them with every quote
            marked, and check what was really said.
          </p>
        </div>
      ) : (
        <h1 class="visually-hidden">Search results</h1>
      )}
      <SearchForm q={q} large={!q} />
      <SearchHelp open={!q && props.documentCount > 0} examples={props.examples} />
      {props.error ? (
        <div class="callout callout--error" role="alert">
          <h2>That query could not be run</h2>
          <p>{props.error}</p>
        </div>
      ) : null}
      {props.documentCount === 0 ? <EmptyArchive /> : null}
      {!q && props.documentCount > 0 ? (
        <p class="muted">The archive holds {plural(props.documentCount, 'document')}.</p>
      ) : null}
      {results && props.documentCount > 0 ? (
        results.total === 0 ? (
          <NoHits q={q} parsed={props.parsed} />
        ) : (
          <div class="results-layout">
            <section class="results" aria-labelledby="results-summary">
              {results.didYouMean ? <ShowingResultsFor didYouMean={results.didYouMean} q={q} /> : null}
              <h2 id="results-summary" class="results__summary">
                {results.results.length > 0
                  ? `${first.toLocaleString('en-GB')}–${(first + results.results.length - 1).toLocaleString('en-GB')} of ${results.totalExact ? '' : 'about '}${plural(results.total, 'document')}`
                  : `${plural(results.total, 'document')}; this page is past the last`}
                <span class="muted"> · {results.tookMs < 1 ? '<1' : Math.round(results.tookMs)} ms</span>
              </h2>
              <ol class="result-list" start={first}>
                {results.results.map((hit) => (
                  <SearchResult hit={hit} q={q} />
                ))}
              </ol>
              <Pagination q={q} page={props.page} pages={pages} />
              <ExportLinks q={q} offset={first - 1} limit={props.perPage} />
            </section>
            <SearchFacets facets={results.facets} q={q} />
          </div>
        )
      ) : null}
    </Layout>
  );
}
