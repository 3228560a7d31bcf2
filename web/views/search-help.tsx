/** The query syntax, explained beside the search box: the box is only as useful as its syntax is known. */
import type { ArchiveExamples } from '../../functions/app/archive-examples.ts';
import { searchHref } from './query-filters.ts';

// Inside a quoted filter value a double quote cannot be written; such a name keeps the fixed example.
const quotable = (value: string | undefined) => (value && !value.includes('"') ? value : undefined);

function examplesFor(archive: ArchiveExamples | undefined): Array<[string, string]> {
  const own: Record<string, string | undefined> = {
    phrase: archive?.phrase && `"${archive.phrase}"`,
    publisher: quotable(archive?.publisher) && `publisher:"${archive!.publisher}"`,
    speaker: quotable(archive?.speaker) && `speaker:"${archive!.speaker}"`,
  };
  return EXAMPLES.map(([example, meaning]) => {
    const kind = example.startsWith('"') ? 'phrase' : example.split(':')[0];
    return [own[kind] ?? example, meaning];
  });
}

/** The fixed examples; the phrase, publisher and speaker are replaced by the archive's own when it has them. */
const EXAMPLES: Array<[string, string]> = [
  [
    'embassies protest',
    'documents with all of these words, in any of their forms (embassy, embassies; protested, protesting); the form you typed ranks first',
  ],
  ['=embassies', 'only this form of a word (one word in quotes, "embassies", does the same)'],
  ['"strong protest was expressed"', 'these exact words in this order'],
  ['consulate -garden', 'leave out documents containing a word in any of its forms (-=gardens: only that form)'],
  ['ribbon OR ambassador', 'either word'],
  ['publisher:"Northern Wire"', 'only from one publisher'],
  ['speaker:"Ana Ruiz"', 'documents quoting someone, with their quotes'],
  ['year:2020 · after:2019-06 · before:2020-01-01', 'by publication date'],
];

/**
 * @example
 * ```tsx
 * <SearchHelp open={!query} examples={{ publisher: 'Wikinews' }} />
 * ```
 */
export function SearchHelp(props: { open?: boolean; examples?: ArchiveExamples }) {
  return (
    <details class="search-help" open={props.open}>
      <summary>How to search</summary>
      <dl class="search-help__list">
        {examplesFor(props.examples).map(([example, meaning]) => (
          <div>
            <dt>
              {example.includes('·') ? (
                <code>{example}</code>
              ) : (
                <a href={searchHref(example)}>
                  <code>{example}</code>
                </a>
              )}
            </dt>
            <dd>{meaning}</dd>
          </div>
        ))}
      </dl>
      <p class="search-help__keys small">
        Keyboard: <kbd>/</kbd> goes to the search box, <kbd>j</kbd> and <kbd>k</kbd> move to the next and previous
        result, <kbd>Enter</kbd> opens it.
      </p>
    </details>
  );
}
