/**
 * The `speaker:` filter and the speaker facet, one entry per person: a name typed in the filter
 * matches every form the directory joined for that person ("speaker:Zelenskyy" finds "Mr Zelensky"
 * too), and the facet lists each person once, under the directory's name, counted per document.
 */
import type { StoredDocument } from '../search/segment.ts';
import { foldTerm } from '../text/tokenize.ts';
import { nameWords } from './fold-name.ts';
import { bestOfSurnames, byPreference, placementOf, type SpeakerDirectory } from './speaker-directory.ts';

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
 * as the directory joins them (`joinVariants`, with the same {@link placementOf} and
 * {@link bestOfSurnames}), and each person is listed once, under the directory's name for them,
 * with the number of documents quoting any of their forms. Only the hits' own forms are joined,
 * so a search never pays for building the whole directory.
 *
 * A common word's hits are most of the archive, so this is counted without a set per form or per
 * person (building and merging those sets was most of a search's facet time): forms are numbered
 * as they are first seen, each document is kept as its forms' numbers, and a person is counted
 * once per document by remembering the last document that counted them.
 *
 * @example
 * ```ts
 * const counter = new PeopleCounter();
 * counter.add(['Zelenskyy', 'Mr Zelensky']);
 * counter.add(['Zelensky']);
 * counter.counts(); // Map { 'Zelenskyy' => 2 }
 * ```
 */
export class PeopleCounter {
  private readonly numberOf = new Map<string, number>();
  private readonly forms: string[] = [];
  /** How many times each form was seen (the directory's count, which picks a person's name). */
  private readonly seen: number[] = [];
  /** Every document's forms, by number, each document closed by -1. */
  private readonly documents: number[] = [];

  /** Counts one document's speaker forms. */
  add(speakers: readonly string[]): void {
    for (const speaker of speakers) {
      let n = this.numberOf.get(speaker);
      if (n === undefined) {
        n = this.forms.length;
        this.numberOf.set(speaker, n);
        this.forms.push(speaker);
        this.seen.push(0);
      }
      this.seen[n]++;
      this.documents.push(n);
    }
    this.documents.push(-1);
  }

  /** Documents per person, by the name each person is listed under. */
  counts(): Map<string, number> {
    // Full names and non-names first, numbered as first seen (the order the directory keeps).
    const keys: string[] = [];
    const keyNumber = new Map<string, number>();
    const personOf = new Int32Array(this.forms.length).fill(-1);
    const bare: [form: number, surname: string][] = [];
    this.forms.forEach((form, n) => {
      const placed = placementOf(form);
      if (!('key' in placed)) return void bare.push([n, placed.surname]);
      let k = keyNumber.get(placed.key);
      if (k === undefined) keyNumber.set(placed.key, (k = keys.push(placed.key) - 1));
      personOf[n] = k;
    });
    const fullCounts = this.documentsPer(personOf, keys.length);
    const best = bestOfSurnames(keys.map((key, k) => [key, fullCounts[k]]));
    for (const [n, surname] of bare) {
      const key = best.get(surname) ?? surname;
      let k = keyNumber.get(key);
      if (k === undefined) keyNumber.set(key, (k = keys.push(key) - 1));
      personOf[n] = k;
    }
    const counts = this.documentsPer(personOf, keys.length);
    // Each person's name: their most seen form, as the directory's `nameOf` chooses it.
    const name: ([string, number] | undefined)[] = new Array(keys.length);
    this.forms.forEach((form, n) => {
      const k = personOf[n];
      const candidate: [string, number] = [form, this.seen[n]];
      if (name[k] === undefined || byPreference(candidate, name[k]) < 0) name[k] = candidate;
    });
    return new Map(name.map((held, k) => [held![0], counts[k]]));
  }

  /** Documents per person, for forms already placed (`personOf[form]`, -1 for one not yet). */
  private documentsPer(personOf: Int32Array, people: number): Int32Array {
    const counts = new Int32Array(people);
    const lastDocument = new Int32Array(people).fill(-1);
    let document = 0;
    for (const n of this.documents) {
      if (n < 0) {
        document++;
        continue;
      }
      const k = personOf[n];
      if (k < 0 || lastDocument[k] === document) continue;
      lastDocument[k] = document;
      counts[k]++;
    }
    return counts;
  }
}
