import { describe, expect, it } from 'vitest';
import {
  byEarliest,
  groupMatches,
  type DocumentInfo,
  type RankedMatch,
} from '../../../functions/core/quote-finder/group-matches.ts';
import type { QuoteMatch } from '../../../functions/core/quote-finder/match-claim.ts';

const doc = (id: string, publishedAt: string | null, ingestedAt = '2024-06-01T00:00:00Z'): DocumentInfo => ({
  id,
  title: id,
  publisher: null,
  url: null,
  publishedAt,
  ingestedAt,
  originalSha256: 'f'.repeat(64),
});
const ranked = (
  document: DocumentInfo,
  rank: number,
  keys: number[],
  verdict: QuoteMatch['verdict'] = 'words_differ',
): RankedMatch => ({
  document,
  rank,
  keys,
  match: { score: rank, verdict } as QuoteMatch,
});

describe('groupMatches', () => {
  it('folds copies of the same passage into the best match, earliest first', () => {
    const groups = groupMatches([
      ranked(doc('rewrite', '2024-05-15'), 0.9, [1, 2, 3, 4, 5]),
      ranked(doc('late', null), 0.9, [1, 2, 3, 4, 5]),
      ranked(doc('original', '2024-05-14'), 0.95, [1, 2, 3, 4, 5]),
      ranked(doc('other', '2024-01-01'), 0.7, [9, 8, 7, 6]),
    ]);
    expect(groups.map((g) => g.best.document.id)).toEqual(['original', 'other']);
    expect(groups[0].others.map((o) => o.document.id)).toEqual(['rewrite', 'late']);
  });

  it('prefers the exact wording, then the earliest document, when scores tie', () => {
    const groups = groupMatches([
      ranked(doc('b', '2024-02-01'), 1, [1, 2], 'punctuation_or_case'),
      ranked(doc('a', '2024-03-01'), 1, [1, 2], 'exact'),
    ]);
    expect(groups[0].best.document.id).toBe('a');
    const tie = groupMatches([ranked(doc('b', '2024-02-01'), 1, [1, 2]), ranked(doc('a', '2024-01-01'), 1, [1, 2])]);
    expect(tie[0].best.document.id).toBe('a');
  });

  it('orders by publication date, then archive date, undated last', () => {
    const list = [
      doc('c', null, '2024-01-01'),
      doc('b', '2024-01-01', '2024-02-02'),
      doc('a', '2024-01-01', '2024-02-01'),
    ];
    expect(list.sort(byEarliest).map((d) => d.id)).toEqual(['a', 'b', 'c']);
  });
});
