/**
 * The `speaker:` filter and the speaker facet, one entry per person: a name typed in the filter
 * matches every form the directory joined for that person ("speaker:Zelenskyy" finds "Mr Zelensky"
 * too), and the facet lists each person once, under the directory's name, counted per document.
 */
import type { StoredDocument } from '../search/segment.ts';
import { foldTerm } from '../text/tokenize.ts';
import { nameWords } from './fold-name.ts';
import {
  bestOfSurnames,
  byPreference,
  placementOf,
  type Placement,
  type SpeakerDirectory,
} from './speaker-directory.ts';

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
 * Documents per person for the speaker facet, given each document's speaker forms: the forms are
 * joined as the directory joins them (`joinVariants`, with the same {@link placementOf} and
 * {@link bestOfSurnames}), and each person is listed once, under the directory's name for them,
 * with the number of documents quoting any of their forms. Only these documents' forms are
 * joined, so a search never pays for building the whole directory.
 *
 * A common word's hits are most of the archive, so this is counted without a set or a map per
 * form or person (building and merging those was most of a search's facet time, and of what it
 * left to the garbage collector; only the surnames' and the answer's maps remain): every form and person has a record that outlives the search, stamped with
 * the count that last numbered it, each document is kept as its forms' numbers, and a person is
 * counted once per document by remembering the last document that counted them.
 *
 * @example
 * ```ts
 * countPeople([['Zelenskyy', 'Mr Zelensky'], ['Zelensky']]); // Map { 'Zelenskyy' => 2 }
 * ```
 */
export function countPeople(speakersOfDocuments: Iterable<readonly string[]>): Map<string, number> {
  // One count runs at a time (it never awaits), so one stamp tells this count's records apart.
  const now = ++lastCount;
  if (formRecords.size > MAX_RECORDS) formRecords.clear();
  if (personRecords.size > MAX_RECORDS) personRecords.clear();
  const forms: FormRecord[] = [];
  const documents: number[] = [];
  for (const speakers of speakersOfDocuments) {
    for (const speaker of speakers) {
      let form = formRecords.get(speaker);
      if (form === undefined) {
        form = { form: speaker, placed: placementOf(speaker), stamp: 0, n: 0, seen: 0 };
        formRecords.set(speaker, form);
      }
      if (form.stamp !== now) {
        form.stamp = now;
        form.n = forms.push(form) - 1;
        form.seen = 0;
      }
      form.seen++;
      documents.push(form.n);
    }
    documents.push(-1);
  }
  // Full names and non-names first, numbered as first seen (the order the directory keeps).
  const people: PersonRecord[] = [];
  const number = (key: string) => {
    let person = personRecords.get(key);
    if (person === undefined) personRecords.set(key, (person = { stamp: 0, n: 0 }));
    if (person.stamp !== now) {
      person.stamp = now;
      person.n = people.push(person) - 1;
    }
    return person.n;
  };
  const personOf = new Int32Array(forms.length).fill(-1);
  const surnames: (string | null)[] = [];
  for (const form of forms) {
    if (form.placed.key === null) continue;
    personOf[form.n] = number(form.placed.key);
    surnames[personOf[form.n]] = form.placed.surname;
  }
  const full = documentsPer(documents, personOf, people.length);
  const best = bestOfSurnames(
    people.map((_, k) => k),
    (k) => surnames[k],
    (k) => full[k],
  );
  for (const form of forms) {
    if (form.placed.key !== null) continue;
    personOf[form.n] = best.get(form.placed.surname!) ?? number(form.placed.surname!);
  }
  const counts = documentsPer(documents, personOf, people.length);
  // Each person's name: their most seen form, as the directory's `formsOf` puts it first.
  const name: FormRecord[] = new Array(people.length);
  for (const form of forms) {
    const k = personOf[form.n];
    if (name[k] === undefined || byPreference([form.form, form.seen], [name[k].form, name[k].seen]) < 0) name[k] = form;
  }
  return new Map(name.map((form, k) => [form.form, counts[k]]));
}

/** A speaker form, and its number and count in the count that last stamped it. */
interface FormRecord {
  form: string;
  placed: Placement;
  stamp: number;
  n: number;
  seen: number;
}

/** A person's key ("surname given", "=form" or a bare surname), numbered like a form. */
interface PersonRecord {
  stamp: number;
  n: number;
}

/** Records kept across counts: the forms and people of a few archives' worth of speakers. */
const MAX_RECORDS = 100_000;
const formRecords = new Map<string, FormRecord>();
const personRecords = new Map<string, PersonRecord>();
let lastCount = 0;

/** Documents per person, for forms already placed (`personOf[form]`, -1 for one not yet). */
function documentsPer(documents: readonly number[], personOf: Int32Array, people: number): Int32Array {
  const counts = new Int32Array(people);
  const lastDocument = new Int32Array(people).fill(-1);
  let document = 0;
  for (const n of documents) {
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
