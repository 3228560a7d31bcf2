/**
 * One person's quotes across the archive, newest first: what journalists ask of a quote tool.
 */
import { quotePath } from '../core/cite-document.ts';
import { VerbatimError } from '../core/errors.ts';
import type { Archive } from './archive.ts';
import { currentDirectory } from './current-directory.ts';

/**
 * A speaker page reads at most this many documents (the most recent first is not known before
 * reading them, so a person quoted in more documents shows the quotes of this many of them).
 */
export const MAX_SPEAKER_DOCUMENTS = 200;

/** One quote attributed to the person, with where it was said. */
export interface SpeakerQuote {
  text: string;
  /** The form of the name the article used. */
  speaker: string;
  permalink: string;
  document: { id: string; title: string; publisher: string | null; publishedAt: string | null };
}

/** A person's entry in the directory and their quotes. */
export interface SpeakerQuotes {
  name: string;
  count: number;
  variants: string[];
  quotes: SpeakerQuote[];
  /** False when the person is quoted in more than {@link MAX_SPEAKER_DOCUMENTS} documents. */
  complete: boolean;
}

/**
 * @example
 * ```ts
 * const page = await speakerQuotes(archive, 'Mr Zelensky');
 * page.name; // 'Zelenskyy', with every form's quotes
 * ```
 */
export async function speakerQuotes(archive: Archive, name: string): Promise<SpeakerQuotes> {
  const directory = await currentDirectory(archive);
  const person = directory.person(name);
  if (!person) throw new VerbatimError('not_found', `No speaker named ${JSON.stringify(name)} in the archive.`);
  const ids = person.documentIds.slice(0, MAX_SPEAKER_DOCUMENTS);
  const documents = await archive.documents.getMany(ids);
  const forms = new Set(person.variants);
  const quotes: SpeakerQuote[] = [];
  for (const id of ids) {
    const document = documents.get(id);
    if (!document) continue;
    for (const quote of document.quotes) {
      if (!quote.speaker || !forms.has(quote.speaker)) continue;
      quotes.push({
        text: quote.text,
        speaker: quote.speaker,
        permalink: quotePath(document.id, quote.start, quote.end),
        document: {
          id: document.id,
          title: document.title,
          publisher: document.publisher,
          publishedAt: document.publishedAt,
        },
      });
    }
  }
  // Newest first; undated last; within an article, in reading order (the sort is stable).
  quotes.sort((a, b) => (b.document.publishedAt ?? '').localeCompare(a.document.publishedAt ?? ''));
  return {
    name: person.name,
    count: person.count,
    variants: person.variants,
    quotes,
    complete: ids.length === person.documentIds.length,
  };
}
