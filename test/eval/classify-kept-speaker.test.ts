import { describe, expect, it } from 'vitest';
import { classifyKeptSpeaker } from './classify-kept-speaker.ts';

// The fragments named in issue 11 and invented noun phrases that must pass.
describe('the second opinion on a kept speaker', () => {
  it('flags clause fragments by their pattern', () => {
    expect(classifyKeptSpeaker('Harris attacked Biden during the debates and')).toBe('ends-in-function-word');
    expect(classifyKeptSpeaker('the newspaper quoted Qantas chief executive Geoff Dixon as')).toBe(
      'ends-in-function-word',
    );
    expect(classifyKeptSpeaker('by the Conservatives who')).toBe('opens-with-joiner');
    expect(classifyKeptSpeaker('Sanders issued a statement')).toBe('finite-verb');
    expect(classifyKeptSpeaker('Calling it')).toBe('finite-verb');
    expect(classifyKeptSpeaker('Twenty-two years')).toBe('time-or-amount');
  });

  it('passes people, organisations, groups and roles', () => {
    for (const p of [
      'an analyst at Lehman Brothers',
      'the ministry',
      'officials',
      'an official who asked not to be named',
      'the 22-year-old',
      'one London-based broker',
      'Recep Tayyip Erdoğan',
      'the daily',
      'Parry',
    ]) {
      expect(classifyKeptSpeaker(p), p).toBeNull();
    }
  });
});
