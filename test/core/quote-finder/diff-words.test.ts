import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffWords, lcsLength } from '../../../functions/core/quote-finder/diff-words.ts';
import { Vocabulary } from '../../../functions/core/quote-finder/vocabulary.ts';

const vocabulary = new Vocabulary();
const side = (words: string[]) => {
  const ids = words.map((w) => vocabulary.word(w));
  return { forms: ids.map((i) => i.form), keys: ids.map((i) => i.key) };
};
/** The diff rendered as compact strings, e.g. "=we", "+really", "-now", "~says/said". */
const render = (claim: string[], original: string[]) =>
  diffWords(side(claim), side(original)).map((e) =>
    e.op === 'kept'
      ? `=${claim[e.claim]}`
      : e.op === 'added'
        ? `+${claim[e.claim]}`
        : e.op === 'missing'
          ? `-${original[e.original]}`
          : `~${claim[e.claim]}/${original[e.original]}`,
  );

describe('diffWords', () => {
  it('marks kept, added, missing and changed words', () => {
    expect(render('we will really rebuild it'.split(' '), 'we will rebuild it now'.split(' '))).toEqual([
      '=we',
      '=will',
      '+really',
      '=rebuild',
      '=it',
      '-now',
    ]);
    expect(render('the mayor says so'.split(' '), 'the mayor said so'.split(' '))).toEqual([
      '=the',
      '=mayor',
      '~says/said',
      '=so',
    ]);
    expect(render('a red bridge'.split(' '), 'a blue bridge'.split(' '))).toEqual(['=a', '~red/blue', '=bridge']);
  });

  it('treats a plural as the same word in another form', () => {
    expect(render(['protests', 'grew'], ['protest', 'grew'])).toEqual(['~protests/protest', '=grew']);
  });

  const words = fc.array(
    fc.constantFrom('we', 'will', 'rebuild', 'the', 'bridge', 'said', 'says', 'Ruiz', 'harbour', 'bridges', 'now'),
    { maxLength: 14 },
  );

  it('reads back both sides in order (property)', () => {
    fc.assert(
      fc.property(words, words, (claim, original) => {
        const edits = diffWords(side(claim), side(original));
        const originalSide = edits.flatMap((e) => ('original' in e ? [e.original] : []));
        const claimSide = edits.flatMap((e) => ('claim' in e ? [e.claim] : []));
        expect(originalSide).toEqual(original.map((_, i) => i));
        expect(claimSide).toEqual(claim.map((_, i) => i));
        // Kept and changed-in-form words are a common subsequence as long as the longest one.
        const anchors = edits.filter(
          (e) =>
            e.op !== 'added' &&
            e.op !== 'missing' &&
            side([claim[e.claim]]).keys[0] === side([original[e.original]]).keys[0],
        );
        expect(anchors.length).toBe(lcsLength(side(claim).keys, side(original).keys));
      }),
    );
  });

  it('keeps every word of an unchanged sequence (property)', () => {
    fc.assert(
      fc.property(words, (same) => {
        expect(diffWords(side(same), side(same)).every((e) => e.op === 'kept')).toBe(true);
      }),
    );
  });
});
