/**
 * The report seed (`seeds/embassy-protest-report.txt` in the shared corpus): the three attributions
 * the speaker issue names, and no speaker that is a clause fragment. Reads the corpus in place.
 */
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../functions/core/quotes/extract-quotes.ts';
import { normalizeText } from '../../../functions/core/text/normalize-text.ts';
import { splitParagraphs } from '../../../functions/core/text/split-paragraphs.ts';
import { readSeed } from '../../helpers/corpus-path.ts';

const text = normalizeText(readSeed('embassy-protest-report.txt'));
const quotes = extractQuotes(text, splitParagraphs(text));
const starting = (words: string) => quotes.find((quote) => quote.text.startsWith(words));

describe('the report seed', () => {
  it('credits a partial quote inside reported speech to the one who reported it', () => {
    expect(starting('hundreds of drones and missiles')?.speaker).toMatch(/Zelenskyy$/);
  });

  it('resolves "a pattern it says raises …" to the ministry', () => {
    expect(starting('questions about the deliberate nature')?.speaker).toMatch(/foreign ministry$/);
  });

  it('takes the name of a missile in quote marks as a term, with no speaker', () => {
    expect(starting('Kinzhal')).toMatchObject({ kind: 'term', speaker: null });
  });

  it('has no speaker that ends in a function word or starts with a conjunction', () => {
    const speakers = quotes.map((quote) => quote.speaker).filter((speaker): speaker is string => speaker !== null);
    expect(speakers.length).toBeGreaterThanOrEqual(9);
    for (const speaker of speakers) {
      expect(speaker).not.toMatch(/\b(and|or|but|the|of|in|as|who|that|during|to)$/i);
      expect(speaker).not.toMatch(/^(and|but|or)\b/i);
    }
  });
});
