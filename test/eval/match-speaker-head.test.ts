import { describe, expect, it } from 'vitest';
import { speakerMatchesHead } from './match-speaker-head.ts';
import { speakerMatches } from './score-extraction.ts';

describe('the head-phrase named-speaker rule', () => {
  it('matches a description by its head noun, whatever capitals its modifiers hold', () => {
    expect(speakerMatchesHead('The senator from Vermont', 'The senator', 'The senator')).toBe(true);
    expect(speakerMatchesHead('the groups who wrote to her on Thursday', 'the groups', 'the groups')).toBe(true);
    expect(speakerMatchesHead('But a spokesman for the FDIC', 'a spokesman', 'a spokesman')).toBe(true);
    // The lenient rule asks for "Vermont" or "Thursday" there.
    expect(speakerMatches('The senator from Vermont', 'The senator', 'The senator')).toBe(false);
    expect(speakerMatchesHead('The senator from Vermont', 'Vermont', 'Vermont')).toBe(false);
  });

  it('takes a name from the head phrase or its appositive, not from a clause after it', () => {
    expect(speakerMatchesHead('Her campaign manager, Robby Mook,', 'Robby Mook', 'Mook')).toBe(true);
    expect(
      speakerMatchesHead('Tad Devine, Sanders’ senior media adviser,', 'Sanders’ senior media adviser', null),
    ).toBe(true);
    expect(speakerMatchesHead('Murphy, the head of Right to Rise USA,', 'USA', 'USA')).toBe(false);
    expect(speakerMatchesHead('Corey Lewandowski, Donald Trump’s fired campaign manager,', 'Donald Trump', null)).toBe(
      false,
    );
    expect(speakerMatchesHead('Former secretary of state Hillary Rodham Clinton', 'Hillary Clinton', 'Clinton')).toBe(
      true,
    );
    expect(speakerMatchesHead('A spokesman for candidate Hillary Clinton', 'Hillary Clinton', 'Clinton')).toBe(false);
  });

  it('matches either of two coordinated sources and leaves annotation slips out', () => {
    expect(speakerMatchesHead('Cruz and Trump', 'Donald Trump', 'Trump')).toBe(true);
    expect(speakerMatchesHead('Former prosecutor and New York City Mayor Rudy Giuliani', 'Rudy Giuliani', null)).toBe(
      true,
    );
    expect(speakerMatchesHead('said', 'Potter', 'Potter')).toBeNull();
    expect(speakerMatchesHead('said in a statement', 'Potter', 'Potter')).toBeNull();
    expect(speakerMatchesHead('Potter', null, null)).toBe(false);
  });
});
