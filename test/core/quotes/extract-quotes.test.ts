import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../functions/core/quotes/extract-quotes.ts';
import type { Quote } from '../../../functions/core/document.ts';
import { splitParagraphs } from '../../../functions/core/text/split-paragraphs.ts';

// All fixtures below are invented sentences written for these tests.

function extract(text: string): Quote[] {
  return extractQuotes(text, splitParagraphs(text));
}

function only(text: string): Quote {
  const quotes = extract(text);
  expect(quotes).toHaveLength(1);
  return quotes[0];
}

describe('extractQuotes: spans', () => {
  it('excludes the marks, keeps inner trailing punctuation and satisfies the offset contract', () => {
    const text = '“We will rebuild the line,” Mayor Ana Ruiz said.';
    const q = only(text);
    expect(q.text).toBe('We will rebuild the line,');
    expect(text.slice(q.start, q.end)).toBe(q.text);
  });

  it('pairs straight and curly marks, mixed', () => {
    const text = 'Ruiz said "the bridge is safe” and left. Later she wrote: “Traffic resumes Monday."';
    expect(extract(text).map((q) => q.text)).toEqual(['the bridge is safe', 'Traffic resumes Monday.']);
  });

  it('keeps single quotes nested inside a double quote as part of it', () => {
    const text = '“They told us ‘wait and see’ for a year,” said Ana Ruiz.';
    const quotes = extract(text);
    expect(quotes.map((q) => q.text)).toEqual(['They told us ‘wait and see’ for a year,']);
  });

  it('trims whitespace inside the marks', () => {
    const q = only('“  Enough is enough. ” Potter said.');
    expect(q.text).toBe('Enough is enough.');
  });

  it('treats a right mark after a space and before a letter as an opening mark', () => {
    const q = only('The mayor called it ”a turning point for the city and its people,” Ruiz said.');
    expect(q.text).toBe('a turning point for the city and its people,');
    expect(q.speaker).toBe('Ruiz');
  });

  it('does not pair marks across paragraphs', () => {
    const text = 'He said "yes\n\nand then "no."';
    const quotes = extract(text);
    expect(quotes.map((q) => q.text)).toEqual(['yes', 'no.']);
  });

  it('treats a single newline as a paragraph boundary', () => {
    const text = 'Potter said: “Line one is here and it is long.\nThen the next line” continues.';
    const quotes = extractQuotes(text, [{ start: 0, end: text.length }]);
    expect(quotes[0].text).toBe('Line one is here and it is long.');
  });
});

describe('extractQuotes: attribution after the quote', () => {
  it('finds "…," said Alex Potter, an analyst at …', () => {
    const q = only('“Prices will fall by spring,” said Alex Potter, an analyst at Northwind Bank.');
    expect(q).toMatchObject({ speaker: 'Alex Potter', mention: 'Alex Potter', verb: 'said', kind: 'speech' });
  });

  it('finds "…," Potter said and resolves the surname to the full name seen earlier', () => {
    const text = 'Alex Potter runs the depot.\n\n“We have enough salt for the winter,” Potter said.';
    const q = only(text);
    expect(q).toMatchObject({ speaker: 'Alex Potter', mention: 'Potter', verb: 'said' });
  });

  it('finds an organisation as speaker', () => {
    const q = only('“The embassy was damaged overnight,” the ministry said.');
    expect(q.mention).toBe('the ministry');
    expect(q.speaker).toMatch(/ministry/);
  });

  it('steps over an appositive', () => {
    const q = only('“We expected this,” Dana Mills, who chairs the council, told reporters.');
    expect(q).toMatchObject({ speaker: 'Dana Mills', verb: 'told' });
  });

  it.each([
    'added',
    'asked',
    'wrote',
    'stated',
    'explained',
    'noted',
    'argued',
    'insisted',
    'warned',
    'tweeted',
    'replied',
  ])('knows the reporting verb "%s"', (verb) => {
    const q = only(`“This is only the beginning of the process,” Lena Ortiz ${verb}.`);
    expect(q).toMatchObject({ speaker: 'Lena Ortiz', verb });
  });

  it('attributes "…," according to the agency', () => {
    const q = only('“Rainfall was twice the average,” according to the weather agency.');
    expect(q).toMatchObject({ mention: 'the weather agency', verb: 'according to' });
  });
});

