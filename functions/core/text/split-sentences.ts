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

/** Whether the segmenter's break at `index` follows a title: "Mr. " then a capital is a name, not a new sentence. */
function isTitleBreak(chunk: string, index: number): boolean {
  return index > 0 && /\p{Lu}/u.test(chunk[index] ?? '') && closesTitle(chunk, lastNonSpace(chunk, index));
}

/** Where the segmenter's sentences of `chunk` start, less the starts that follow a title. */
function sentenceStarts(chunk: string): number[] {
  const starts: number[] = [];
  for (const { index } of segmenter.segment(chunk)) {
    if (!isTitleBreak(chunk, index)) starts.push(index);
  }
  return starts;
}

/** `[from, to)` of `text` with the whitespace on both sides trimmed, as offsets into `text`. */
function trimmed(text: string, from: number, to: number): [number, number] {
  const segment = text.slice(from, to);
  return [from + (segment.length - segment.trimStart().length), from + segment.trimEnd().length];
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
      const [s, e] = trimmed(text, pos + starts[i], i + 1 < count ? pos + starts[i + 1] : next);
      if (e > s) yield [s, e];
    }
    pos = next;
  }
}

/**
 * The sentence around one offset, for a stretch of at most {@link SENTENCE_CHUNK_CHARS} (one
 * chunk, so its sentences are exactly those {@link sentenceSpans} gives). Passages need only the
 * sentences that hold a match: asking the segmenter for the sentence containing an offset costs
 * about a fifth of segmenting a whole paragraph (8 µs against 37 µs for 1,600 characters).
 *
 * @example
 * ```ts
 * const around = sentenceFinder('One here. Two there.', 0, 20);
 * around(12); // [10, 20]
 * ```
 */
export function sentenceFinder(text: string, start: number, end: number): (at: number) => [number, number] {
  if (end - start > SENTENCE_CHUNK_CHARS)
    throw new RangeError(`A stretch of ${end - start} characters is over a chunk.`);
  const chunk = text.slice(start, end);
  const segments = segmenter.segment(chunk);
  return (at) => {
    let segment = segments.containing(at - start)!;
    let from = segment.index;
    // A break after a title is no break: join the segments on both sides of it.
    while (isTitleBreak(chunk, from)) from = segments.containing(from - 1)!.index;
    let to = segment.index + segment.segment.length;
    while (to < chunk.length && isTitleBreak(chunk, to)) {
      segment = segments.containing(to)!;
      to = segment.index + segment.segment.length;
    }
    return trimmed(text, start + from, start + to);
  };
}
