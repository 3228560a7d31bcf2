/**
 * Check a quote (`/quotes`): paste what someone is claimed to have said; see the closest original
 * passages, how they differ word by word, a verdict, the speaker and the sentences around it.
 */
import type { QuoteResult, QuoteSearch, Verdict } from '../../functions/app/find-quotes.ts';
import { citeDocument, formatDate, passagePath } from '../../functions/core/cite-document.ts';
import { Layout } from './layout.tsx';
import { MarkedText } from './marked-text.tsx';
import { DiffLegend, QuoteDiff } from './quote-diff.tsx';

/** What the quote page shows. */
export interface QuotesPageProps {
  q: string;
  speaker: string;
  search: QuoteSearch | null;
  error: string | null;
  documentCount: number;
  /** `https://host`, for the permalink and citation a reader copies. */
  origin: string;
}

const VERDICTS: Record<Verdict, { label: string; tone: string; explain: string }> = {
  exact: { label: 'Exact quote', tone: 'good', explain: 'The same words and punctuation as the original.' },
  punctuation_or_case: {
    label: 'Same words',
    tone: 'good',
    explain: 'The same words in the same order; punctuation, quote marks or capitals differ.',
  },
  words_differ: {
    label: 'Words differ',
    tone: 'warn',
    explain: 'Recognisably this quote, but words were dropped, added, changed or moved.',
  },
  weak_match: {
    label: 'Weak match',
    tone: 'bad',
    explain: 'Some words in common; this may not be the same quote at all.',
  },
};

function VerdictBadge(props: { verdict: Verdict; score: number }) {
  const verdict = VERDICTS[props.verdict] ?? { label: props.verdict, tone: 'warn', explain: '' };
  return (
    <p class="verdict">
      <span class={`badge badge--${verdict.tone}`}>{verdict.label}</span>
      <span class="muted small">
        {' '}
        {Math.round(props.score * 100)}% similar. {verdict.explain}
      </span>
    </p>
  );
}

/** Says plainly when the source names someone else, or no one, for the claimed speaker. */
function SpeakerNotice(props: { result: QuoteResult; claimed: string }) {
  const { result, claimed } = props;
  if (result.speakerMatch === 'different') {
    return (
      <p class="notice notice--speaker" role="note">
        The source attributes these words to {result.speaker}, not to {claimed}.
      </p>
    );
  }
  if (result.speakerMatch === 'unknown') {
    return (
      <p class="notice notice--speaker" role="note">
        The source does not say who said these words, so it cannot confirm {claimed}.
      </p>
    );
  }
  return null;
}

function Result(props: { result: QuoteResult; claimed: string; origin: string }) {
  const { result } = props;
  const { document, passage, match } = result;
  const speakerNote = result.speakerSource === 'nearby' ? ' (from the nearest attributed quote)' : '';
  return (
    <li class="quote-result">
      <div class="quote-result__main">
        <VerdictBadge verdict={result.verdict} score={result.score} />
        <h3 class="quote-result__speaker">
          {result.speaker ?? 'Speaker unknown'}
          <span class="muted small">{speakerNote}</span>
        </h3>
        <SpeakerNotice result={result} claimed={props.claimed} />
        <blockquote class="context">
          <p>
            {result.before ? <span class="context__around">{result.before.text} </span> : null}
            <span class="context__passage">
              <MarkedText
                text={passage.text}
                start={0}
                end={passage.text.length}
                marks={[{ start: match.start - passage.start, end: match.end - passage.start, kind: 'hit' }]}
              />
            </span>
            {result.after ? <span class="context__around"> {result.after.text}</span> : null}
          </p>
        </blockquote>
        <h4 class="small-heading">Claim compared with the original</h4>
        <QuoteDiff diff={result.diff} />
        {result.fragment ? <p class="muted small">The claim covers only part of this passage.</p> : null}
      </div>
      {/* Where the words come from, and what to take away: beside the passage at desktop width, below it on a phone. */}
      <div class="quote-result__aside">
        <h4 class="small-heading">Source</h4>
        <p class="source-line">
          <a href={passagePath(document.id, match.start, match.end)}>{document.title}</a>
          <span class="muted">
            {' '}
            — {[document.publisher ?? 'Unknown publisher', formatDate(document.publishedAt) || 'undated'].join(', ')}
          </span>
        </p>
        <p class="quote-result__links">
          <a href={passagePath(document.id, match.start, match.end)}>Permalink to the passage</a>{' '}
          <button
            type="button"
            class="copy-button"
            data-copy={`${props.origin}${passagePath(document.id, match.start, match.end)}`}
            hidden
          >
            Copy link
          </button>{' '}
          <button type="button" class="copy-button" data-copy={citeDocument(document, props.origin).text} hidden>
            Copy citation
          </button>
        </p>
        {result.alsoIn.length > 0 ? (
          <details class="also-in">
            <summary>
              Also in {result.alsoIn.length === 1 ? '1 other document' : `${result.alsoIn.length} other documents`}
            </summary>
            <ul class="related-list">
              {result.alsoIn.map((other) => (
                <li>
                  <a href={passagePath(other.document.id, other.match.start, other.match.end)}>
                    {other.document.title}
                  </a>
                  <span class="muted small">
                    {' '}
                    {[other.document.publisher, formatDate(other.document.publishedAt), VERDICTS[other.verdict]?.label]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </div>
    </li>
  );
}

/**
 * @example
 * ```tsx
 * c.html(<QuotesPage q="we rebuilt the deck" speaker="" search={found} error={null} documentCount={3} />)
 * ```
 */
export function QuotesPage(props: QuotesPageProps) {
  const { q, speaker, search } = props;
  return (
    <Layout title={q ? `Check: ${q.slice(0, 60)}` : 'Check a quote'} section="quotes">
      <h1>Check a quote</h1>
      <p class="lead">
        Paste what someone is claimed to have said. Verbatim finds the closest original passages and shows exactly how
        they differ.
      </p>
      <form class="quote-form" action="/quotes" method="get">
        <div class="field">
          <label for="claim">Claimed quote</label>
          <textarea id="claim" name="q" rows={3} required maxlength={2000}>
            {q}
          </textarea>
        </div>
        <div class="quote-form__row">
          <div class="field">
            <label for="speaker">Who said it? (optional)</label>
            <input id="speaker" name="speaker" type="text" data-suggest="speaker" value={speaker} autocomplete="off" />
          </div>
          <button type="submit">Check</button>
        </div>
      </form>
      {props.error ? (
        <div class="callout callout--error" role="alert">
          <p>{props.error}</p>
        </div>
      ) : null}
      {search ? (
        search.results.length === 0 ? (
          <section class="callout" aria-labelledby="no-quote-title">
            <h2 id="no-quote-title">No original passage resembles this claim</h2>
            <p>
              {props.documentCount === 0
                ? 'The archive is empty: upload the source articles first.'
                : 'Try a shorter, distinctive part of the quote, drop the speaker, or check that the source article is in the archive.'}
            </p>
          </section>
        ) : (
          <section aria-labelledby="quote-results-title">
            <h2 id="quote-results-title" class="results__summary">
              {search.results.length === 1 ? 'The closest original' : `The ${search.results.length} closest originals`}
              <span class="muted">
                {' '}
                · {search.candidates} documents compared · {Math.round(search.tookMs)} ms
              </span>
            </h2>
            <DiffLegend />
            <ol class="quote-results">
              {search.results.map((result) => (
                <Result result={result} claimed={speaker.trim()} origin={props.origin} />
              ))}
            </ol>
          </section>
        )
      ) : null}
    </Layout>
  );
}
