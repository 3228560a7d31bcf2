import { describe, expect, it } from 'vitest';
import { quoteOf } from './quote-of.ts';

// Invented article for the largest class of false-positive speech spans on PolNeAR train and dev
// (issue 11, round 4): the title of a programme or a work inside an attributed sentence.

describe('titles of programmes and works', () => {
  const text =
    '“We are not done,” Ortega told ABC’s “Good Morning America” on Monday. Lund spoke on “Meet the Press.” “It is too early,” said Ada Korr, author of “The Long Valley,” a history of the dam. Ortega called the plan “a total and complete mess” on Tuesday.';

  it('makes a title after a possessive or a word that introduces it a term, keeping the speaker', () => {
    expect(quoteOf(text, 'Good Morning America')).toMatchObject({ kind: 'term', speaker: 'Ortega' });
    expect(quoteOf(text, 'Meet the Press.').kind).toBe('term');
    expect(quoteOf(text, 'The Long Valley,').kind).toBe('term');
  });

  it('leaves reported words around the titles as speech', () => {
    expect(quoteOf(text, 'We are not done,')).toMatchObject({ kind: 'speech', speaker: 'Ortega' });
    expect(quoteOf(text, 'It is too early,')).toMatchObject({ kind: 'speech', speaker: 'Ada Korr' });
    expect(quoteOf(text, 'a total and complete mess')).toMatchObject({ kind: 'speech', speaker: 'Ortega' });
  });

  it('makes a headline cited with its byline a term, even as a paragraph of its own', () => {
    const news =
      'CLOSING—"The Blue Room to shut at the end of May," by Times\' Ana Ruiz: "The Blue Room, a small club, will close."\n\n“We will finish the whole road before the rains,” by Tuesday, Ruiz said.';
    expect(quoteOf(news, 'The Blue Room to shut at the end of May,').kind).toBe('term');
    expect(quoteOf(news, 'The Blue Room, a small club, will close.').kind).toBe('speech');
    expect(quoteOf(news, 'We will finish the whole road before the rains,').kind).toBe('speech');
  });

  it('reads a long title with its subtitle, after a comma or "titled"', () => {
    const books =
      'Critics have been reading Ortega\'s new book, "Dry Valley: How the River Was Lost and Won," for clues. Lund released a memo titled "The Facts on Where the Vote Stands."';
    expect(quoteOf(books, 'Dry Valley: How the River Was Lost and Won,').kind).toBe('term');
    expect(quoteOf(books, 'The Facts on Where the Vote Stands.').kind).toBe('term');
  });
});
