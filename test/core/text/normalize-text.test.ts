import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../functions/core/text/normalize-text.ts';
import { CORPUS, readSeed } from '../../helpers/corpus-path.ts';

describe('normalizeText: characters and whitespace', () => {
  it('unifies line breaks and joins every non-empty line as a paragraph', () => {
    expect(normalizeText('One.\r\nTwo.\rThree.\n\n\n\nFour.\u2028Five.')).toBe(
      'One.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.',
    );
  });

  it('turns odd spaces into spaces, collapses runs and trims lines and the whole text', () => {
    expect(normalizeText('  \n\tA\u00a0\u00a0b\u2009c\u202fd\u3000e   f  \n\n  ')).toBe('A b c d e f');
  });

  it('removes zero-width characters and soft hyphens but keeps joiners that carry meaning', () => {
    expect(normalizeText('con\u00adtent zero\u200bwidth \ufeffbom word\u2060joiner')).toBe(
      'content zerowidth bom wordjoiner',
    );
    const family = '\u{1f468}\u200d\u{1f469}\u200d\u{1f467}';
    expect(normalizeText(`Family ${family} emoji; Persian می\u200cخواهم`)).toBe(
      `Family ${family} emoji; Persian می\u200cخواهم`,
    );
  });

  it('composes to NFC, also when a removed character separated a letter from its accent', () => {
    expect(normalizeText('Cafe\u0301 and e\u200b\u0301')).toBe('Caf\u00e9 and \u00e9');
  });

  it('drops stray control characters', () => {
    expect(normalizeText('Bell\u0007 and\u0000 escape\u001b.\fNext page.')).toBe('Bell and escape.\n\nNext page.');
  });
});

describe('normalizeText: page furniture', () => {
  it('strips menus, prompts and share rows at the edges', () => {
    const raw = [
      'Skip to content',
      '- Category',
      '- Latest news',
      'Home > World > Europe',
      'Facebook Twitter WhatsApp Email',
      'Headline of the story',
      'The story itself.',
      'Share this article',
      'Follow us on Google News',
      'Subscribe to our newsletter',
      'Tags: harbour, ferry',
      'We use cookies to improve your experience. By continuing you accept our cookie policy.',
      'Accept all',
    ].join('\n');
    expect(normalizeText(raw)).toBe('Headline of the story\n\nThe story itself.');
  });

  it('strips furniture between paragraphs too', () => {
    const raw =
      'First.\nAdvertisement\nSecond.\nRead more »\nThird.\n-e027084132fee1ae6b313d8b1d5dfc34.jpg)\nFourth.\n![photo](https://x.test/a.png)\nFifth.\nTrending\nSixth.\nComments (12)';
    expect(normalizeText(raw)).toBe('First.\n\nSecond.\n\nThird.\n\nFourth.\n\nFifth.\n\nSixth.');
  });

  it('never removes a line that is a real sentence, even with furniture words in it', () => {
    const lines = [
      'Share prices fell 3% on Monday.',
      'Read more about the plan in the report, the minister said.',
      'Subscribers to the service complained that prices had risen, the regulator said in a statement on Monday.',
      'Home Secretary Ann Lee said the review would report in May.',
      'Trending topics included the ferry, the bridge and the weather.',
      'He said x > y > z was obvious to anyone.',
      'Image: Nicholas Moreau.',
      '—Troy Roberts',
      'Hobbits',
      '- Have random drug tests',
      '- Spend three years on probation',
    ];
    expect(normalizeText(lines.join('\n'))).toBe(lines.join('\n\n'));
  });

  it('keeps embedded posts with their media links and attribution lines', () => {
    const raw =
      'Intro.\nThe embassy was hit by fragments. pic.twitter.com/abc123XYZ\n— Jane Doe (@janedoe) November 14, 2025\nOutro.';
    expect(normalizeText(raw)).toBe(
      'Intro.\n\nThe embassy was hit by fragments. pic.twitter.com/abc123XYZ\n\n— Jane Doe (@janedoe) November 14, 2025\n\nOutro.',
    );
  });

  it('returns an empty string when only furniture is left', () => {
    expect(normalizeText('- Category\nShare\nLeave a comment\n\n')).toBe('');
  });
});

