/** One person's quotes across the archive, newest first (`/speakers/{name}`). */
import { MAX_SPEAKER_DOCUMENTS, type SpeakerQuotes } from '../../functions/app/speaker-quotes.ts';
import { formatDate } from '../../functions/core/cite-document.ts';
import { Layout } from './layout.tsx';

/** The link to a speaker's page (names are untrusted: encoded as a path segment). */
export function speakerHref(name: string): string {
  return `/speakers/${encodeURIComponent(name)}`;
}

/**
 * @example
 * ```tsx
 * <SpeakerPage speaker={await speakerQuotes(archive, 'Zelenskyy')} />
 * ```
 */
export function SpeakerPage(props: { speaker: SpeakerQuotes }) {
  const { speaker } = props;
  const others = speaker.variants.filter((v) => v !== speaker.name);
  return (
    <Layout title={`Quotes by ${speaker.name}`} section="search">
      <h1>{speaker.name}</h1>
      <p class="speaker-summary">
        Quoted in {speaker.count} {speaker.count === 1 ? 'article' : 'articles'}
        {others.length > 0 ? `; also named ${others.join(', ')}` : ''}.
        {speaker.complete ? '' : ` Showing the quotes of ${MAX_SPEAKER_DOCUMENTS} of them.`}
      </p>
      <ol class="speaker-quotes">
        {speaker.quotes.map((quote) => (
          <li class="speaker-quote">
            <blockquote>
              <a href={quote.permalink}>“{quote.text}”</a>
            </blockquote>
            <p class="speaker-quote__source">
              {quote.speaker !== speaker.name ? `${quote.speaker}, ` : ''}
              <a href={`/documents/${quote.document.id}`}>{quote.document.title}</a>
              {quote.document.publisher ? `, ${quote.document.publisher}` : ''}
              {quote.document.publishedAt ? `, ${formatDate(quote.document.publishedAt)}` : ''}
            </p>
          </li>
        ))}
      </ol>
    </Layout>
  );
}
