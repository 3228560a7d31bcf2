import { describe, expect, it } from 'vitest';
import { findQuoteSpans, splitLines } from '../../../functions/core/quotes/find-quote-spans.ts';

// Invented fixtures.
const whole = (text: string) => [{ start: 0, end: text.length }];
const words = (text: string) => findQuoteSpans(text, whole(text)).map((s) => text.slice(s.start, s.end));

describe('findQuoteSpans', () => {
  it('runs an unclosed quote to the end of its line and records no closing mark', () => {
    const text = '“First paragraph of a long quote\n“Second one.”';
    const spans = findQuoteSpans(text, whole(text));
    expect(spans.map((s) => [text.slice(s.start, s.end), s.close === null])).toEqual([
      ['First paragraph of a long quote', true],
      ['Second one.', false],
    ]);
  });

  it('ignores marks inside <…> pseudo-tags', () => {
    expect(words('<tweet author="someone"> He said “hi.”')).toEqual(['hi.']);
  });

  it('restarts when a second opening mark appears before a closing one', () => {
    expect(words('“Lost its close. “A new quote.”')).toEqual(['Lost its close.', 'A new quote.']);
  });

  it('keeps a curly quote nested inside a straight one', () => {
    expect(words('"He called it “fine” and left."')).toEqual(['He called it “fine” and left.']);
  });

  it('skips an empty pair', () => {
    expect(words('Nothing “ ” here.')).toEqual([]);
  });
});

describe('splitLines', () => {
  it('splits paragraphs on single newlines and drops empty lines', () => {
    expect(
      splitLines('a\nb\n\nc', [
        { start: 0, end: 3 },
        { start: 5, end: 6 },
      ]),
    ).toEqual([
      { start: 0, end: 1 },
      { start: 2, end: 3 },
      { start: 5, end: 6 },
    ]);
  });
});
