import { describe, expect, it } from 'vitest';
import { quoteOf } from './quote-of.ts';

// One fixture per attribution category tuned on PolNeAR train/dev. All sentences are invented.

describe('attribution categories', () => {
  it('reads a speaker that closes the sentence after more narrative (mixed quote)', () => {
    const text = 'Ruiz “felt a duty to act” on the flooding, Alex Potter said on Tuesday.';
    expect(quoteOf(text, 'felt a duty to act')).toMatchObject({ speaker: 'Alex Potter', verb: 'said', kind: 'speech' });
  });

  it('reads an inverted closing attribution after more narrative', () => {
    const text = '“Prices will fall” if the harvest holds, said Lena Ortiz.';
    expect(quoteOf(text, 'Prices will fall')).toMatchObject({ speaker: 'Lena Ortiz', verb: 'said' });
  });

  it('credits the outer speaker of a nested report', () => {
    const text = 'Mayor Dana Mills said at a rally that Ortiz once described the bridge as “a gift to the valley.”';
    expect(quoteOf(text, 'a gift to the valley.')).toMatchObject({ speaker: 'Dana Mills', verb: 'said' });
  });

  it('does not read a plural noun such as "remarks" as the reporting verb', () => {
    const text = 'Ben Hart, a council member, called Potter’s remarks on Friday “a fair warning” to the board.';
    expect(quoteOf(text, 'a fair warning')).toMatchObject({ speaker: 'Ben Hart', verb: 'called' });
  });

  it('takes the sentence subject for a participle frame ("…, saying anybody who complains …")', () => {
    const text =
      'Lena Ortiz mocked the complaint, saying anybody who complains about the weather “is not ready for winter.”';
    expect(quoteOf(text, 'is not ready for winter.').speaker).toBe('Lena Ortiz');
  });

  it('takes a name right before a participle after "with"', () => {
    const text = 'The two clashed over the budget, with Dana Mills noting the cost of “a bridge nobody asked for.”';
    expect(quoteOf(text, 'a bridge nobody asked for.').speaker).toBe('Dana Mills');
  });

  it('reads "as X put it" and "as X pointed out"', () => {
    expect(quoteOf('The plan is, as the Lune Gazette put it, “a river of paper.”', 'a river of paper.').mention).toBe(
      'the Lune Gazette',
    );
    expect(
      quoteOf('As Alex Potter pointed out, “the depot has never flooded.”', 'the depot has never flooded.').speaker,
    ).toBe('Alex Potter');
  });

  it('keeps a descriptive speaker whole, and does not turn it into the name it mentions', () => {
    const q = quoteOf(
      '“The vote was never in doubt,” said the former chief aide to Governor Ana Ruiz.',
      'The vote was never in doubt,',
    );
    expect(q.mention).toBe('the former chief aide to Governor Ana Ruiz');
    expect(q.speaker).toBe('the former chief aide to Governor Ana Ruiz');
  });

  it('does not take the subject of a subordinate clause after the quote', () => {
    const text = 'Alex Potter says he was “sitting on the fence” until Ruiz said she would run.';
    expect(quoteOf(text, 'sitting on the fence').speaker).toBe('Alex Potter');
  });

  it('reads "US" in capitals as the country, not a pronoun', () => {
    const q = quoteOf(
      '“The state is proud to cast its votes!” US Senator Jo Mica said as the count began.',
      'The state is proud to cast its votes!',
    );
    expect(q.speaker).toBe('Jo Mica');
  });

  it('reads two joined subjects after a quote', () => {
    const q = quoteOf('“We will appeal,” the mayor and the council said in a statement.', 'We will appeal,');
    expect(q.mention).toBe('the mayor and the council');
  });
});
