/**
 * A typo: the word is in no document in any form, so close spellings are searched instead; the
 * answer says which (`didYouMean`) and the passages mark the words found, as written. A word
 * found in another form is not a typo.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { harbourArticle, protestArticle, shuffledArticle } from '../fixtures/articles.ts';
import { getJson, postJson, useScratchArchive } from '../helpers/scratch-archive.ts';

const scratch = useScratchArchive();
const ids: Record<string, string> = {};

/** A word Porter splits from its plural ("surplus" → surplu, "surpluses" → surplus): a form all the same. */
const budgetArticle = {
  title: 'Council budget',
  publisher: 'The Test Gazette',
  text: 'The council reported a surplus of two million this year.',
};

beforeAll(async () => {
  for (const [name, article] of Object.entries({ harbourArticle, protestArticle, shuffledArticle, budgetArticle })) {
    ids[name] = (await postJson(scratch.app, '/api/documents', article)).body.id;
  }
});

const search = async (q: string) =>
  (await getJson(scratch.app, `/api/search?q=${encodeURIComponent(q)}`)).body as {
    total: number;
    didYouMean: { text: string; replaced: Array<{ word: string; with: string }> } | null;
    results: Array<{
      id: string;
      passages: Array<{ text: string; start: number; highlights: Array<[number, number]> }>;
    }>;
  };

/** The highlighted words of a result's passages, as the text has them. */
const marked = (result: { passages: Array<{ text: string; start: number; highlights: Array<[number, number]> }> }) =>
  result.passages.flatMap((p) => p.highlights.map(([s, e]) => p.text.slice(s - p.start, e - p.start)));

describe('a search with a typo', () => {
  it('says which word was searched instead, and marks it in the passages', async () => {
    const page = await search('Ambasador summoned');
    expect(page.didYouMean).toEqual({
      text: 'ambassador summoned',
      replaced: [{ word: 'ambasador', with: 'ambassador' }],
    });
    expect(page.results.map((r) => r.id)).toEqual([ids.protestArticle]);
    expect(marked(page.results[0])).toEqual(expect.arrayContaining(['ambassador', 'summoned']));
  });

  it('keeps the rest of the query as typed, syntax included', async () => {
    const page = await search('"foreign ministry" ambasador');
    expect(page.didYouMean?.text).toBe('"foreign ministry" ambassador');
  });

  it('reports nothing for a word found as written or in another form', async () => {
    expect((await search('ambassador')).didYouMean).toBeNull();
    const forms = await search('ambassadors');
    expect(forms.total).toBe(1);
    expect(forms.didYouMean).toBeNull();
  });

  it('takes a form Porter splits for a form, not a typo, and a misspelling of it for a typo', async () => {
    const forms = await search('surpluses');
    expect(forms.didYouMean).toBeNull();
    expect(forms.results.map((r) => r.id)).toEqual([ids.budgetArticle]);
    expect(marked(forms.results[0])).toEqual(['surplus']);
    const typo = await search('surplis');
    expect(typo.didYouMean?.text).toBe('surplus');
    expect(typo.results.map((r) => r.id)).toEqual([ids.budgetArticle]);
  });

  it('marks the completions a prefix matched, as written', async () => {
    const page = await search('foreign summo');
    expect(page.didYouMean).toBeNull();
    expect(marked(page.results[0])).toEqual(expect.arrayContaining(['summoned']));
  });
});
