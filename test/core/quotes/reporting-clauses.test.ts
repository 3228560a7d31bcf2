import { describe, expect, it } from 'vitest';
import { quoteOf } from './quote-of.ts';

// Invented articles, one per class of wrong named speaker counted on PolNeAR train and dev
// (issue 11, round 4; `node --import tsx test/eval/classify-quote-errors.ts`).

describe('reporting clauses around a quote', () => {
  it('keeps a month cut short before its day inside the speaker phrase', () => {
    const text =
      'The board met twice. A Feb. 3 memo from the water board warns that “the dam will not hold another winter.” The nominee for the Nov. 8 ballot later said the plan was “sound.”';
    expect(quoteOf(text, 'the dam will not hold another winter.').mention).toBe('A Feb. 3 memo');
    expect(quoteOf(text, 'sound.').mention).toBe('The nominee for the Nov. 8 ballot');
  });

  it('gives a participle after a comma the subject of the reporting verb before it', () => {
    const text =
      'The two mayors will meet next week, Ortega said, adding, “They need to sit down and talk.” The river is rising, Lund said on Monday in Lyon, noting that the levee is “already wet.”';
    expect(quoteOf(text, 'They need to sit down and talk.')).toMatchObject({ speaker: 'Ortega', verb: 'adding' });
    expect(quoteOf(text, 'already wet.')).toMatchObject({ speaker: 'Lund', verb: 'noting' });
    // After a quote: "“…,” Lund added, saying …".
    const after = 'Nobody can say that “it is safe,” Lund added, saying it should be “up to the engineers.”';
    expect(quoteOf(after, 'up to the engineers.').speaker).toBe('Lund');
  });

  it('gives a participle the name written just before it', () => {
    const text =
      'Both leaders issued a statement – Ortega saying he was “very encouraged” and Lund calling it a “great meeting.” The ad uses footage of Mara Lund asking, “Why are we not ahead?”';
    expect(quoteOf(text, 'very encouraged').speaker).toBe('Ortega');
    expect(quoteOf(text, 'great meeting.').speaker).toBe('Lund');
    expect(quoteOf(text, 'Why are we not ahead?').speaker).toBe('Mara Lund');
  });

  it('reads a town and its state as one place, not as the speaker', () => {
    // The first quote closes its sentence: the next sentence's "said" is not its attribution.
    const text =
      'Speaking at a rally in Lyon, Vermont, Ortega went after Lund, calling him “a total stiff.” Lund, during a meeting in Dover, Ohio, said he was “not worried at all.” Ortega is tough enough, he said, after a woman in Salem, Oregon, told him he is “too nice.” The crowd, with Lund reportedly yelling: “Get out!”';
    expect(quoteOf(text, 'a total stiff.').speaker).toBe('Ortega');
    expect(quoteOf(text, 'not worried at all.').speaker).toBe('Lund');
    expect(quoteOf(text, 'too nice.').mention).toBe('a woman in Salem, Oregon');
    expect(quoteOf(text, 'Get out!').speaker).toBe('Lund');
  });

  it('credits a name set off by a dash before a colon, not the sentence before it', () => {
    const text =
      'The rural vote has been decisive - Ada Korr: “Two weeks ago the valley had been his strongest ground.”\n\nThe board met Lund: “We will not sell the land.”';
    expect(quoteOf(text, 'Two weeks ago the valley had been his strongest ground.').speaker).toBe('Ada Korr');
    expect(quoteOf(text, 'We will not sell the land.').speaker).toBe('The board');
    // Round 7: the source line wins over a reporting verb in the words before the dash.
    const digest = 'Pollsters agree - Ada Korr: “Keep on calling voters as late as possible.”';
    expect(quoteOf(digest, 'Keep on calling voters as late as possible.').speaker).toBe('Ada Korr');
  });

  it('credits the subject of a labelling verb such as "hailed … as" or "referred to … as"', () => {
    const text =
      'Ten years ago, a Tribune editorial hailed Marlow as “the quiet reformer” for the changes he brought. Speaking to reporters on Monday, Whitfield referred to Garza as “a tireless organiser” and moved on.';
    expect(quoteOf(text, 'the quiet reformer')).toMatchObject({ speaker: 'a Tribune editorial', verb: 'hailed' });
    expect(quoteOf(text, 'a tireless organiser')).toMatchObject({ speaker: 'Whitfield', verb: 'referred' });
  });
});

// Invented articles for issue 11, round 7 (train's wrong speakers): a participle goes with the
// clause it follows, and a progressive has its own subject.
describe('the clause a participle belongs to', () => {
  it('gives a participle after a "when …" clause that clause’s subject', () => {
    const text =
      'The first disruption came during a speech at the college, when mill workers interrupted the mayor, shouting “close the gates!”';
    expect(quoteOf(text, 'close the gates!').mention).toBe('mill workers');
  });

  it('gives a progressive participle the subject before its auxiliary', () => {
    const text =
      'The final count is not in, but Tom Lund’s campaign is already claiming victory in the so-called “valley bracket.”';
    expect(quoteOf(text, 'valley bracket.').mention).toBe('Tom Lund’s campaign');
  });
});

describe('a verb and particle that report speech after a quote', () => {
  it('credits "“…,” NAME shot back" and "“…?” NAME went on, …", not the speaker before', () => {
    const text = [
      '“Look at all these voters here,” Ortega said, looking over at Lund.',
      '“They are all here for the free buses,” Lund shot back with a laugh.',
      '“People are bullied at 55,” Ortega said. “You know, it happens, right?” Ruiz went on, as if she had not heard.',
    ].join('\n\n');
    expect(quoteOf(text, 'They are all here for the free buses,').speaker).toBe('Lund');
    expect(quoteOf(text, 'You know, it happens, right?').speaker).toBe('Ruiz');
  });

  it('does not read "went on" followed by a place or a programme as speech', () => {
    const text = 'Lund was everywhere that week. “Quiet,” Ruiz went on Radio Five to say, and the host laughed.';
    expect(quoteOf(text, 'Quiet,').verb).not.toBe('went');
  });
});

describe('a passive reporting verb', () => {
  it('credits the agent after "by", and never the subject who was asked', () => {
    const text = [
      'Ruiz was asked by host Tom Lund, who backs her, “Now, you famously said no, has that changed?”',
      'In an interview, Ortega was asked, “What is the worst place you have been to?” She laughed.',
    ].join('\n\n');
    expect(quoteOf(text, 'Now, you famously said no, has that changed?').speaker).toBe('Tom Lund');
    expect(quoteOf(text, 'What is the worst place you have been to?').verb).not.toBe('asked');
  });
});

describe('a new sentence after a quote', () => {
  it('does not lend its verb to the quote when that verb takes a clause ("He noted that …")', () => {
    const text =
      'Walking into the hall, the senator said the campaign was “closing really strong.” He noted that volunteers had come from far away. Lund said the town was “ready.” Ruiz agreed that it was.';
    expect(quoteOf(text, 'closing really strong.').mention).toBe('the senator');
    expect(quoteOf(text, 'ready.').speaker).toBe('Lund');
  });
});

describe('a closing attribution followed by a participle phrase', () => {
  it('reads "…, NAME said Tuesday in Paris, noting …" as the attribution of the sentence', () => {
    const text =
      'Lund’s “excesses” are sickening, Ruiz said Tuesday in Paris, noting that the mill was “still closed.”';
    expect(quoteOf(text, 'excesses').speaker).toBe('Ruiz');
    expect(quoteOf(text, 'still closed.').speaker).toBe('Ruiz');
  });
});