describe('extractQuotes: attribution before the quote', () => {
  it('finds Potter said: "…"', () => {
    const q = only('Alex Potter said: “The depot is full and the trucks are ready.”');
    expect(q).toMatchObject({ speaker: 'Alex Potter', verb: 'said' });
  });

  it('finds Potter told the BBC "…"', () => {
    const q = only('Alex Potter told the BBC “nobody expected the river to rise that fast.”');
    expect(q).toMatchObject({ speaker: 'Alex Potter', verb: 'told' });
  });

  it('finds according to Potter, "…"', () => {
    const q = only('According to Alex Potter, “the budget will not cover the repairs this year.”');
    expect(q).toMatchObject({ speaker: 'Alex Potter', verb: 'according to' });
  });

  it('finds the line before that ends with a colon', () => {
    const text = 'In a letter, the council wrote:\n\n“We regret the delay and will publish the report soon.”';
    const q = only(text);
    expect(q.mention).toBe('the council');
  });
});

describe('extractQuotes: split quotes, pronouns, multi-paragraph quotes', () => {
  it('splits a quote around its attribution, same speaker for both parts', () => {
    const quotes = extract('“The first part is done,” she said, “and the second starts now.”');
    expect(quotes.map((q) => q.text)).toEqual(['The first part is done,', 'and the second starts now.']);
    expect(quotes[0].mention).toBe('she');
    expect(quotes[1].mention).toBe('she');
  });

  it('resolves a pronoun to the most recent person of compatible gender', () => {
    const text = 'Maria Lopez met Tom Brady at the port.\n\n“The ships are late again,” she said.';
    const q = only(text);
    expect(q).toMatchObject({ speaker: 'Maria Lopez', mention: 'she' });
  });

  it('resolves he to the man when a woman was mentioned more recently', () => {
    const text = 'Mr. Potter spoke after Maria Lopez.\n\n“It is a fair deal,” he told reporters.';
    const q = only(text);
    expect(q).toMatchObject({ speaker: 'Potter', mention: 'he', verb: 'told' });
  });

  it('falls back to the most recent named speaker', () => {
    const text = '“We are ready for the vote,” Jordan Kale said.\n\n“It will pass easily next week,” they added.';
    const [, second] = extract(text);
    expect(second.speaker).toBe('Jordan Kale');
  });

  it('attributes every paragraph of a multi-paragraph quote', () => {
    const text = [
      'Ana Ruiz wrote to the board:',
      '“The first paragraph of the letter sets out the problem in detail.',
      '“The second paragraph proposes a solution that costs very little.',
      '“The last paragraph asks for a decision by Friday.”',
    ].join('\n\n');
    const quotes = extract(text);
    expect(quotes).toHaveLength(3);
    for (const q of quotes) expect(q.speaker).toBe('Ana Ruiz');
  });

  it('gives a following quote in the same paragraph the same speaker', () => {
    const quotes = extract('“We lost the first game,” coach Ben Hart said. “We will not lose the second one at home.”');
    expect(quotes.map((q) => q.speaker)).toEqual(['Ben Hart', 'Ben Hart']);
  });
});

describe('extractQuotes: kinds', () => {
  it('marks short unattributed spans inside a sentence as terms', () => {
    const quotes = extract(
      'The so-called “quiet zone” around the school opened on Monday, near the “Blue Bridge” café.',
    );
    expect(quotes.map((q) => [q.text, q.kind])).toEqual([
      ['quiet zone', 'term'],
      ['Blue Bridge', 'term'],
    ]);
  });

  it('keeps long unattributed quotes as speech with no speaker', () => {
    const q = only('“Nobody here remembers a winter as cold as this one was.”');
    expect(q).toMatchObject({ kind: 'speech', speaker: null, mention: null, verb: null });
  });

  it('treats a short attributed quote as speech', () => {
    const q = only('“No comment,” Potter said.');
    expect(q.kind).toBe('speech');
  });
});

describe('extractQuotes: embedded social posts', () => {
  it('turns a post and its signature line into a quote by the poster', () => {
    const text = [
      'The storm closed the harbour on Friday.',
      'Harbour closed until further notice. Stay safe everyone. pic.twitter.com/abc123',
      '— Port of Lune 🌊 (@portoflune) March 3, 2024',
      'Ferries resumed on Sunday.',
    ].join('\n');
    const quotes = extractQuotes(text, [{ start: 0, end: text.length }]);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toMatchObject({
      text: 'Harbour closed until further notice. Stay safe everyone.',
      speaker: 'Port of Lune',
      verb: 'posted',
      kind: 'speech',
    });
    expect(text.slice(quotes[0].start, quotes[0].end)).toBe(quotes[0].text);
  });
});
