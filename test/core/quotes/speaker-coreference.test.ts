import { describe, expect, it } from 'vitest';
import { definiteRole } from '../../../functions/core/quotes/definite-role.ts';
import { quoteOf } from './quote-of.ts';

// Invented articles for issue 11, round 5: speakers written as a role or a pronoun whose person
// the article has named.

describe('a role after "the" names the person introduced with that title', () => {
  it('resolves "the senator" and "the governor" to the titled names', () => {
    const text =
      'Sen. Jo Mica toured the mill with Gov. Ana Ruiz and the plant manager, Tom Lund. Later the senator said the plant was “a model for the state.” The former governor told reporters it was “far from over.”';
    expect(quoteOf(text, 'a model for the state.')).toMatchObject({ speaker: 'Jo Mica', mention: 'the senator' });
    expect(quoteOf(text, 'far from over.')).toMatchObject({ speaker: 'Ana Ruiz', mention: 'The former governor' });
  });

  it('keeps a role as written when no one was introduced with its title', () => {
    const text =
      'Tom Lund, who runs the plant, met the mayor of the next town. The senator said the plant was “a model for the state.” The spokesman said it was “far from over.”';
    expect(quoteOf(text, 'a model for the state.').speaker).toBe('The senator');
    expect(quoteOf(text, 'far from over.').speaker).toBe('The spokesman');
  });

  it('reads only "the" and a titled role, and not a vice president as "the president"', () => {
    expect(definiteRole('the former Florida governor')).toMatchObject({ titles: ['gov', 'governor'] });
    expect(definiteRole('the senator’s office')).toBeNull();
    expect(definiteRole('a senator')).toBeNull();
    expect(definiteRole('the candidate')).toBeNull();
    const text =
      'President Ana Ruiz spoke after Vice President Tom Lund. The president said the deal was “a good one for all.”';
    expect(quoteOf(text, 'a good one for all.').speaker).toBe('Ana Ruiz');
  });
});

describe('a pronoun after a name and "whom"', () => {
  it('is not the person "whom" stands for', () => {
    const text =
      'Jo Mica said he had begun to show the voters the real Tom Lund, whom he called “a con artist.” Lund did not reply.';
    expect(quoteOf(text, 'a con artist.')).toMatchObject({ speaker: 'Jo Mica', mention: 'he' });
    // After a common noun, "whom" stands for no name, and the nearest name stays the antecedent.
    const crowd = 'Tom Lund said the marchers, whom he described as “peaceful,” walked for hours.';
    expect(quoteOf(crowd, 'peaceful,').speaker).toBe('Tom Lund');
  });
});

describe('"it" or "they" inside a sentence whose subject is a group', () => {
  it('stands for that subject', () => {
    const text =
      'The river trust met the council on Monday. The water board on Friday met the builders of the new dam to discuss what it called “a threat to every farm.” Ortega’s campaign wants to contrast her plan with what they call Lund’s “careless message.”';
    expect(quoteOf(text, 'a threat to every farm.')).toMatchObject({ speaker: 'The water board', mention: 'it' });
    expect(quoteOf(text, 'careless message.')).toMatchObject({ speaker: 'Ortega’s campaign', mention: 'they' });
  });
});

// Invented articles for issue 11, round 7 (train's wrong speakers): a pronoun later in a sentence
// stands for the sentence's subject, not for a person named after it.
describe('a pronoun later in a sentence whose subject is a person', () => {
  it('stands for the subject, not the person the subject acted on', () => {
    const text =
      'Mayor Tom Lund and Gov. Ana Ruiz met twice. Lund went after Gov. Jo Mica at the debate, when he called the businessman “unhinged.” Sen. Mark Ortega spoke next.';
    expect(quoteOf(text, 'unhinged.').speaker).toBe('Tom Lund');
  });

  it('skips a name inside the opening adverbial', () => {
    const text =
      'Mayor Tom Lund and Sen. Mark Ortega spoke. With a vote for Ortega ruled out, Lund said he would back Gov. Ana Ruiz, whom he called “the best of the lot.”';
    expect(quoteOf(text, 'the best of the lot.').speaker).toBe('Tom Lund');
  });
});
