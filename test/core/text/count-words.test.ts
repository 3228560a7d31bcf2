import { describe, expect, it } from 'vitest';
import { countWords } from '../../../functions/core/text/count-words.ts';
import { countWords as reexported } from '../../../functions/core/text/normalize-text.ts';
import { classifyQuoteKind } from '../../../functions/core/quotes/classify-quote-kind.ts';

describe('countWords', () => {
  it('counts space-separated tokens that contain a letter or digit', () => {
    expect(countWords('"We will rebuild," Mayor Ana Ruiz said — again.')).toBe(8);
    expect(countWords('1,000 e-mail don’t')).toBe(3);
    expect(countWords('')).toBe(0);
    expect(countWords(' — … \n\n ')).toBe(0);
  });

  it('segments scripts written without spaces', () => {
    expect(countWords('我们今天去北京')).toBe(4);
  });

  it('is exported from normalize-text too', () => {
    expect(reexported).toBe(countWords);
  });

  it('measures a quote as it measures a document: a lone sign is not a word', () => {
    const unattributed = { attributed: false, standalone: false };
    expect(classifyQuoteKind('the Richard & Judy effect', unattributed)).toBe('term');
    expect(classifyQuoteKind('the Richard and Judy effect', unattributed)).toBe('speech');
  });
});
