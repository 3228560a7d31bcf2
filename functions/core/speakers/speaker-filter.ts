/**
 * The `speaker:` filter and the speaker facet, one entry per person: a name typed in the filter
 * matches every form the directory joined for that person ("speaker:Zelenskyy" finds "Mr Zelensky"
 * too), and the facet lists each person once, under the directory's name, counted per document.
 */
import type { StoredDocument } from '../search/segment.ts';
import { foldTerm } from '../text/tokenize.ts';
import { nameWords } from './fold-name.ts';
import { joinVariants, nameOf, type FormCount, type SpeakerDirectory } from './speaker-directory.ts';

/**
 * Whether a speaker form (as an article wrote it) names the person asked for. A name the
 * directory knows matches exactly that person's forms, so "John Smith" never matches "Jane Smith";
 * a name it does not know (a given name alone, part of a description) matches the forms that
 * contain it, folded, as the word filter did before the directory.
 *
 * @example
 * ```ts
 * const isZelenskyy = speakerMatcher(directory, 'Zelenskyy');
 * isZelenskyy('Mr Zelensky'); // true
 * ```
 */
export function speakerMatcher(directory: SpeakerDirectory, name: string): (speaker: string) => boolean {
  const person = directory.person(name);
  if (person) {
    const forms = new Set(person.variants);
    return (speaker) => forms.has(speaker);
  }
  const wanted = nameWords(name);
  const folded = foldTerm(name);
  return (speaker) => {
    if (foldTerm(speaker).includes(folded)) return true;
    if (wanted.length === 0) return false;
    const have = new Set(nameWords(speaker));
    return wanted.every((word) => have.has(word));
  };
}

/**
 * A stored-field filter keeping the documents that quote the person ({@link speakerMatcher}),
 * combined with another filter (publisher, dates) when there is one.
 *
 * @example
 * ```ts
 * const filter = speakerDocumentFilter(speakerMatcher(directory, 'Mr Zelensky'));
 * filter({ id: 'a', publisher: '', publishedAt: '', speakers: ['Zelenskiy'] }); // true
 * ```
 */
export function speakerDocumentFilter(
  isSpeaker: (speaker: string) => boolean,
  also?: (document: StoredDocument) => boolean,
): (document: StoredDocument) => boolean {
  return (document) => (!also || also(document)) && document.speakers.some(isSpeaker);
}

/**
 * Counts documents per person for the speaker facet: the forms counted over the hits are joined
 * as the directory joins them ({@link joinVariants}), and each person is listed once, under the
 * directory's name for them, with the number of documents quoting any of their forms. Only the
 * hits' own forms are joined, so a search never pays for building the whole directory.
 *
 * @example
 * ```ts
 * const counter = new PeopleCounter();
 * counter.add('a', ['Zelenskyy', 'Mr Zelensky']);
 * counter.add('b', ['Zelensky']);
 * counter.counts(); // Map { 'Zelenskyy' => 2 }
 * ```
 */
export class PeopleCounter {
  private readonly perForm = new Map<string, FormCount>();

  /** Counts one document's speaker forms. */
  add(documentId: string, speakers: readonly string[]): void {
    for (const speaker of speakers) {
      const entry = this.perForm.get(speaker) ?? { count: 0, documentIds: new Set<string>() };
      entry.count++;
      entry.documentIds.add(documentId);
      this.perForm.set(speaker, entry);
    }
  }

  /** Documents per person, by the name each person is listed under. */
  counts(): Map<string, number> {
    const people = new Map<string, number>();
    for (const group of joinVariants(this.perForm).values()) people.set(nameOf(group), group.documentIds.size);
    return people;
  }
}
