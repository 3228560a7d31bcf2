/**
 * Examples for the search help drawn from the archive itself: its most frequent publisher and
 * speaker, and a phrase from its newest document, so each example link finds something in the
 * archive the reader actually has.
 */
import type { SearchIndex, StoredDocument } from '../core/search/index.ts';
import type { Archive } from './archive.ts';
import { countFacets } from './search-archive.ts';

/** Documents looked at for the examples, newest segments first: the help must stay cheap on a big archive. */
export const MAX_EXAMPLE_DOCUMENTS = 5_000;
/** How much of a document's text is scanned for the phrase example: the first words are enough. */
export const MAX_PHRASE_SCAN_CHARS = 4_000;
/** Words in the phrase example: enough to be a phrase, few enough to read at a glance. */
export const PHRASE_WORDS = 3;

/** A publisher, a speaker and a phrase that occur in the archive (each absent when none does). */
export interface ArchiveExamples {
  publisher?: string;
  speaker?: string;
  phrase?: string;
}

function* liveDocuments(index: SearchIndex): Generator<StoredDocument> {
  let seen = 0;
  for (const segment of [...index.segments].reverse()) {
    for (let i = segment.documents.length - 1; i >= 0; i--) {
      if (segment.isDead(i)) continue;
      yield segment.documents[i];
      if (++seen >= MAX_EXAMPLE_DOCUMENTS) return;
    }
  }
}

// Words of letters only, one space apart, not glued to a hyphen, apostrophe or digit: the phrase
// query then asks for exactly these words in this order, and the text has them so.
const LETTERS = '\\p{L}{2,}';
const PHRASE = new RegExp(
  `(?<![\\p{L}\\p{N}'’-])${Array(PHRASE_WORDS).fill(LETTERS).join(' ')}(?![\\p{L}\\p{N}'’-])`,
  'u',
);

/**
 * The first run of {@link PHRASE_WORDS} plain words in `text`, if any.
 *
 * @example
 * ```ts
 * phraseIn('"We rebuilt the deck," said Ana.'); // 'We rebuilt the'
 * ```
 */
export function phraseIn(text: string): string | undefined {
  return PHRASE.exec(text.slice(0, MAX_PHRASE_SCAN_CHARS))?.[0];
}

// One document read per newest document, not per page view.
const phrases = new WeakMap<Archive, { id: string; phrase: Promise<string | undefined> }>();

async function phraseOf(archive: Archive, id: string): Promise<string | undefined> {
  const document = await archive.documents.get(id);
  if (!document) return undefined;
  // Quoted words first (they are what a reader searches for), then the text after its title line.
  const from = document.paragraphs[1]?.start ?? 0;
  return [...document.quotes.map((quote) => quote.text), document.text.slice(from)].map(phraseIn).find(Boolean);
}

function newestPhrase(archive: Archive, index: SearchIndex): Promise<string | undefined> {
  const newest = liveDocuments(index).next().value;
  if (!newest) return Promise.resolve(undefined);
  const cached = phrases.get(archive);
  if (cached && cached.id === newest.id) return cached.phrase;
  const phrase = phraseOf(archive, newest.id).catch(() => undefined);
  phrases.set(archive, { id: newest.id, phrase });
  return phrase;
}

/**
 * @example
 * ```ts
 * await archiveExamples(archive, await archive.index.current()); // { publisher: 'Wikinews', speaker: 'Donald Trump', phrase: 'the European Union' }
 * ```
 */
export async function archiveExamples(archive: Archive, index: SearchIndex): Promise<ArchiveExamples> {
  // The examples read the newest stored documents: a partly loaded index fetches its document tables.
  await index.loadDocuments();
  const facets = countFacets(liveDocuments(index));
  return {
    publisher: facets.publishers[0]?.value,
    speaker: facets.speakers[0]?.value,
    phrase: await newestPhrase(archive, index),
  };
}
