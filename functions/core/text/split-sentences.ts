/**
 * Sentence boundaries in linear time. `Intl.Segmenter` over one long string is quadratic (a
 * 200 KB paragraph takes 0.33 s, 400 KB 1.3 s), and a plain-text upload with no blank lines is one
 * paragraph however long it is. So the segmenter only ever sees a bounded chunk: each chunk's last
 * sentence may run on past the cut, so it is dropped and the next chunk starts where it started.
 * For ordinary text the sentences are exactly the segmenter's; only a single sentence longer than a
 * chunk is cut, at a space.
 */

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
    const pieces = [...segmenter.segment(text.slice(pos, chunkEnd))];
    let next = chunkEnd;
    let count = pieces.length;
    if (chunkEnd < end) {
      if (pieces.length > 1) {
        count -= 1;
        next = pos + pieces[count].index;
      } else {
        next = cutPoint(text, pos, chunkEnd);
      }
    }
    for (let i = 0; i < count; i++) {
      const from = pos + pieces[i].index;
      const to = i + 1 < count ? pos + pieces[i + 1].index : next;
      const segment = text.slice(from, to);
      const s = from + (segment.length - segment.trimStart().length);
      const e = from + segment.trimEnd().length;
      if (e > s) yield [s, e];
    }
    pos = next;
  }
}
