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
