import { describe, expect, it } from 'vitest';
import { checkSpeakerPhrase } from '../../../functions/core/quotes/check-speaker-phrase.ts';
import { quoteOf } from './quote-of.ts';

// Invented sentences, one per pattern of the report seed and of the fragments seen in the corpora.

describe('speaker phrases are noun phrases that can speak', () => {
  it('credits the subject of reported speech that carries a partial quote', () => {
    const text =
      'Governor Ana Ruiz said the storm brought “winds of ninety miles an hour, including gusts” across the valley and noted that two bridges closed.';
    expect(quoteOf(text, 'winds of ninety miles an hour, including gusts')).toMatchObject({
      speaker: 'Ana Ruiz',
      verb: 'said',
      kind: 'speech',
    });
  });

  it('resolves the pronoun of a relative clause with "that" left out to the sentence subject', () => {
    const text = 'Lune’s water board placed the outage within a pattern it says shows “a lack of care for the pipes.”';
    expect(quoteOf(text, 'a lack of care for the pipes.')).toMatchObject({
      speaker: 'Lune’s water board',
      mention: 'Lune’s water board',
    });
  });

  it('gives a capitalised name in scare quotes, far from the verb, no speaker', () => {
    const text =
      'The water board said little. It recalled earlier floods in the region: a March 10, 2022 storm that badly damaged the school in Lune; a January 2, 2024 “Hydra” storm that left a crater near the dam.';
    expect(quoteOf(text, 'Hydra')).toMatchObject({ kind: 'term', speaker: null, mention: null });
  });

  it('drops a conjunction that opens the phrase', () => {
    const text = 'Potter spoke first. But he said: “We will not sell the field.”';
    expect(quoteOf(text, 'We will not sell the field.').mention).toBe('he');
    expect(checkSpeakerPhrase('And Rusedski')).toEqual({ ok: true, start: 4, end: 12 });
  });

  it('ends a phrase at its finite verb and drops trailing function words', () => {
    expect(checkSpeakerPhrase('Harris attacked Biden during the debates and')).toEqual({ ok: true, start: 0, end: 6 });
    expect(checkSpeakerPhrase('conservative commentator Jonah Goldberg of the')).toEqual({
      ok: true,
      start: 0,
      end: 39,
    });
    expect(checkSpeakerPhrase('Her campaign quickly')).toEqual({ ok: true, start: 0, end: 12 });
  });

  it('refuses clause fragments', () => {
    expect(checkSpeakerPhrase('weapons during the night’s attack and')).toMatchObject({
      ok: false,
      reason: 'open-end',
    });
    expect(checkSpeakerPhrase('by the Conservatives who')).toMatchObject({ ok: false, reason: 'adverbial' });
    expect(checkSpeakerPhrase('despite a series of stories')).toMatchObject({ ok: false, reason: 'adverbial' });
    expect(checkSpeakerPhrase('in')).toMatchObject({ ok: false });
  });

  it('keeps people, organisations, groups and roles whole', () => {
    for (const p of [
      'the ministry',
      'officials',
      'an analyst at Lehman Brothers',
      'President Volodymyr Zelenskyy',
      'Rep. Jo Mica (R-Fla.)',
      'an official who asked not to be named',
      'a statement released by the campaign',
      'the daily',
    ]) {
      expect(checkSpeakerPhrase(p), p).toEqual({ ok: true, start: 0, end: p.length });
    }
  });
});
