/**
 * Writing segments: from documents (tokenising their fields), or from other segments (merging
 * their postings, leaving deleted documents out). Merging never re-reads or re-tokenises a
 * document, so compacting shards costs a pass over postings, not over text.
 */
import { foldTerm, WORD } from '../text/tokenize.ts';
import {
  FIELD_COUNT,
  FIELDS,
  MAX_SEGMENT_DOCUMENTS,
  Segment,
  termKey,
  wordOf,
  type StoredDocument,
} from './segment.ts';
import { stemCode } from './word-stems.ts';
import { PositionReader, pushPositions } from './positions.ts';
import { StoredBlocks } from './segment-stored.ts';
import { storedJson, storedTextOf, type StoredText } from './stored-text.ts';
import { WordsFingerprint } from './words-fingerprint.ts';

/** A document as the index sees it: the searchable text of each field and what is stored. */
export interface IndexableDocument extends StoredDocument {
  title: string;
  text: string;
  /**
   * What its result card shows (see `stored-text.ts`; the title is always `title`). Without it
   * the stored text is `text` as one paragraph, with no quotes.
   */
  stored?: Omit<StoredText, 'title'>;
}

/** The stored JSON of a document, as its block in the shard holds it. */
function storedBytesOf(document: IndexableDocument): Uint8Array {
  const { title, text } = document;
  const stored =
    document.stored ?? storedTextOf({ title, text, paragraphs: [{ start: 0, end: text.length }], quotes: [] });
  return new TextEncoder().encode(storedJson({ ...stored, title }));
}

const MAX_COUNT = 255;
const TEXT_FIELD = FIELDS.indexOf('text');
const MAX_LENGTH = 65_535;

/** A key's postings: (document number, count) pairs, flattened, and their positions' bytes (see `positions.ts`). */
interface KeyPostings {
  pairs: number[];
  positions: number[];
}
type PostingMap = Map<string, KeyPostings>;

function postingsFor(postings: PostingMap, key: string): KeyPostings {
  let list = postings.get(key);
  if (!list) postings.set(key, (list = { pairs: [], positions: [] }));
  return list;
}

function addField(
  postings: PostingMap,
  field: number,
  text: string,
  document: number,
  print?: WordsFingerprint,
): number {
  const where = new Map<string, number[]>();
  const suffix = termKey(FIELDS[field], '');
  let length = 0;
  for (const match of text.matchAll(WORD)) {
    const folded = foldTerm(match[0]);
    print?.add(folded);
    const key = folded + suffix;
    const positions = where.get(key);
    if (positions) positions.push(length);
    else where.set(key, [length]);
    length++;
  }
  for (const [key, positions] of where) {
    const list = postingsFor(postings, key);
    list.pairs.push(document, positions.length);
    pushPositions(list.positions, positions);
  }
  return length;
}

/** A key's stem code: carried over from the segments being merged, or computed once per word. */
type StemCodeOf = (key: string) => number;

function computedStemCodes(): StemCodeOf {
  const byWord = new Map<string, number>();
  return (key) => {
    const word = wordOf(key);
    let code = byWord.get(word);
    if (code === undefined) byWord.set(word, (code = stemCode(word)));
    return code;
  };
}

function toSegment(
  documents: StoredDocument[],
  postings: PostingMap,
  fieldLengths: Uint16Array,
  codeOf: StemCodeOf,
  stored: StoredBlocks,
): Segment {
  if (documents.length > MAX_SEGMENT_DOCUMENTS)
    throw new RangeError(`A segment holds at most ${MAX_SEGMENT_DOCUMENTS} documents, not ${documents.length}.`);
  const keys = [...postings.keys()].sort();
  const termStarts = new Uint32Array(keys.length + 1);
  const postingStarts = new Uint32Array(keys.length + 1);
  const stemCodes = Uint8Array.from(keys, codeOf);
  let total = 0;
  let offset = 0;
  keys.forEach((key, i) => {
    termStarts[i] = offset;
    postingStarts[i] = total;
    offset += key.length;
    total += postings.get(key)!.pairs.length / 2;
  });
  termStarts[keys.length] = offset;
  postingStarts[keys.length] = total;
  const postingDocuments = new Uint16Array(total);
  const postingCounts = new Uint8Array(total);
  const positionStarts = new Uint32Array(keys.length + 1);
  const positions = new Uint8Array(keys.reduce((sum, key) => sum + postings.get(key)!.positions.length, 0));
  let at = 0;
  let byte = 0;
  keys.forEach((key, k) => {
    const list = postings.get(key)!;
    for (let i = 0; i < list.pairs.length; i += 2) {
      postingDocuments[at] = list.pairs[i];
      postingCounts[at] = Math.min(list.pairs[i + 1], MAX_COUNT);
      at++;
    }
    positionStarts[k] = byte;
    positions.set(list.positions, byte);
    byte += list.positions.length;
  });
  positionStarts[keys.length] = byte;
  return new Segment({
    documents,
    vocabulary: keys.join(''),
    termStarts,
    postingStarts,
    stemCodes,
    postingDocuments,
    postingCounts,
    fieldLengths,
    positionStarts,
    positions,
    stored,
  });
}

