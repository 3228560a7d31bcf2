import { describe, expect, it } from 'vitest';
import { quoteOf } from './quote-of.ts';

// Invented articles for the round-5 classes of wrong named speakers counted on PolNeAR train and
// dev (issue 11; `node --import tsx test/eval/classify-quote-errors.ts`).

describe('a quote paragraph after a narrating paragraph', () => {
  it('takes the subject of the previous paragraph when a reporting verb follows it', () => {
    const text = [
      'Mayor Ortega said that for years the council had been predicting the mill would close, but it never did.',
      '“That is because this town, which built the mill, still runs on it.”',
      'Lund spoke only in slogans during the interview.',
      '“We have to be tougher.”',
      '“We have to win again.”',
    ].join('\n\n');
    expect(quoteOf(text, 'That is because this town, which built the mill, still runs on it.')).toMatchObject({
      speaker: 'Ortega',
      verb: 'said',
    });
    // A run of quote paragraphs continues the speaker named before the first.
    expect(quoteOf(text, 'We have to be tougher.').speaker).toBe('Lund');
    expect(quoteOf(text, 'We have to win again.').speaker).toBe('Lund');
  });

  it('does not read narration from a line that has quotes of its own', () => {
    const text = [
      '“Nothing prepares you for this office,” the former mayor will say, according to excerpts of the speech.',
      '“Until you have sat at that desk, you do not know what it is like.”',
    ].join('\n\n');
    expect(quoteOf(text, 'Until you have sat at that desk, you do not know what it is like.').speaker).not.toBe(
      'Nothing',
    );
  });

  it('does not take a name from deep in the sentence, nor a subject with no reporting verb', () => {
    const text = [
      'The report found that for years Lund had been predicting the mill would close.',
      '“That is because this town, which built the mill, still runs on it.”',
      'Ortega walked to the river with her two dogs and a friend.',
      '“The water is higher than it has been in ten years.”',
    ].join('\n\n');
    expect(quoteOf(text, 'That is because this town, which built the mill, still runs on it.').speaker).toBeNull();
    expect(quoteOf(text, 'The water is higher than it has been in ten years.').speaker).toBeNull();
  });

  it('steps over a full date before the subject of a colon line', () => {
    const text =
      'On July 6, 2015, Senator Ortega made the following comment:\n\n“For young people who left school, the jobless rate is 33 percent.”';
    expect(quoteOf(text, 'For young people who left school, the jobless rate is 33 percent.').speaker).toBe('Ortega');
  });
});

describe('a name with its role in commas before the verb', () => {
  it('credits the name, not the role that follows it', () => {
    const text =
      'Tad Lund, Ortega’s senior media adviser, said the rivals were making “mischief.” Her adviser, Jo Mica, said it was “a good day.”';
    expect(quoteOf(text, 'mischief.')).toMatchObject({ speaker: 'Tad Lund', mention: 'Tad Lund' });
    expect(quoteOf(text, 'a good day.').speaker).toBe('Jo Mica');
  });
});

// Invented articles for issue 11, round 7 (train's wrong speakers): fact-checks and quote
// collections set the speaker on a line of its own under the quote.
describe('a source line under a quote', () => {
  it('credits "- NAME." and "— NAME, description" on the line after a quote that fills its line', () => {
    const text = [
      'The claim is based on an old statistic.',
      '"Almost all new income and wealth is going to the top 1 percent."',
      '- Ana Ruiz.',
      '“The whole idea of a crooked deal needs to stop.”',
      '— Tom Lund, mayor of Dover, speaking after the vote',
    ].join('\n\n');
    expect(quoteOf(text, 'Almost all new income and wealth is going to the top 1 percent.').speaker).toBe('Ana Ruiz');
    expect(quoteOf(text, 'The whole idea of a crooked deal needs to stop.').speaker).toBe('Tom Lund');
  });

  it('does not read a dash that opens narration, or a quote inside a sentence, as a source line', () => {
    const text = [
      'Voters wanted “a change.”',
      '- Ruiz later said she was not surprised by the result, and that the town had been clear for years about it.',
      'The list closes here.',
      '“We will see.”',
      '- the end of the list',
    ].join('\n\n');
    expect(quoteOf(text, 'a change.').speaker).not.toBe('Ruiz');
    expect(quoteOf(text, 'We will see.').speaker).toBeNull();
  });
});
