import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArchivedDocument, Quote } from '../../../functions/core/document.ts';
import { prepareClaim } from '../../../functions/core/quote-finder/claim.ts';
import { matchClaim } from '../../../functions/core/quote-finder/match-claim.ts';
import { prepareQuoteText } from '../../../functions/core/quote-finder/quote-text.ts';
import { Vocabulary } from '../../../functions/core/quote-finder/vocabulary.ts';

const vocabulary = new Vocabulary();

/** An invented article: paragraphs split on blank lines, quotes given by their words. */
function article(paragraphs: string[], quotes: Array<Pick<Quote, 'text' | 'speaker'>> = []): ArchivedDocument {
  const text = paragraphs.join('\n\n');
  let at = 0;
  const spans = paragraphs.map((p) => {
    const start = text.indexOf(p, at);
    at = start + p.length;
    return { start, end: at };
  });
  return {
    id: '0123456789abcdef',
    title: 'Test',
    url: null,
    publisher: 'The Test Gazette',
    author: null,
    publishedAt: '2024-03-02',
    publishedAtSource: 'uploader',
    fileCreatedAt: null,
    ingestedAt: '2024-03-03T00:00:00.000Z',
    uploader: null,
    sha256: 'x',
    originalSha256: 'x',
    size: text.length,
    contentType: 'text/plain',
    wordCount: 0,
    quoteCount: quotes.length,
    text,
    paragraphs: spans,
    quotes: quotes.map((q) => {
      const start = text.indexOf(q.text);
      return { ...q, start, end: start + q.text.length, mention: q.speaker, verb: 'said', kind: 'speech' as const };
    }),
  };
}

const harbour = article(
  [
    'The harbour bridge in Port Alder reopened on Friday after six weeks of repairs to its storm-damaged deck.',
    '"We rebuilt the deck faster than anyone expected, and we did it without closing the ferry," said Mayor Ana Ruiz, who cut the ribbon at dawn.',
    'Engineers replaced forty steel plates and resurfaced the eastern approach. Traffic returned within the hour.',
  ],
  [
    {
      text: 'We rebuilt the deck faster than anyone expected, and we did it without closing the ferry,',
      speaker: 'Ana Ruiz',
    },
  ],
);
const prepared = prepareQuoteText(harbour, vocabulary);
const find = (claim: string) => matchClaim(prepareClaim(claim, vocabulary), prepared, vocabulary)!;
const quote = harbour.quotes[0].text;

describe('matchClaim', () => {
  it('finds an exact quote with its speaker, offsets and context', () => {
    const match = find(quote);
    expect(match).toMatchObject({
      verdict: 'exact',
      score: 1,
      fragment: false,
      speaker: 'Ana Ruiz',
      speakerSource: 'quote',
    });
    expect(match.passage.kind).toBe('quote');
    expect(harbour.text.slice(match.passage.start, match.passage.end)).toBe(quote);
    expect(harbour.text.slice(match.match.start, match.match.end)).toBe(quote.replace(/,$/, ''));
    expect(match.before?.text).toMatch(/^The harbour bridge/);
    expect(match.after?.text).toBe('Engineers replaced forty steel plates and resurfaced the eastern approach.');
    expect(match.diff.every((d) => d.op === 'kept')).toBe(true);
  });

  it('calls other quote marks, punctuation and case a punctuation difference', () => {
    const match = find('“we rebuilt the deck faster than anyone expected and we did it without closing the ferry!”');
    expect(match.verdict).toBe('punctuation_or_case');
    expect(match.score).toBe(1);
  });

  it('shows dropped, added, changed and moved words', () => {
    const match = find('We rebuilt the bridge deck faster than anybody expects');
    expect(match.verdict).toBe('words_differ');
    expect(match.fragment).toBe(true);
    const ops = match.diff.map((d) => `${d.op}:${d.claim ?? ''}/${d.original ?? ''}`);
    expect(ops).toContain('added:bridge/');
    expect(ops).toContain('changed:anybody/anyone');
    expect(ops).toContain('changed:expects/expected');
    const reordered = find('we did it without closing the ferry, and we rebuilt the deck faster than anyone expected');
    expect(reordered.verdict).toBe('words_differ');
    expect(reordered.score).toBeGreaterThan(0.75);
  });

  it('marks an exact fragment as exact but partial', () => {
    const match = find('faster than anyone expected');
    expect(match).toMatchObject({ verdict: 'exact', fragment: true, speaker: 'Ana Ruiz' });
    expect(match.match.text).toBe('faster than anyone expected');
  });

  it('finds words in the narration, with the nearest attributed speaker in the paragraph', () => {
    const narration = find('who cut the ribbon at dawn');
    expect(narration.passage.kind).toBe('narration');
    expect(narration.speaker).toBe('Ana Ruiz');
    expect(narration.speakerSource).toBe('nearby');
    const plain = find('engineers replaced forty steel plates');
    expect(plain.speaker).toBeNull();
    expect(plain.verdict).toBe('punctuation_or_case');
  });

  it('rates unrelated words a weak match', () => {
    expect(find('the ferry timetable changes every winter season').verdict).toBe('weak_match');
  });

  it('scores any unchanged sentence of the document as exact, 1 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: prepared.sentences.length - 1 }), (i) => {
        const sentence = prepared.sentences[i];
        const match = find(harbour.text.slice(sentence.start, sentence.end));
        expect(match.verdict).toBe('exact');
        expect(match.score).toBe(1);
      }),
    );
  });

  it('keeps scores in [0, 1] and diffs that read back the original match (property)', () => {
    const pool = harbour.text.split(/\s+/);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pool, 'really', 'bridges', 'says'), { minLength: 1, maxLength: 20 }),
        (words) => {
          const match = matchClaim(prepareClaim(words.join(' '), vocabulary), prepared, vocabulary);
          if (!match) return;
          expect(match.score).toBeGreaterThanOrEqual(0);
          expect(match.score).toBeLessThanOrEqual(1);
          const original = match.diff.filter((d) => d.original !== undefined);
          expect(original.map((d) => d.original)).toEqual(original.map((d) => harbour.text.slice(d.start, d.end)));
          expect(original[0].start).toBe(match.match.start);
          expect(original[original.length - 1].end).toBe(match.match.end);
        },
      ),
    );
  });
});
