/**
 * A passage view (the part of a large document that a search result can reach) gives the same
 * passages and matching quotes as the whole document, for every query: the worker sends only the
 * view to the request thread, so a difference would show a result page wrong passages.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Paragraph, Quote } from '../../../functions/core/document.ts';
import {
  findPassages,
  matchingQuotes,
  PASSAGE_SCAN_CHARS,
  QUOTE_SCAN_COUNT,
} from '../../../functions/core/search/find-passages.ts';
import { parseQuery } from '../../../functions/core/search/parse-query.ts';
import { passageViewOf, type PassageView } from '../../../functions/core/search/passage-view.ts';
import { SENTENCE_CHUNK_CHARS } from '../../../functions/core/text/split-sentences.ts';

const WORDS = ['the', 'council', 'said', 'road', 'would', 'close', 'Mr.', 'Potter', 'nothing', 'ferry'];
/** Rare words, so that a query's scan reads to the budget instead of stopping at three perfect sentences. */
const RARE = ['zebra', 'quokka'];
const QUERIES = ['zebra', 'quokka', 'zebra quokka', '"zebra quokka"', 'potter zebra', 'said'];

/** A small seeded generator: texts of hundreds of K characters built fast and the same every run. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => (state = (state * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32;
}

/** A document with paragraphs of the given lengths (about), sentences of pool words, a few rare ones. */
function documentOf(lengths: number[], seed: number, rareEvery: number): PassageView {
  const next = random(seed);
  const pieces: string[] = [];
  const paragraphs: Paragraph[] = [];
  let at = 0;
  for (const length of lengths) {
    let paragraph = '';
    while (paragraph.length < length) {
      const words = Array.from({ length: 3 + Math.floor(next() * 12) }, () =>
        next() < 1 / rareEvery ? RARE[Math.floor(next() * 2)] : WORDS[Math.floor(next() * WORDS.length)],
      );
      paragraph += `${paragraph ? ' ' : ''}${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
    }
    if (pieces.length > 0) {
      pieces.push('\n\n');
      at += 2;
    }
    pieces.push(paragraph);
    paragraphs.push({ start: at, end: at + paragraph.length });
    at += paragraph.length;
  }
  return { id: 'd', title: 'T', publisher: null, publishedAt: null, text: pieces.join(''), paragraphs, quotes: [] };
}

function expectSamePassages(document: PassageView) {
  const view = passageViewOf(document);
  for (const q of QUERIES) {
    const query = parseQuery(q);
    expect(findPassages(view, query), q).toEqual(findPassages(document, query));
  }
  return view;
}

describe('passageViewOf', () => {
  it('keeps a small document whole', () => {
    const document = documentOf([300, 2_000, 500], 7, 50);
    const view = passageViewOf(document);
    expect(view.text).toBe(document.text);
    expect(view.paragraphs).toBe(document.paragraphs);
  });

  it('cuts one huge paragraph a margin past the scan budget, with the same passages', () => {
    const document = documentOf([1_000_000], 11, 400);
    const view = expectSamePassages(document);
    expect(view.text.length).toBeLessThan(PASSAGE_SCAN_CHARS + 5 * SENTENCE_CHUNK_CHARS);
    expect(document.text.startsWith(view.text)).toBe(true);
  });

  it('keeps a match past the budget in the run of sentences the scan ends on', () => {
    const document = documentOf([1_000_000], 13, Infinity);
    // The only rare word, just past the budget: the scan's last run of sentences still holds it.
    const at = document.text.indexOf(' ', PASSAGE_SCAN_CHARS + 300);
    const text = `${document.text.slice(0, at)} zebra${document.text.slice(at + 6)}`;
    const moved = { ...document, text };
    const passages = findPassages(moved, parseQuery('zebra'));
    expect(passages).toHaveLength(1);
    expect(findPassages(passageViewOf(moved), parseQuery('zebra'))).toEqual(passages);
  });

  it('stops after the paragraphs the scan can reach, many tiny ones included', () => {
    const tiny = documentOf(
      Array.from({ length: 80_000 }, () => 3),
      5,
      30,
    );
    const view = expectSamePassages(tiny);
    expect(view.paragraphs.length).toBeLessThan(tiny.paragraphs.length);
  });

  it('gives the same passages as the whole document for paragraphs of any lengths (property)', () => {
    const length = fc.oneof(
      fc.integer({ min: 1, max: 300 }),
      fc.integer({ min: 300, max: SENTENCE_CHUNK_CHARS + 200 }),
      fc.integer({ min: SENTENCE_CHUNK_CHARS, max: 60_000 }),
    );
    fc.assert(
      fc.property(
        fc.array(length, { minLength: 20, maxLength: 120 }),
        fc.integer(),
        fc.constantFrom(200, 2_000),
        (lengths, seed, rareEvery) => {
          expectSamePassages(documentOf(lengths, seed, rareEvery));
        },
      ),
      { numRuns: 12 },
    );
  });

  it('keeps the quotes a search reads', () => {
    const quotes: Quote[] = Array.from({ length: QUOTE_SCAN_COUNT + 500 }, (_, i) => ({
      text: i % 7 === 0 ? 'zebra crossing' : 'road works',
      start: 0,
      end: 1,
      speaker: null,
      mention: null,
      verb: 'said',
      kind: 'speech',
    }));
    const document = { ...documentOf([500], 3, 50), quotes };
    const view = passageViewOf(document);
    expect(view.quotes).toHaveLength(QUOTE_SCAN_COUNT);
    for (const q of QUERIES)
      expect(matchingQuotes(view.quotes, parseQuery(q))).toEqual(matchingQuotes(quotes, parseQuery(q)));
  });
});
