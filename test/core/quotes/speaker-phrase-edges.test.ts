import { describe, expect, it } from 'vitest';
import { checkSpeakerPhrase } from '../../../functions/core/quotes/check-speaker-phrase.ts';
import { quoteOf } from './quote-of.ts';

// Invented articles, one per class of wrong named speaker found on PolNeAR dev (issue 11, round 3).

describe('the edges of a speaker phrase', () => {
  it('reads a date written with a slash as one word of the phrase', () => {
    const text = '“The fund has paid nobody in five years,” said 9/11 widow Ada Korr. Others agreed.';
    expect(quoteOf(text, 'The fund has paid nobody in five years,')).toMatchObject({
      speaker: 'Ada Korr',
      mention: '9/11 widow Ada Korr',
      verb: 'said',
    });
  });

  it('refuses a date, a number or a span of time as a speaker', () => {
    for (const p of ['2015', '9', 'Twenty-two years', '40 years']) {
      expect(checkSpeakerPhrase(p), p).toMatchObject({ ok: false, reason: 'no-head' });
    }
    const text =
      'On May 3, 2015, Ruiz made the following comment:\n\n“The valley will flood again unless the dam is raised.”';
    expect(quoteOf(text, 'The valley will flood again unless the dam is raised.').speaker).not.toBe('2015');
  });

  it('refuses a bare quantifier but keeps groups counted with a determiner', () => {
    expect(checkSpeakerPhrase('All')).toMatchObject({ ok: false });
    expect(checkSpeakerPhrase('More')).toMatchObject({ ok: false });
    for (const p of ['the two', 'Ten Downing Street', 'all three senators', 'the 9/11 families']) {
      expect(checkSpeakerPhrase(p), p).toMatchObject({ ok: true });
    }
  });

  it('keeps a name that is also a modal verb ("May", "Will") whole', () => {
    const text =
      '“We will leave the union in March,” Theresa May said. “Nothing will change that,” said Mrs May, the prime minister. “It is a model,” said Will Doyle.';
    expect(quoteOf(text, 'We will leave the union in March,').speaker).toBe('Theresa May');
    expect(quoteOf(text, 'Nothing will change that,')).toMatchObject({ speaker: 'Theresa May', mention: 'Mrs May' });
    expect(quoteOf(text, 'It is a model,').speaker).toBe('Will Doyle');
    expect(quoteOf('Ruiz may say “we will stay.”', 'we will stay.').speaker).toBe('Ruiz');
  });

  it('ends a role at the full stop after it, and keeps a participle after a number', () => {
    const text =
      '“There is no home-state advantage,” said one unaligned Florida Republican strategist. The polls agreed. “We saw it,” said Lt. Gen. Ana Doyle.';
    expect(quoteOf(text, 'There is no home-state advantage,')).toMatchObject({
      speaker: 'one unaligned Florida Republican strategist',
      kind: 'speech',
    });
    expect(quoteOf(text, 'We saw it,')).toMatchObject({ speaker: 'Ana Doyle', mention: 'Lt. Gen. Ana Doyle' });
    expect(quoteOf('“It is over,” said the strategist. Then he left.', 'It is over,').mention).toBe('the strategist');
  });

  it('gives no speaker to a sentence that opens with a participle or an imperative', () => {
    for (const p of ['According', 'Calling it', 'Asked', 'Referred', 'Shedding some light', 'Tell us', 'Speaking']) {
      expect(checkSpeakerPhrase(p), p).toMatchObject({ ok: false, reason: 'verb' });
    }
    const text = 'The vote was close. Calling it “a win for the valley,” the board met again on Friday.';
    expect(quoteOf(text, 'a win for the valley,').speaker).toBeNull();
    // Surnames that look like participles stay names.
    for (const p of ['Manning', 'Browning', 'Peyton Manning', 'Alfred', 'Ahmed', 'Fred']) {
      expect(checkSpeakerPhrase(p), p).toMatchObject({ ok: true });
    }
  });

  it('refuses a lone lower-case adjective and reads a contraction as its pronoun', () => {
    expect(checkSpeakerPhrase('key')).toMatchObject({ ok: false, reason: 'no-head' });
    expect(checkSpeakerPhrase('similar')).toMatchObject({ ok: false, reason: 'no-head' });
    expect(checkSpeakerPhrase('the daily')).toMatchObject({ ok: true });
    expect(checkSpeakerPhrase('I’ve')).toEqual({ ok: true, start: 0, end: 1 });
  });
});
