/**
 * The speaker directory: one entry per person (and per publisher) across the archive, with the
 * forms a person appears under joined ("Zelenskyy", "Mr Zelensky", "President Volodymyr
 * Zelenskyy"), searchable fuzzily and by prefix while typing. MiniSearch is the right tool for a
 * few thousand short names; the full-text index stays our own segments (see the README).
 */
import MiniSearch from 'minisearch';
import type { StoredDocument } from '../search/segment.ts';
import { nameWords } from './fold-name.ts';

/** One person or publisher: the most frequent form as its name, how many documents name it. */
export interface DirectoryEntry {
  name: string;
  count: number;
}

/** A person with every form they appear under and the documents that quote them. */
export interface Person extends DirectoryEntry {
  variants: string[];
  documentIds: string[];
}

/** Suggestions list at most this many of each kind. */
export const MAX_SUGGESTIONS = 8;

/** The forms of one person: how often each occurs, and the documents that quote any of them. */
export interface Group {
  forms: Map<string, number>;
  documentIds: Set<string>;
}

/** A form's count and the documents it occurs in, the input {@link joinVariants} groups. */
export interface FormCount {
  count: number;
  documentIds: Set<string>;
}

/**
 * A group's forms, the name it is listed under first: the most frequent form, then the longest.
 *
 * @example
 * ```ts
 * formsOf({ forms: new Map([['Zelensky', 1], ['Zelenskyy', 3]]), documentIds: new Set() }); // ['Zelenskyy', 'Zelensky']
 * ```
 */
export function formsOf(group: Group): string[] {
  return [...group.forms].sort(byPreference).map(([form]) => form);
}

/** The most frequent form first, then the longest, then alphabetically. */
export const byPreference = (a: [string, number], b: [string, number]) =>
  b[1] - a[1] || b[0].length - a[0].length || a[0].localeCompare(b[0]);

/**
 * @example
 * ```ts
 * const directory = SpeakerDirectory.build(documents);
 * directory.suggest('zelen').speakers; // [{ name: 'Zelenskyy', count: 3 }]
 * ```
 */
export class SpeakerDirectory {
  private readonly byKey = new Map<string, Person>();
  private readonly keyOfForm = new Map<string, string>();
  /** Keys by their first word (the folded surname), for names typed in a form never seen. */
  private readonly keysOfSurname = new Map<string, string[]>();
  private readonly publishers: DirectoryEntry[];
  private readonly speakerSearch = newSearch();
  private readonly publisherSearch = newSearch();

  private constructor(groups: Map<string, Group>, publishers: Map<string, number>) {
    for (const [key, group] of groups) {
      const variants = formsOf(group);
      const person = {
        name: variants[0],
        count: group.documentIds.size,
        variants,
        documentIds: [...group.documentIds],
      };
      this.byKey.set(key, person);
      for (const form of person.variants) this.keyOfForm.set(form, key);
      const surname = key.split(' ')[0];
      this.keysOfSurname.set(surname, [...(this.keysOfSurname.get(surname) ?? []), key]);
    }
    this.speakerSearch.addAll(
      [...this.byKey].map(([key, p]) => ({ id: key, name: p.variants.join(' '), count: p.count, display: p.name })),
    );
    this.publishers = [...publishers].map(([name, count]) => ({ name, count }));
    this.publisherSearch.addAll(
      this.publishers.map((p) => ({ id: p.name, name: p.name, count: p.count, display: p.name })),
    );
  }

  /** Builds the directory from the documents the index stores (no document loads). */
  static build(documents: Iterable<StoredDocument>): SpeakerDirectory {
    const perName = new Map<string, FormCount>();
    const publishers = new Map<string, number>();
    for (const document of documents) {
      if (document.publisher) publishers.set(document.publisher, (publishers.get(document.publisher) ?? 0) + 1);
      for (const speaker of document.speakers) {
        const entry = perName.get(speaker) ?? { count: 0, documentIds: new Set<string>() };
        entry.count++;
        entry.documentIds.add(document.id);
        perName.set(speaker, entry);
      }
    }
    return new SpeakerDirectory(joinVariants(perName), publishers);
  }

  /** The person a name (any of its forms, or a form never seen but folding the same) belongs to. */
  person(name: string): Person | undefined {
    const key = this.keyOfForm.get(name) ?? this.lookupKey(name);
    return key === undefined ? undefined : this.byKey.get(key);
  }

  /** The name a speaker form is listed under (itself when the directory does not know it). */
  canonical(name: string): string {
    return this.person(name)?.name ?? name;
  }

  /** Speakers and publishers whose names start like, or nearly match, what was typed. */
  suggest(q: string): { speakers: DirectoryEntry[]; publishers: DirectoryEntry[] } {
    return { speakers: top(this.speakerSearch, q), publishers: top(this.publisherSearch, q) };
  }

  private lookupKey(name: string): string | undefined {
    const words = nameWords(name);
    if (words.length === 0) return undefined;
    const surname = words[words.length - 1];
    const candidates = this.keysOfSurname.get(surname) ?? [];
    const given = words.length > 1 ? words[0] : null;
    return (
      candidates.find((key) => given !== null && key.split(' ')[1] === given) ??
      (candidates.length === 1 || !given ? candidates[0] : undefined)
    );
  }
}

