import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPassages, matchingQuotes, matchSpans } from '../../../functions/core/search/find-passages.ts';
import { findPhrase } from '../../../functions/core/search/match-words.ts';
import { parseQuery } from '../../../functions/core/search/parse-query.ts';
import type { Quote } from '../../../functions/core/document.ts';
import { splitParagraphs } from '../../../functions/core/text/split-paragraphs.ts';
import { SENTENCE_CHUNK_CHARS, sentenceSpans } from '../../../functions/core/text/split-sentences.ts';
import { storedTextOf } from '../../../functions/core/search/stored-text.ts';
import { tokenize } from '../../../functions/core/text/tokenize.ts';

const text = [
  'The council met on Monday. It voted to close the old ferry pier.',
  'Residents protested outside. "The pier is our history," one resident said. The ferry will run from the new pier.',
].join('\n\n');
const document = { text, paragraphs: splitParagraphs(text) };

describe('findPassages', () => {
  it('returns the sentences where the query matched, best first by distinct terms, shown in document order', () => {
    const passages = findPassages(document, parseQuery('ferry pier'));
    expect(passages.map((p) => p.text)).toEqual([
      'It voted to close the old ferry pier.',
      '"The pier is our history," one resident said.',
      'The ferry will run from the new pier.',
    ]);
    for (const p of passages) expect(text.slice(p.start, p.end)).toBe(p.text);
  });

  it('highlights a phrase as one span and prefixes of longer words', () => {
    const [passage] = findPassages(document, parseQuery('"old ferry pier"'));
    expect(passage.highlights.map(([s, e]) => text.slice(s, e))).toEqual(['old ferry pier']);
    const [protest] = findPassages(document, parseQuery('protest'));
    expect(protest.highlights.map(([s, e]) => text.slice(s, e))).toEqual(['protested']);
  });

  it('marks other forms of a plain word as written, and only the exact form of =word', () => {
    const marked = (q: string) =>
      findPassages(document, parseQuery(q)).flatMap((p) => p.highlights.map(([s, e]) => text.slice(s, e)));
    expect(marked('protesting')).toEqual(['protested']);
    expect(marked('piers')).toEqual(['pier', 'pier', 'pier']);
    expect(marked('=piers')).toEqual([]);
    expect(marked('=pier')).toEqual(['pier', 'pier', 'pier']);
  });

  it('keeps every highlight inside its passage and every offset inside the text (property)', () => {
    const word = fc.constantFrom('ferry', 'pier', 'council', 'the', 'résumé', 'Baku’s', 'x');
    const sentence = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => `${w.join(' ')}.`);
    const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join(' '));
    fc.assert(
      fc.property(
        fc.array(paragraph, { minLength: 1, maxLength: 4 }),
        fc.array(word, { minLength: 1, maxLength: 3 }),
        (paragraphs, query) => {
          const body = paragraphs.join('\n\n');
          const passages = findPassages({ text: body, paragraphs: splitParagraphs(body) }, parseQuery(query.join(' ')));
          for (const p of passages) {
            expect(body.slice(p.start, p.end)).toBe(p.text);
            for (const [s, e] of p.highlights) {
              expect(s).toBeGreaterThanOrEqual(p.start);
              expect(e).toBeLessThanOrEqual(p.end);
              expect(e).toBeGreaterThan(s);
            }
          }
        },
      ),
    );
  });

  it('with room for every passage, gives every segmented sentence holding a match, with its matches (property)', () => {
    // The reference segments every paragraph and matches the whole text: what findPassages does
    // one matched sentence and one unit at a time must come to the same sentences and highlights.
    const word = fc.constantFrom('ferry', 'Pier', 'piers', 'Mr.', 'Dr.', 'Smith', 'the', 'résumé', 'x');
    const sentence = fc
      .tuple(fc.array(word, { minLength: 1, maxLength: 10 }), fc.constantFrom('.', '!', '?', '."', ''))
      .map(([w, end]) => `${w.join(' ')}${end}`);
    // Short paragraphs, and long ones that are read in runs of their sentences.
    const paragraph = fc
      .oneof(
        fc.array(sentence, { minLength: 1, maxLength: 12 }),
        fc.array(sentence, { minLength: 300, maxLength: 600, size: 'max' }),
      )
      .map((s) => s.join(' '));
    fc.assert(
      fc.property(
        fc.array(paragraph, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('pier', 'ferry pier', '"the ferry"', 'smith', '=piers', 'résumé x', 'pi'),
        fc.boolean(),
        (paragraphs, q, ascii) => {
          // ASCII paragraphs take the path that tokenises only the sentences around a needle.
          const joined = paragraphs.join('\n\n');
          const body = ascii ? joined.replaceAll('é', 'e') : joined;
          const query = parseQuery(q);
          const spans = matchSpans(tokenize(body), query);
          const expected = splitParagraphs(body)
            .flatMap((p) => [...sentenceSpans(body, p.start, p.end)])
            .map(([start, end]) => ({
              start,
              end,
              highlights: spans.filter(([s, e]) => s >= start && e <= end),
            }))
            .filter((p) => p.highlights.length > 0);
          const passages = findPassages({ text: body, paragraphs: splitParagraphs(body) }, query, 10_000);
          expect(passages.map(({ start, end, highlights }) => ({ start, end, highlights }))).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('findPassages where a sentence longer than a chunk is cut inside a word', () => {
  it("highlights no half of the cut word, as the whole text's tokens have it whole", () => {
    // One 4,200-letter word: sentenceSpans cuts it at the chunk's end.
    const text = `Before. pier${'b'.repeat(SENTENCE_CHUNK_CHARS + 200)}pier tail. After the pier.`;
    const document = { text, paragraphs: splitParagraphs(text) };
    for (const q of ['pier', '"pier tail"', 'tail']) {
      const query = parseQuery(q);
      const spans = matchSpans(tokenize(text), query);
      const expected = [...sentenceSpans(text, 0, text.length)]
        .map(([start, end]) => ({ start, end, highlights: spans.filter(([s, e]) => s >= start && e <= end) }))
        .filter((p) => p.highlights.length > 0);
      for (const source of [document, storedTextOf({ ...document, title: '', quotes: [] })]) {
        const passages = findPassages(source, query, 10_000);
        expect(passages.map(({ start, end, highlights }) => ({ start, end, highlights }))).toEqual(expected);
      }
    }
  });
});

describe('findPassages with the sentences stored at indexing', () => {
  it('gives the passages it gives when it segments as it reads, long paragraphs included (property)', () => {
    let longest = 0;
    const word = fc.constantFrom('ferry', 'Pier', 'piers', 'Mr.', 'Smith', 'the', 'résumé', 'x', '“Yes,”');
    const sentence = fc
      .tuple(fc.array(word, { minLength: 1, maxLength: 12 }), fc.constantFrom('.', '!', '?', ''))
      .map(([w, end]) => `${w.join(' ')}${end}`);
    // Up to 700 sentences: a paragraph longer than a chunk is read in runs of its sentences.
    const paragraph = fc.array(sentence, { minLength: 1, maxLength: 700, size: 'max' }).map((s) => s.join(' '));
    fc.assert(
      fc.property(
        fc.array(paragraph, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('pier', 'ferry pier', '"the ferry"', 'smith', 'résumé x'),
        fc.constantFrom(3, 10_000),
        (paragraphs, q, max) => {
          const text = paragraphs.join('\n\n');
          const document = { text, paragraphs: splitParagraphs(text) };
          const stored = storedTextOf({ ...document, title: '', quotes: [] });
          expect(stored.text).toBe(text);
          longest = Math.max(longest, ...document.paragraphs.map((p) => p.end - p.start));
          const query = parseQuery(q);
          expect(findPassages(stored, query, max)).toEqual(findPassages(document, query, max));
        },
      ),
      { numRuns: 60 },
    );
    expect(longest).toBeGreaterThan(SENTENCE_CHUNK_CHARS);
  });
});

describe('findPassages on one huge paragraph', () => {
  const sentence = 'The cat sat on the mat and the dog said nothing. ';
  const huge = sentence.repeat(Math.ceil((5 << 20) / sentence.length)).trim();
  const hugeDocument = { text: huge, paragraphs: splitParagraphs(huge) };

  it('answers a 5 MB one-paragraph text in milliseconds, with whole sentences (whole-paragraph segmentation: minutes)', () => {
    findPassages(hugeDocument, parseQuery('said'));
    const started = performance.now();
    const passages = findPassages(hugeDocument, parseQuery('said'));
    // Generous for a shared machine: whole-paragraph segmentation took minutes here.
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(passages.map((p) => p.text)).toEqual([sentence.trim(), sentence.trim(), sentence.trim()]);
    for (const p of passages) expect(huge.slice(p.start, p.end)).toBe(p.text);
  });

  it('stops at PASSAGE_SCAN_CHARS: a match before it gets a passage, one after it none', () => {
    const late = `${huge} A zebra said hello.`;
    expect(findPassages({ text: late, paragraphs: splitParagraphs(late) }, parseQuery('zebra'))).toEqual([]);
    const early = `A zebra said hello. ${huge}`;
    expect(findPassages({ text: early, paragraphs: splitParagraphs(early) }, parseQuery('zebra'))[0].text).toBe(
      'A zebra said hello.',
    );
  });
});

describe('matchingQuotes', () => {
  const quote = (text: string, speaker: string | null): Quote => ({
    text,
    start: 0,
    end: text.length,
    speaker,
    mention: speaker,
    verb: 'said',
    kind: 'speech',
  });
  const quotes = [quote('The pier is our history,', 'Ann Lee'), quote('We will build a new pier.', 'Bo Chan')];

  it('matches quotes containing a query word, a phrase, or by speaker', () => {
    expect(matchingQuotes(quotes, parseQuery('history')).map((q) => q.speaker)).toEqual(['Ann Lee']);
    expect(matchingQuotes(quotes, parseQuery('"new pier"')).map((q) => q.speaker)).toEqual(['Bo Chan']);
    expect(matchingQuotes(quotes, parseQuery('pier speaker:chan')).map((q) => q.speaker)).toEqual(['Bo Chan']);
    expect(matchingQuotes(quotes, parseQuery('council'))).toEqual([]);
    const accented = [quote('Vamos a construir.', 'José Núñez')];
    expect(matchingQuotes(accented, parseQuery('speaker:"jose nunez"')).map((q) => q.speaker)).toEqual(['José Núñez']);
  });

  // Quotes are skipped unread when they hold none of the query's needles: that may only skip
  // quotes that tokenising would have rejected.
  it('keeps exactly the quotes whose tokens match, the ones it skips unread included (property)', () => {
    const word = fc.constantFrom(
      'ferry',
      'Pier',
      'PIERS',
      'the',
      'résumé',
      'RÉSUMÉS',
      'x',
      'Protesters',
      'said—',
      '“Ferry,”',
      'Baku’s',
      "O'Neill",
    );
    const text = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));
    const q = fc.constantFrom(
      'pier',
      'ferry pier',
      '"the ferry"',
      'resume',
      '=piers',
      'résumé x',
      'pi',
      'protest said',
      'baku’s',
      "o'neill",
    );
    fc.assert(
      fc.property(fc.array(text, { maxLength: 8 }), q, (texts, typed) => {
        const query = parseQuery(typed);
        const all = texts.map((t) => quote(t, null));
        const expected = all.filter((candidate) => {
          const tokens = tokenize(candidate.text);
          if (query.phrases.length > 0) return query.phrases.every((phrase) => findPhrase(tokens, phrase).length > 0);
          return matchSpans(tokens, query).length > 0;
        });
        expect(matchingQuotes(all, query)).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('findPassages skips paragraphs that cannot match, and only those', () => {
  it('still finds forms, close prefixes, folded accents and phrases in later paragraphs', () => {
    const text = [
      'Nothing here at all.',
      'The ministries said so.',
      'Then Jos\u00e9 spoke.',
      'The ministry\u2019s men went.',
      'A strong protest was made.',
      'Children came.',
    ].join('\n');
    const paragraphs = [...text.matchAll(/[^\n]+/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
    const document = { text, paragraphs };
    const first = (q: string) => findPassages(document, parseQuery(q), 6).map((p) => p.text);
    expect(first('ministry')).toEqual(['The ministries said so.', 'The ministry\u2019s men went.']);
    expect(first('jose')).toEqual(['Then Jos\u00e9 spoke.']);
    expect(first('"strong protest"')).toEqual(['A strong protest was made.']);
    expect(first('child')).toEqual(['Children came.']);
    expect(first('zebra')).toEqual([]);
  });
});
