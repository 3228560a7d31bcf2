import { describe, expect, it } from 'vitest';
import { quoteOf } from './quote-of.ts';

// Invented articles for issue 11, round 5: a quote whose sentence has no reporting verb takes the
// sentence's subject, found past the sentence's opening words.

describe('the subject of a sentence past its opening words', () => {
  it('steps over an ordinal and an opening participle phrase', () => {
    const text =
      'The mayor spoke twice. First, Ortega described the plan as “a disaster for the river.” Reprising one of her favourite lines, the former mayor praised the “progress we made together.”';
    expect(quoteOf(text, 'a disaster for the river.').speaker).toBe('Ortega');
    expect(quoteOf(text, 'progress we made together.').mention).toBe('the former mayor');
  });

  it('gives a quote inside an opening subordinate clause that clause’s subject', () => {
    const text =
      'While Lund admitted on Tuesday that a win would be “very hard” now, his volunteers kept knocking on doors.';
    expect(quoteOf(text, 'very hard').speaker).toBe('Lund');
  });
});

describe('a closing attribution with an appositive after the name', () => {
  it('reads "…, said NAME, ROLE." at the end of the sentence', () => {
    const text =
      'The promise to “take the valley back” appeals to older voters, said Ana Ruiz, a demographer at Lune University. “We are very happy” about the vote, said Tom Lund, director of the river trust.';
    expect(quoteOf(text, 'take the valley back')).toMatchObject({ speaker: 'Ana Ruiz', kind: 'speech' });
    expect(quoteOf(text, 'We are very happy').speaker).toBe('Tom Lund');
  });

  it('does not read a list or an ordinary clause as the attribution', () => {
    const text = 'The “river plan” covers the mills, the dams, said to be old, and the fields.';
    expect(quoteOf(text, 'river plan').speaker).toBeNull();
  });
});

describe('an unlisted verb beside a name after a question or an exclamation', () => {
  it('credits "“…?” NAME pressed." and "“…!” beamed NAME"', () => {
    const text =
      '“Would it be negotiable?” Ortega pressed. “This is fantastic!” beamed Tom Lund of Dover, who had come early.';
    expect(quoteOf(text, 'Would it be negotiable?')).toMatchObject({ speaker: 'Ortega', verb: 'pressed' });
    expect(quoteOf(text, 'This is fantastic!')).toMatchObject({ speaker: 'Tom Lund', verb: 'beamed' });
  });

  it('does not read narration or a noun phrase as the attribution', () => {
    const text = [
      '“We won!” Lund walked to the stage.',
      'Ruiz “is the only one with the experience,” retired Air Force general Jo Mica said.',
      '“It is about time!” exhorted Ruiz’s introducer, the actress Mara Lund.',
    ].join('\n\n');
    expect(quoteOf(text, 'We won!').speaker).toBeNull();
    expect(quoteOf(text, 'is the only one with the experience,').speaker).toBe('Jo Mica');
    expect(quoteOf(text, 'It is about time!').speaker).not.toBe('Ruiz');
  });
});

describe('"read" after a quote', () => {
  it('attributes the words to the document that reads them', () => {
    const text =
      '“The mill will close in June, a loss the town calls ‘the end of an era,’” the letter read. “Nobody was told,” the statement reads.';
    expect(quoteOf(text, 'The mill will close in June, a loss the town calls ‘the end of an era,’')).toMatchObject({
      speaker: 'the letter',
      verb: 'read',
    });
    expect(quoteOf(text, 'Nobody was told,').speaker).toBe('the statement');
  });
});

// Invented articles for issue 11, round 7 (train's wrong speakers): connective adverbs, days and
// opening past participles are adverbials before the subject, not the subject.
describe('the subject past a connective, a day or an opening past participle', () => {
  it('steps over "Moreover,", "Sunday morning," and "Here in …,"', () => {
    const text = [
      'Moreover, as part of the exchange, Ortega cited a report that “less than one percent” was kept.',
      'Sunday morning, Lund slammed the change and accused Ruiz of a “flip-flop.”',
      'Here in Dover, Ruiz stepped up her campaign, saying, “We have got to win this town.”',
    ].join('\n\n');
    expect(quoteOf(text, 'less than one percent').speaker).toBe('Ortega');
    expect(quoteOf(text, 'flip-flop.').speaker).toBe('Lund');
    expect(quoteOf(text, 'We have got to win this town.').speaker).toBe('Ruiz');
  });

  it('steps over "Horrified at …," and "Preceded by NAME, the ROLE,"', () => {
    const text = [
      'Horrified at the prospect of a merger, Ortega believes in reporting that “takes sides.”',
      'Preceded at the lectern by Tom Lund, the county sheriff, Ruiz launched into a lament for the “forgotten towns” of the valley.',
    ].join('\n\n');
    expect(quoteOf(text, 'takes sides.').speaker).toBe('Ortega');
    expect(quoteOf(text, 'forgotten towns').speaker).toBe('Ruiz');
  });

  it('steps over a time adverbial ("The day before,", "Two days after the vote,")', () => {
    const text = [
      'The day before, at a rally in Dover, N.H., 14-year-old Ana Ruiz hoisted a sign that read “15%!” Her father cheered.',
      'Two days after the vote, the mill owners called the result “a disgrace.”',
    ].join('\n\n');
    expect(quoteOf(text, '15%!').speaker).toBe('Ana Ruiz');
    expect(quoteOf(text, 'a disgrace.').mention).toBe('the mill owners');
  });

  it('keeps a town and its state inside the phrase, and a name after a town as the subject', () => {
    const text =
      'Ortega, at a meeting in Columbus, Ohio, said the plan was “a mess.” In Dover, Lund said it was “fine.”';
    expect(quoteOf(text, 'a mess.').speaker).toBe('Ortega');
    expect(quoteOf(text, 'fine.').speaker).toBe('Lund');
  });
});

describe('a day after an inverted verb', () => {
  it('is when the words were said, not who said them ("… said Wednesday, “…”")', () => {
    const text = 'A town official who spoke anonymously said Wednesday, “Certainly there are talks with the mill.”';
    expect(quoteOf(text, 'Certainly there are talks with the mill.').mention).toBe('A town official');
  });
});
