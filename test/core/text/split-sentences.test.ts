import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SENTENCE_CHUNK_CHARS, sentenceFinder, sentenceSpans } from '../../../functions/core/text/split-sentences.ts';

/**
 * What a whole-paragraph Intl.Segmenter gives (the reference; quadratic on long input), with a
 * break after a title before a capital ("Mr. | Potter") joined.
 */
function reference(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const { segment, index } of new Intl.Segmenter('en', { granularity: 'sentence' }).segment(text)) {
    const s = index + (segment.length - segment.trimStart().length);
    const e = index + segment.trimEnd().length;
    if (e <= s) continue;
    const previous = out[out.length - 1];
    const afterTitle =
      previous && /(?:^|[^\p{L}\p{N}.])(?:mr|mrs|dr|gov)\.$/iu.test(text.slice(previous[0], previous[1]));
    if (afterTitle && /\p{Lu}/u.test(text[s])) previous[1] = e;
    else out.push([s, e]);
  }
  return out;
}

describe('sentenceSpans', () => {
  it('gives the same sentences as one Intl.Segmenter pass over text longer than a chunk (property)', () => {
    const sentence = fc
      .array(fc.constantFrom('the', 'Mr.', 'council', 'said', '“Yes,”', 'U.S.', 'résumé', '42', 'Potter', 'Gov.'), {
        minLength: 1,
        maxLength: 30,
      })
      .chain((words) => fc.constantFrom('.', '!', '?', '."').map((end) => `${words.join(' ')}${end}`));
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 400 }), (sentences) => {
        const text = sentences.join(' ');
        expect([...sentenceSpans(text, 0, text.length)]).toEqual(reference(text));
      }),
      { numRuns: 40 },
    );
  });

  it('does not break after a title before a name, and still breaks after "U.S." and a full stop', () => {
    const text = 'Mr. Potter met Dr. Smith in the U.S. They left. Gov. Brown spoke to Mrs. Jones. Amr. Next.';
    const sentences = [...sentenceSpans(text, 0, text.length)].map(([s, e]) => text.slice(s, e));
    expect(sentences).toEqual([
      'Mr. Potter met Dr. Smith in the U.S.',
      'They left.',
      'Gov. Brown spoke to Mrs. Jones.',
      'Amr.',
      'Next.',
    ]);
  });

  it('cuts a sentence longer than a chunk at a space and loses no text', () => {
    const text = 'word '.repeat(SENTENCE_CHUNK_CHARS).trim();
    const spans = [...sentenceSpans(text, 0, text.length)];
    expect(spans.length).toBeGreaterThan(1);
    for (const [s, e] of spans) expect(e - s).toBeLessThanOrEqual(SENTENCE_CHUNK_CHARS);
    expect(spans.map(([s, e]) => text.slice(s, e)).join(' ')).toBe(text);
  });

  it('is linear: a 2 MB paragraph takes seconds at most (one Intl.Segmenter pass over it: minutes)', () => {
    const sentence = 'The cat sat on the mat and the dog said nothing. ';
    const text = sentence.repeat(Math.ceil((2 << 20) / sentence.length));
    const started = performance.now();
    let count = 0;
    for (const _ of sentenceSpans(text, 0, text.length)) count++;
    expect(count).toBe(Math.ceil((2 << 20) / sentence.length));
    // ~150 ms here when idle; a whole-paragraph pass is quadratic (400 KB: 1.3 s, so 2 MB: ~30 s).
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('finds, for any offset in a sentence, the sentence sentenceSpans gives (property)', () => {
    const sentence = fc
      .array(
        fc.constantFrom('the', 'Mr.', 'Dr.', 'council', 'said', '“Yes,”', 'U.S.', 'Şahin', '42', 'Potter', 'Gov.'),
        {
          minLength: 1,
          maxLength: 12,
        },
      )
      .chain((words) => fc.constantFrom('.', '!', '?', '."', '').map((end) => `${words.join(' ')}${end}`));
    fc.assert(
      fc.property(
        fc.array(sentence, { minLength: 1, maxLength: 40 }),
        fc.constantFrom(' ', '  ', '\n'),
        fc.string({ maxLength: 5 }),
        (sentences, gap, before) => {
          // The stretch sits inside a longer text, as a paragraph does in a document.
          const paragraph = sentences.join(gap);
          const text = `${before}\n${paragraph}\nAfter.`;
          const start = before.length + 1;
          const end = start + paragraph.length;
          fc.pre(paragraph.length <= SENTENCE_CHUNK_CHARS);
          const around = sentenceFinder(text, start, end);
          for (const span of sentenceSpans(text, start, end)) {
            for (let at = span[0]; at < span[1]; at++) if (text[at] !== ' ') expect(around(at)).toEqual(span);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses a stretch longer than a chunk (whose sentences depend on where chunks are cut)', () => {
    const text = 'word '.repeat(SENTENCE_CHUNK_CHARS);
    expect(() => sentenceFinder(text, 0, text.length)).toThrow(RangeError);
  });
});
