import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countFacets } from '../../functions/app/search-archive.ts';
import type { StoredDocument } from '../../functions/core/search/index.ts';

/** Every value sorted, most frequent first and ties by `localeCompare`, then the first twelve. */
function reference(values: string[], byValue = false) {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  const top = [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
    .slice(0, 12);
  return byValue ? top.sort((a, b) => b.value.localeCompare(a.value)) : top;
}

describe('countFacets', () => {
  // Few distinct counts and many values, so ties cross the twelfth place; accented and cased
  // names, so the order is the collator's and not the code units'.
  const publisher = fc.constantFrom(
    ...'BBC bbc Élysée Elysee Zeit zeit Ärzte Arzte Wire Reuters AP AFP Le Monde El País DW NHK ABC CBC RTÉ'.split(' '),
  );
  const year = fc.integer({ min: 1990, max: 2026 }).map(String);

  it('lists the twelve most frequent values, ties in locale order, years newest first (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(publisher, year), { maxLength: 80 }), (rows) => {
        const documents: StoredDocument[] = rows.map(([p, y], n) => ({
          id: String(n),
          publisher: p,
          publishedAt: `${y}-01-01`,
          speakers: [],
        }));
        const facets = countFacets(documents);
        expect(facets.publishers).toEqual(reference(rows.map(([p]) => p)));
        expect(facets.years).toEqual(
          reference(
            rows.map(([, y]) => y),
            true,
          ),
        );
      }),
      { numRuns: 500 },
    );
  });
});