/**
 * @example
 * ```ts
 * const segment = buildSegment([{ id: 'a1', title: 'Budget day', text: 'The budget was…', speakers: ['Ana Ruiz'], publisher: 'BBC', publishedAt: '2020-03-11' }]);
 * segment.documents.length; // 1
 * ```
 */
export function buildSegment(documents: IndexableDocument[]): Segment {
  const postings: PostingMap = new Map();
  const fieldLengths = new Uint16Array(documents.length * FIELD_COUNT);
  const stored: StoredDocument[] = [];
  documents.forEach((document, number) => {
    const fields = [`${document.title}\n${document.publisher}`, document.text, document.speakers.join('\n')];
    // Only the text's words make the fingerprint: a copy under another title is still a copy.
    const print = new WordsFingerprint();
    fields.forEach((text, field) => {
      const length = addField(postings, field, text, number, field === TEXT_FIELD ? print : undefined);
      fieldLengths[number * FIELD_COUNT + field] = Math.min(length, MAX_LENGTH);
    });
    const { id, publisher, publishedAt, speakers } = document;
    stored.push({ id, publisher, publishedAt, speakers, wordsPrint: print.value() });
  });
  return toSegment(
    stored,
    postings,
    fieldLengths,
    computedStemCodes(),
    StoredBlocks.build(documents.map(storedBytesOf)),
  );
}

/**
 * One segment holding the live documents of `segments`, in order; deleted documents are left out,
 * and so are those `keep` refuses.
 *
 * @example
 * ```ts
 * const shard = mergeSegments([openShard, ...newSegments]);
 * ```
 */
export function mergeSegments(
  segments: Segment[],
  keep: (segment: Segment, document: number) => boolean = () => true,
): Segment {
  // New document numbers: live documents, segment after segment; -1 for the dead.
  const renumber: Int32Array[] = [];
  const documents: StoredDocument[] = [];
  const lengths: number[] = [];
  // Stored texts are copied as their JSON bytes: merging parses no text either.
  const storedBytes: Uint8Array[] = [];
  for (const segment of segments) {
    const map = new Int32Array(segment.documents.length).fill(-1);
    segment.documents.forEach((document, old) => {
      if (segment.isDead(old) || !keep(segment, old)) return;
      map[old] = documents.length;
      documents.push(document);
      storedBytes.push(segment.stored.json(old));
      for (let f = 0; f < FIELD_COUNT; f++) lengths.push(segment.fieldLengths[old * FIELD_COUNT + f]);
    });
    renumber.push(map);
  }
  const postings: PostingMap = new Map();
  // Stem codes travel with their keys: merging re-stems nothing, as it re-reads no text.
  const codes = new Map<string, number>();
  segments.forEach((segment, s) => {
    const map = renumber[s];
    const { postingDocuments, postingCounts, positions } = segment;
    if (!postingDocuments || !postingCounts || !positions)
      throw new Error('Only a fully loaded segment can be merged.');
    for (let term = 0; term < segment.termCount; term++) {
      const from = segment.postingStarts[term];
      const to = segment.postingStarts[term + 1];
      // Positions are copied byte for byte, posting by posting: renumbering documents leaves them as they are.
      const reader = new PositionReader(
        positions.subarray(segment.positionStarts[term], segment.positionStarts[term + 1]),
      );
      const bytes = positions.subarray(segment.positionStarts[term]);
      let list: KeyPostings | undefined;
      for (let p = from; p < to; p++) {
        const start = reader.offset;
        reader.skip();
        const document = map[postingDocuments[p]];
        if (document < 0) continue;
        if (!list) {
          const key = segment.key(term);
          list = postingsFor(postings, key);
          codes.set(key, segment.stemCodes[term]);
        }
        list.pairs.push(document, postingCounts[p]);
        for (let b = start; b < reader.offset; b++) list.positions.push(bytes[b]);
      }
    }
  });
  return toSegment(
    documents,
    postings,
    Uint16Array.from(lengths),
    (key) => codes.get(key)!,
    StoredBlocks.build(storedBytes),
  );
}

/**
 * The live documents of a segment in pieces of at most `size`, in order.
 *
 * @example
 * ```ts
 * splitSegment(tail, 10_000).map((piece) => piece.liveCount); // [10000, 10000, 3120]
 * ```
 */
export function splitSegment(segment: Segment, size: number): Segment[] {
  const live: number[] = [];
  for (let document = 0; document < segment.documents.length; document++)
    if (!segment.isDead(document)) live.push(document);
  const pieces: Segment[] = [];
  for (let from = 0; from < live.length; from += size) {
    const first = live[from];
    const last = live[Math.min(from + size, live.length) - 1];
    pieces.push(mergeSegments([segment], (_, document) => document >= first && document <= last));
  }
  return pieces;
}
