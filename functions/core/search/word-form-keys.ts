/**
 * Locating a query word's keys in the segments: the word itself and its other forms, in every
 * field at once. A word's keys in the three fields are neighbours in a segment's sorted vocabulary
 * (`word\u00010`, `word\u00011`, …), and so are its forms' (they share the stem's first letters), so
 * one binary search and one scan per segment serve all fields — planning a keyword query used to
 * cost one search per field and key, and one scan per field building two strings per key read.
 */
import { FIELD_COUNT, FIELDS, termKey, type Segment } from './segment.ts';
import { hasStem, type WordForms } from './word-stems.ts';

/** A word's forms are looked for among at most this many keys per segment that share its stem's start. */
export const MAX_FORM_SCAN = 4096;

/** A key found in the segments: its index in each (-1 where absent) and how many documents have it. */
export interface LocatedKey {
  terms: Int32Array;
  frequency: number;
}

/** Separates a key's word from its field digit (see `segment.ts`). */
const FIELD_MARK = '\u0001';

/** Keys by field number, each a map from key to where it is. */
export type KeysByField = Array<Map<string, LocatedKey>>;

function record(found: Map<string, LocatedKey>, key: string, segments: Segment[], s: number, term: number): void {
  let located = found.get(key);
  if (!located) found.set(key, (located = { terms: new Int32Array(segments.length).fill(-1), frequency: 0 }));
  if (located.terms[s] >= 0) return;
  located.terms[s] = term;
  located.frequency += segments[s].frequency(term);
}

/**
 * The keys of exactly `word`, per field number (absent fields have none).
 *
 * @example
 * ```ts
 * exactKeys(segments, 'budget')[1]?.frequency; // documents with "budget" in the text
 * ```
 */
export function exactKeys(segments: Segment[], word: string): Array<LocatedKey | null> {
  const byField: Array<LocatedKey | null> = FIELDS.map(() => null);
  const stem = word + FIELD_MARK;
  segments.forEach((segment, s) => {
    const { vocabulary, termStarts } = segment;
    // Key `word\u0001f` is the stem plus one digit: three keys at most, in field order.
    for (let term = segment.lowerBound(stem); term < segment.termCount; term++) {
      const start = termStarts[term];
      if (termStarts[term + 1] - start !== stem.length + 1 || !vocabulary.startsWith(stem, start)) break;
      const field = vocabulary.charCodeAt(start + stem.length) - 48;
      const located = (byField[field] ??= { terms: new Int32Array(segments.length).fill(-1), frequency: 0 });
      located.terms[s] = term;
      located.frequency += segment.frequency(term);
    }
  });
  return byField;
}

/**
 * Records the keys of segment `s` that start with `prefix` and have stem `stem` (`word` itself
 * left out); true when the scan stopped at {@link MAX_FORM_SCAN} with such keys left.
 */
function scanForms(
  segments: Segment[],
  s: number,
  prefix: string,
  stem: string,
  word: string,
  byField: KeysByField,
): boolean {
  const segment = segments[s];
  const { vocabulary, termStarts, stemCodes } = segment;
  const from = segment.lowerBound(prefix);
  const end = Math.min(segment.termCount, from + MAX_FORM_SCAN);
  let term = from;
  for (; term < end; term++) {
    const start = termStarts[term];
    if (!vocabulary.startsWith(prefix, start)) break;
    const keyEnd = termStarts[term + 1];
    const length = keyEnd - start - 2;
    if (!hasStem(vocabulary, start, length, stemCodes[term], stem)) continue;
    if (length === word.length && vocabulary.startsWith(word, start)) continue;
    const field = vocabulary.charCodeAt(keyEnd - 1) - 48;
    record(byField[field], vocabulary.slice(start, keyEnd), segments, s, term);
  }
  return term === end && end < segment.termCount && segment.key(end).startsWith(prefix);
}

/**
 * The keys of the other forms of a word (same stem, the word itself excluded), per field number,
 * in scan order: regular forms from the vocabulary's stem codes, irregular ones by name.
 *
 * @example
 * ```ts
 * [...formKeys(segments, formsOf('embassies'))[1].keys()]; // ['embassy\u00011']
 * ```
 */
export function formKeys(segments: Segment[], forms: WordForms): KeysByField {
  const byField: KeysByField = FIELDS.map(() => new Map());
  const { word } = forms;
  // Segments whose scan hit the cap: a form found elsewhere may lie past it here.
  const truncated: number[] = [];
  const stems = forms.regular ? [forms, forms.regular] : [forms];
  segments.forEach((segment, s) => {
    for (const { prefix, stem } of stems) {
      if (scanForms(segments, s, prefix, stem, word, byField)) truncated.push(s);
    }
    for (const form of forms.irregular) {
      for (let field = 0; field < FIELD_COUNT; field++) {
        const key = termKey(FIELDS[field], form);
        const found = segment.find(key);
        if (found >= 0) record(byField[field], key, segments, s, found);
      }
    }
  });
  for (const s of truncated) {
    for (const found of byField) {
      for (const [key, located] of found) {
        const term = located.terms[s] >= 0 ? -1 : segments[s].find(key);
        if (term >= 0) record(found, key, segments, s, term);
      }
    }
  }
  return byField;
}

/**
 * Keys of words longer than `prefix` that start with it, with their total frequency, per field
 * number: one scan per segment for every field, building a string only for a key that matches.
 *
 * @example
 * ```ts
 * [...keysWithPrefix(segments, 'gove')[1].keys()]; // ['government\u00011', 'governor\u00011', …]
 * ```
 */
export function keysWithPrefix(segments: Segment[], prefix: string): Array<Map<string, number>> {
  const byField: Array<Map<string, number>> = FIELDS.map(() => new Map());
  for (const segment of segments) {
    const { vocabulary, termStarts } = segment;
    for (let term = segment.lowerBound(prefix); term < segment.termCount; term++) {
      const start = termStarts[term];
      if (!vocabulary.startsWith(prefix, start)) break;
      const keyEnd = termStarts[term + 1];
      if (keyEnd - start - 2 <= prefix.length) continue;
      const found = byField[vocabulary.charCodeAt(keyEnd - 1) - 48];
      const key = vocabulary.slice(start, keyEnd);
      found.set(key, (found.get(key) ?? 0) + segment.frequency(term));
    }
  }
  return byField;
}
