/**
 * Sentence boundaries in linear time. `Intl.Segmenter` over one long string is quadratic (a
 * 200 KB paragraph takes 0.33 s, 400 KB 1.3 s), and a plain-text upload with no blank lines is one
 * paragraph however long it is. So the segmenter only ever sees a bounded chunk: each chunk's last
 * sentence may run on past the cut, so it is dropped and the next chunk starts where it started.
 * For ordinary text the sentences are exactly the segmenter's; only a single sentence longer than a
 * chunk is cut, at a space. A break the segmenter makes after a title ("Mr. | Potter") is re-joined
 * (see title-abbreviations.ts), which costs one bounded look-back per sentence.
 */
import { closesTitle } from './title-abbreviations.ts';

/** The longest stretch handed to `Intl.Segmenter` at once (its cost per character is flat up to here). */
export const SENTENCE_CHUNK_CHARS = 4_000;

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Where to cut a sentence longer than a chunk: the last space in its second half, else the chunk end. */
function cutPoint(text: string, from: number, to: number): number {
  const space = text.lastIndexOf(' ', to - 1);
  if (space > from + (to - from) / 2) return space + 1;
  // Never between the two halves of a surrogate pair.
  const code = text.charCodeAt(to - 1);
  return code >= 0xd800 && code <= 0xdbff ? to - 1 : to;
}

/** The last non-space character before `index` (the segmenter keeps a sentence's trailing spaces). */
function lastNonSpace(chunk: string, index: number): number {
  let i = index - 1;
  while (i > 0 && /\s/.test(chunk[i])) i--;
  return i;
}

/**
 * Where the segmenter's sentences of `chunk` start, less the starts that follow a title: "Mr. " then
 * a capital is a name, not a new sentence.
 */
function sentenceStarts(chunk: string): number[] {
  const starts: number[] = [];
  for (const { index } of segmenter.segment(chunk)) {
    if (index > 0 && /\p{Lu}/u.test(chunk[index] ?? '') && closesTitle(chunk, lastNonSpace(chunk, index))) continue;
    starts.push(index);
  }
  return starts;
}

/**
 * The sentences of `text.slice(start, end)` as `[start, end]` offsets into `text`, whitespace
 * trimmed on both sides, in order. Lazy: a caller that stops early pays only for what it read.
 *
 * @example
 * ```ts
 * [...sentenceSpans('One here. Two there.', 0, 20)]; // [[0, 9], [10, 20]]
 * ```
 */
export function* sentenceSpans(text: string, start: number, end: number): Generator<[number, number]> {
  let pos = start;
  while (pos < end) {
    const chunkEnd = Math.min(end, pos + SENTENCE_CHUNK_CHARS);
    const starts = sentenceStarts(text.slice(pos, chunkEnd));
    let next = chunkEnd;
    let count = starts.length;
    if (chunkEnd < end) {
      if (starts.length > 1) {
        count -= 1;
        next = pos + starts[count];
      } else {
        next = cutPoint(text, pos, chunkEnd);
      }
    }
    for (let i = 0; i < count; i++) {
      const from = pos + starts[i];
      const to = i + 1 < count ? pos + starts[i + 1] : next;
      const segment = text.slice(from, to);
      const s = from + (segment.length - segment.trimStart().length);
      const e = from + segment.trimEnd().length;
      if (e > s) yield [s, e];
    }
    pos = next;
  }
}