describe.skipIf(!existsSync(resolve(CORPUS, 'seeds')))('normalizeText on the corpus', () => {
  it('cleans the embassy seed report: furniture gone, post, attribution and quotes kept', () => {
    const text = normalizeText(readSeed('embassy-protest-report.txt'));
    const paragraphs = text.split('\n\n');
    for (const furniture of ['- Category', '- Latest news', 'Leave a comment', 'Trending']) {
      expect(paragraphs).not.toContain(furniture);
    }
    expect(text).not.toMatch(/\.jpe?g\)/);
    expect(paragraphs[0]).toMatch(/^“Unacceptable”: Azerbaijan Files Protest/);
    expect(text).toMatch(/Heydar… pic\.twitter\.com\/z1evrgY9Wg/);
    expect(paragraphs).toContain('— Гюндуз Мамедов/Gyunduz Mamedov (@MamedovGyunduz) November 14, 2025');
    expect(
      paragraphs.some((p) => p.startsWith('— Könül Şahin') && p.endsWith('(@KonulikShahin) November 14, 2025')),
    ).toBe(true);
    expect(text).toContain(
      '“During the meeting, it was stressed that such attacks on our diplomatic missions are unacceptable, and it was requested that the Russian side conduct an appropriate investigation into the issue and provide a detailed explanation,” the ministry said.',
    );
    expect(text).toContain('“questions about the deliberate nature of the missile attacks.”');
    expect(text).not.toMatch(/\n{3,}|[ \t]\n|\n[ \t]/);
  });

  it('strips the trailing furniture of the seed analysis', () => {
    const text = normalizeText(readSeed('embassy-protest-analysis.txt'));
    expect(text).toMatch(/entirely beyond the reach of modern conflict\.$/);
  });

  for (const dataset of ['wikinews-2019-2020', 'bbc-news']) {
    it.skipIf(!existsSync(resolve(CORPUS, dataset)))(`keeps every sentence line of ${dataset}`, () => {
      const file = readFileSync(resolve(CORPUS, dataset, 'articles.jsonl'), 'utf8');
      const lost: string[] = [];
      for (const line of file.split('\n').filter(Boolean)) {
        const { text } = JSON.parse(line) as { text: string };
        const kept = new Set(normalizeText(text).split('\n\n'));
        for (const original of text.split('\n')) {
          const clean = original.replace(/\s+/g, ' ').trim().normalize('NFC');
          if (clean.split(' ').length >= 3 && !kept.has(clean)) lost.push(clean);
        }
      }
      // The one line the rules drop on purpose: a wiki image reference ("File:… (cropped).jpg").
      expect(lost.filter((l) => !/^File:.*\.jpg$/.test(l))).toEqual([]);
    });
  }
});

describe('normalizeText properties', () => {
  const pieces = fc.constantFrom(
    'a',
    'Word',
    ' ',
    '  ',
    '\n',
    '\n\n',
    '\r\n',
    '\r',
    '\t',
    '\u00a0',
    '\u200b',
    '\u00ad',
    '\u0301',
    'e',
    '\u2028',
    'Share',
    'Trending',
    '- Category',
    '- x',
    '.jpg)',
    'Home > A > B',
    '“quoted,” she said.',
    'Ω',
    '\u2000',
    '\u0007',
    'ﬁ',
  );
  const texts = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 80 }),
    fc.array(pieces, { maxLength: 40 }).map((p) => p.join('')),
  );

  it('is idempotent', () => {
    fc.assert(
      fc.property(texts, (raw) => {
        const once = normalizeText(raw);
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves no blank-line runs, no edge whitespace and no odd spaces', () => {
    fc.assert(
      fc.property(texts, (raw) => {
        const text = normalizeText(raw);
        expect(text).toBe(text.trim());
        expect(text).not.toMatch(/\n{3,}|(?<!\n)\n(?!\n)| {2}|[\t\r\u00a0\u200b]/);
      }),
      { numRuns: 1000 },
    );
  });
});
