/**
 * The phrase check. The index is a bag of words: it finds the documents holding every word of a
 * "quoted phrase", and only their text can say whether the words occur in that order. Candidates
 * are checked best first, only as far as the page needs, since each check costs a document load.
 */
import type { ArchivedDocument } from '../document.ts';
import { findPhrase } from './match-words.ts';
import { tokensOf } from '../text/tokens-of.ts';
import type { Hits } from './search-segments.ts';
import type { StoredDocument } from './segment.ts';

/**
 * Phrase candidates are verified against their text best first, this many at a time at least, until
 * the requested page is full: each one costs a document load, and an archive of copies can have
 * thousands that contain every word.
 */
const PHRASE_BATCH = 20;
/**
 * At most this many candidates are verified (beyond the page offset): a phrase whose words are all
 * common can have thousands of candidates and few true matches, and each check is a document load.
 */
export const MAX_VERIFIED = 200;

/** What the phrase check found. */
export interface PhraseCheck {
  /** Hits whose text has every phrase, best first, at least as far as the page reaches if there are that many. */
  ranked: number[];
  /** The hits to count as matches (total and facets): see {@link checkPhrases}. */
  counted: StoredDocument[];
  /** False when candidates were left unchecked, so `counted` is an estimate. */
  exact: boolean;
}

/** Whether a document's text has each phrase, its words in that order. */
export function hasPhrases(document: ArchivedDocument, phrases: string[][]): boolean {
  const tokens = tokensOf(document);
  return phrases.every((phrase) => findPhrase(tokens, phrase).length > 0);
}

/**
 * Checks the best of `hits` against their text until `wanted` (offset + limit) pass or
 * {@link MAX_VERIFIED} beyond the offset have been checked. A full page leaves candidates
 * unchecked: they are counted as possible matches (an upper bound). A page the checks could not
 * fill means the phrase is rare among them: only what was found is counted.
 *
 * @example
 * ```ts
 * const check = await checkPhrases(hits, [['strong', 'protest']], { offset: 0, limit: 10 }, (ids) => documents.getMany(ids));
 * check.ranked.map((hit) => hits.document(hit).id);
 * ```
 */
export async function checkPhrases(
  hits: Hits,
  phrases: string[][],
  page: { offset: number; limit: number },
  load: (ids: string[]) => Promise<Map<string, ArchivedDocument>>,
): Promise<PhraseCheck> {
  const wanted = page.offset + page.limit;
  const candidates = hits.top(Math.min(hits.total, page.offset + MAX_VERIFIED));
  const rejected = new Set<number>();
  const ranked: number[] = [];
  let checked = 0;
  while (checked < candidates.length && ranked.length < wanted) {
    const batch = candidates.slice(checked, checked + Math.max(PHRASE_BATCH, 2 * (wanted - ranked.length)));
    const documents = await load(batch.map((hit) => hits.document(hit).id));
    for (const hit of batch) {
      const document = documents.get(hits.document(hit).id);
      // A document that cannot be read (deleted meanwhile) cannot be shown either.
      if (document && hasPhrases(document, phrases)) ranked.push(hit);
      else rejected.add(hit);
    }
    checked += batch.length;
  }
  const counted = ranked.length >= wanted ? allHits(hits).filter((hit) => !rejected.has(hit)) : ranked;
  return { ranked, counted: counted.map((hit) => hits.document(hit)), exact: checked === hits.total };
}

function allHits(hits: Hits): number[] {
  return Array.from({ length: hits.total }, (_, hit) => hit);
}