function newSearch(): MiniSearch<{ id: string; name: string; count: number; display: string }> {
  return new MiniSearch({
    fields: ['name'],
    storeFields: ['count', 'display'],
    searchOptions: { prefix: true, fuzzy: 0.2 },
  });
}

function top(search: ReturnType<typeof newSearch>, q: string): DirectoryEntry[] {
  const results = search.search(q, { prefix: true, fuzzy: 0.2, combineWith: 'AND' });
  const entries = results
    .slice(0, MAX_SUGGESTIONS * 4)
    .map((r) => ({ name: r.display as string, count: r.count as number, score: r.score }));
  // Best match first; among near-equal matches the more quoted person.
  entries.sort((a, b) => b.score - a.score || b.count - a.count);
  return entries.slice(0, MAX_SUGGESTIONS).map(({ name, count }) => ({ name, count }));
}

/**
 * Where a form is placed before forms are joined: a name with a given name and a surname under its
 * key "surname given", a form that is no name at all under its own key ("=the ministry"), and a
 * bare surname ("Zelensky", "Mr Zelensky") with no key, left to join a person of that surname.
 */
export interface Placement {
  key: string | null;
  /** The folded surname, for a full name or a bare surname; null for a form that is no name. */
  surname: string | null;
}

/**
 * Where a form is placed ({@link Placement}).
 *
 * @example
 * ```ts
 * placementOf('President Volodymyr Zelenskyy'); // { key: 'zelensky volodymyr', surname: 'zelensky' }
 * placementOf('Mr Zelensky'); // { key: null, surname: 'zelensky' }
 * ```
 *
 * Remembered per form (the same speakers recur in every facet count), cleared when
 * MAX_PLACED_FORMS are held: the placements returned are shared, so never change one.
 */
export function placementOf(form: string): Placement {
  let placed = placements.get(form);
  if (placed) return placed;
  const words = nameWords(form);
  if (words.length === 0) placed = { key: `=${form}`, surname: null };
  else if (words.length === 1) placed = { key: null, surname: words[0] };
  else placed = { key: `${words[words.length - 1]} ${words[0]}`, surname: words[words.length - 1] };
  if (placements.size >= MAX_PLACED_FORMS) placements.clear();
  placements.set(form, placed);
  return placed;
}

const MAX_PLACED_FORMS = 50_000;
const placements = new Map<string, Placement>();

/**
 * The person each bare surname joins: of the full names with that surname (`items`, each with its
 * surname, null for a form that is no name, and its number of documents), the one quoted in the
 * most documents, the first among equals. Found in one pass: scanning every group for every bare
 * surname was quadratic in the number of names (4 s for the corpora's 4,068 forms, on a loaded
 * machine; test/bench/measure-speaker-directory.ts).
 */
export function bestOfSurnames<T>(
  items: readonly T[],
  surnameOf: (item: T) => string | null,
  documentsOf: (item: T, at: number) => number,
): Map<string, T> {
  const best = new Map<string, T>();
  const most = new Map<string, number>();
  items.forEach((item, at) => {
    const surname = surnameOf(item);
    if (surname === null) return;
    const documents = documentsOf(item, at);
    if (documents > (most.get(surname) ?? -1)) {
      best.set(surname, item);
      most.set(surname, documents);
    }
  });
  return best;
}

/**
 * Joins the forms of one person: forms sharing a folded surname and given name are one person;
 * a surname alone ("Zelensky", "Mr Zelensky") joins the most quoted person of that surname
 * ({@link placementOf}, {@link bestOfSurnames}). Keys are "surname given" (or "surname" alone when
 * no form of it has a given name). A group of one form shares that form's `documentIds` set with
 * the input: mutate neither afterwards.
 */
export function joinVariants(perName: Map<string, FormCount>): Map<string, Group> {
  const groups = new Map<string, Group>();
  const bare: [string, FormCount, string][] = [];
  // Most people appear under one form: their group shares that form's document set, and only a
  // group that a second form joins gets a set of its own (copying every set was most of a
  // search's speaker facet).
  const shared = new Set<Group>();
  const add = (key: string, form: string, entry: FormCount) => {
    let group = groups.get(key);
    if (!group) {
      group = { forms: new Map([[form, entry.count]]), documentIds: entry.documentIds };
      shared.add(group);
      groups.set(key, group);
      return;
    }
    group.forms.set(form, (group.forms.get(form) ?? 0) + entry.count);
    if (shared.delete(group)) group.documentIds = new Set(group.documentIds);
    for (const id of entry.documentIds) group.documentIds.add(id);
  };
  const surnameOfKey = new Map<string, string | null>();
  for (const [form, entry] of perName) {
    const placed = placementOf(form);
    if (placed.key === null) bare.push([form, entry, placed.surname!]);
    else {
      add(placed.key, form, entry);
      surnameOfKey.set(placed.key, placed.surname);
    }
  }
  const best = bestOfSurnames(
    [...groups],
    ([key]) => surnameOfKey.get(key) ?? null,
    ([, group]) => group.documentIds.size,
  );
  for (const [form, entry, surname] of bare) add(best.get(surname)?.[0] ?? surname, form, entry);
  return groups;
}
