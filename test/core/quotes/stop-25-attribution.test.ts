import { describe, expect, it } from 'vitest';
import { quoteOf } from './quote-of.ts';

// Invented articles, one per kind of wrong named speaker fixed in issue 11's stop-25 analysis of
// PolNeAR train and dev (`node --import tsx test/eval/classify-quote-errors.ts`, `kind:` lines).

describe('a quote that closes a sentence begun before it', () => {
  it('keeps the reporting verb of its own sentence, not the next sentence’s subject', () => {
    const text =
      'Ortega called the council’s vote “reckless.” Mara Lund, a planner at the port, warned Tuesday that the vote could delay the bridge.\n\nThe mayor asserted that “the budget is broken.” Council member Ana Ruiz said she, too, wants an audit.';
    expect(quoteOf(text, 'reckless.')).toMatchObject({ speaker: 'Ortega', verb: 'called' });
    expect(quoteOf(text, 'the budget is broken.')).toMatchObject({ mention: 'The mayor', verb: 'asserted' });
    // A quote that is a sentence by itself, or that ends in a question, keeps the one after it.
    const after =
      'The vote was close.\n\n“We will appeal the ruling.” Lund said the appeal would be filed Monday.\n\nIf the port is closed — “who pays the pilots?” asked Ruiz, a pilot herself.';
    expect(quoteOf(after, 'We will appeal the ruling.').speaker).toBe('Lund');
    expect(quoteOf(after, 'who pays the pilots?').speaker).toBe('Ruiz');
  });
});

describe('a plural subject with a bare reporting verb after the quote', () => {
  it('credits "officials say", "the two write" and a closing "the groups say"', () => {
    const text =
      '“The levee will hold through the spring,” officials say.\n\n“We do not understand the delay,” the two write. “Please explain it.”\n\nThe delay feeds “a culture of neglect” at the port, the groups say.';
    expect(quoteOf(text, 'The levee will hold through the spring,')).toMatchObject({
      mention: 'officials',
      verb: 'say',
    });
    expect(quoteOf(text, 'We do not understand the delay,')).toMatchObject({ mention: 'the two', verb: 'write' });
    expect(quoteOf(text, 'a culture of neglect')).toMatchObject({ mention: 'the groups', verb: 'say' });
    // Not a clause after the quote, and a singular subject keeps its "-s" verb.
    const others =
      '“The levee will hold,” and say no more.\n\n“The river is high,” Lund says.\n\nThe port wrote to the pilots to challenge “the high fees” they charge for a crossing.\n\nRuiz said she had “given up my seat on the board[.]” Sources report she still attends.';
    expect(quoteOf(others, 'The levee will hold,').speaker).toBeNull();
    expect(quoteOf(others, 'The river is high,').speaker).toBe('Lund');
    expect(quoteOf(others, 'the high fees').mention).not.toBe('they');
    expect(quoteOf(others, 'given up my seat on the board[.]').speaker).toBe('Ruiz');
  });
});

describe('the possessor of a speech noun that introduces the quote', () => {
  it('credits "X’s claim that … “…”" and "X’s answer was that “…”" to X, not the sentence subject', () => {
    const text =
      'The Ledger seized on Mara Lund’s claim that there have been “hundreds of outages” at the port this year.\n\nThe Harbor Herald mocked Ana Ruiz’s absurd and costly claim that the bridge “will pay for itself.”\n\nThe senator’s answer was that “the port is the city’s heart,” so the state should pay.\n\nThe pilots blamed the press for making an issue out of Tom Ortega’s claim that the levee “cannot fail.”';
    expect(quoteOf(text, 'hundreds of outages')).toMatchObject({ speaker: 'Mara Lund', verb: 'claim' });
    expect(quoteOf(text, 'will pay for itself.')).toMatchObject({ speaker: 'Ana Ruiz', verb: 'claim' });
    expect(quoteOf(text, 'the port is the city’s heart,')).toMatchObject({ mention: 'The senator', verb: 'answer' });
    expect(quoteOf(text, 'cannot fail.')).toMatchObject({ speaker: 'Tom Ortega', verb: 'claim' });
    // Words said about the claim, or an adverbial "in his statement", belong to whoever says them.
    const about =
      'Her lawyers said in a statement: “The family hoped for a quick settlement.”\n\nThe port authority said Lund’s comments “are based on opinion, not facts.”\n\nA spokeswoman for Ruiz said Thursday that Lund’s claim that Ruiz favours the toll is “simply not true.”\n\nOrtega said in his statement: “The levee is safe and the port is open.”';
    expect(quoteOf(about, 'The family hoped for a quick settlement.').mention).toBe('Her lawyers');
    expect(quoteOf(about, 'are based on opinion, not facts.').mention).toBe('The port authority');
    expect(quoteOf(about, 'simply not true.').mention).toBe('A spokeswoman for Ruiz');
    expect(quoteOf(about, 'The levee is safe and the port is open.')).toMatchObject({
      speaker: 'Ortega',
      verb: 'said',
    });
  });
});

describe('phrases that cannot speak', () => {
  it('skips a day or an existential "there" read as the subject, for the speaker behind it', () => {
    const text =
      'Lund and Ortega will meet next week, Ruiz said.\n\nRuiz later Thursday told the Harbor Herald: “Both of them want the bridge built before the winter storms.”\n\nThe memo went further. Attention, there stated the memo, “will fall on the port first.”';
    expect(quoteOf(text, 'Both of them want the bridge built before the winter storms.')).toMatchObject({
      speaker: 'Ruiz',
    });
    expect(quoteOf(text, 'will fall on the port first.').mention).not.toBe('there');
  });
});

describe('a speaker named as the object of a preposition', () => {
  it('keeps the participle’s own subject ("footage of Lund saying"), not the outer sentence’s', () => {
    const text =
      'The ad concludes with footage of Mara Lund saying during the debate last week, “That makes me smart,” when the crowd booed.';
    expect(quoteOf(text, 'That makes me smart,')).toMatchObject({ verb: 'saying' });
    expect(quoteOf(text, 'That makes me smart,').mention).toContain('Mara Lund');
  });
});

describe('a speaker with a long run of appositives after the quote', () => {
  it('reads past an age, a town, a state and a relative clause to the verb, and past three closing clauses', () => {
    const text =
      '“The bridge scares me,” Tom Ortega, 30, of Dover, Del., who was among those polled, said in an interview.\n\n“We’re extremely happy” about the vote, said Mara Lund, director of the Port Workers Union, a union that has broken with the council and backed the toll.';
    expect(quoteOf(text, 'The bridge scares me,')).toMatchObject({ speaker: 'Tom Ortega', verb: 'said' });
    expect(quoteOf(text, 'We’re extremely happy')).toMatchObject({ speaker: 'Mara Lund', verb: 'said' });
  });
});

describe('"as X put it" after the quote', () => {
  it('credits the subject of "put it", as it does before the quote', () => {
    const text =
      'The main test for a permit is a “proven source of funds,” as a port authority memo put it.\n\nTraffic “ground to a halt” — as the court’s decision put it — on the bridge.';
    expect(quoteOf(text, 'proven source of funds,')).toMatchObject({ mention: 'a port authority memo', verb: 'put' });
    expect(quoteOf(text, 'ground to a halt')).toMatchObject({ verb: 'put' });
  });
});
