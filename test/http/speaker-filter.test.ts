import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, postJson, useScratchArchive } from '../helpers/scratch-archive.ts';

/**
 * Invented for this test: one person under three spellings, another person of the same first name
 * whose quote must stay apart, and an article that names him under two forms at once.
 */
const articles = [
  {
    title: 'Air defence briefing',
    publishedAt: '2024-06-01',
    text: '"The sky over the capital was defended all night," Zelenskyy said on Saturday. Crews cleared debris.',
  },
  {
    title: 'Harvest outlook',
    publishedAt: '2024-06-02',
    text: '"Our farmers will sow every field they can reach," Zelensky told a news conference. Prices fell.',
  },
  {
    title: 'Summit preparations',
    publishedAt: '2024-06-03',
    text: '"We expect firm answers at the summit," Mr Zelensky said. "The sky must be closed," Zelenskyy added later.',
  },
  {
    title: 'Ferry timetable',
    publishedAt: '2024-06-04',
    text: '"The sky ferry will run twice a day from July," said Volodymyr Petrenko, the harbour master. Tickets go on sale soon.',
  },
];

const scratch = useScratchArchive();
beforeAll(async () => {
  for (const article of articles)
    expect((await postJson(scratch.app, '/api/documents', { ...article, publisher: 'Test Wire' })).status).toBe(201);
});

const search = (q: string) => getJson(scratch.app, `/api/search?q=${encodeURIComponent(q)}`);

describe('speaker: and the speaker facet, one entry per person', () => {
  it('finds every document of the person whichever spelling is typed, and only theirs', async () => {
    for (const name of ['Zelenskyy', 'Zelensky', 'Mr Zelensky', 'zelenskiy']) {
      const { status, body } = await search(`speaker:"${name}"`);
      expect(status).toBe(200);
      expect(body.results.map((r: { title: string }) => r.title).sort()).toEqual([
        'Air defence briefing',
        'Harvest outlook',
        'Summit preparations',
      ]);
      expect(body.total).toBe(3);
    }
    expect((await search('speaker:Petrenko')).body.results.map((r: { title: string }) => r.title)).toEqual([
      'Ferry timetable',
    ]);
  });

  it('lists the person’s quotes in each hit under any form, and combines with words', async () => {
    const { body } = await search('sky speaker:Zelensky');
    expect(body.results.map((r: { title: string }) => r.title).sort()).toEqual([
      'Air defence briefing',
      'Summit preparations',
    ]);
    const summit = body.results.find((r: { title: string }) => r.title === 'Summit preparations');
    expect(summit.quotes.map((q: { speaker: string }) => q.speaker)).toEqual(['Zelenskyy']);
    // The article's "Mr Zelensky said" is stored as "Zelensky": typed with the title, it still matches.
    const titled = (await search('speaker:"Mr Zelensky" summit')).body.results;
    expect(titled.map((r: { title: string }) => r.title)).toEqual(['Summit preparations']);
    expect(titled[0].quotes.map((q: { speaker: string }) => q.speaker)).toEqual(['Zelensky']);
  });

  it('shows one facet value per person with the documents counted once', async () => {
    const { body } = await search('sky OR fields OR summit');
    const zelensky = body.facets.speakers.filter((f: { value: string }) => /zelensk/i.test(f.value));
    expect(zelensky).toHaveLength(1);
    expect(zelensky[0].count).toBe(3);
    expect(body.facets.speakers.find((f: { value: string }) => /Petrenko/.test(f.value))?.count).toBe(1);
    // The facet's value is a speaker filter that finds the same documents again.
    expect((await search(`speaker:"${zelensky[0].value}"`)).body.total).toBe(3);
  });

  it('finds nothing for a speaker the archive does not quote', async () => {
    const { status, body } = await search('speaker:"Nobody Knownhere"');
    expect(status).toBe(200);
    expect(body.total).toBe(0);
  });
});
