import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, postJson, useScratchArchive } from '../helpers/scratch-archive.ts';

/**
 * Invented for this test: a report carrying the harbour master's words, inside a long article,
 * and a short notice crowded with the same words (but not the sentence), archived forty-five
 * times with only its capitals changed — distinct texts to the archive, one text to the quote
 * finder. The report, too, is archived three times, its capitals changed outside the quote. The notice's copies outrank the report in the index, so a candidate list of copies never
 * reaches the report.
 */
const QUOTE = 'The harbour wall will be rebuilt stone by stone before the winter storms arrive in the bay';
const filler = [
  'The town council met on Monday evening to discuss the budget for the coming year and the roads.',
  'Several residents asked about parking near the market square, which has been busy since spring.',
  'The library will extend its opening hours, and the swimming pool reopens after repairs next month.',
  'A new bus route will link the station with the hospital from March, the transport office said.',
];
const report = (title: string, publishedAt: string, fold: (text: string) => string) => ({
  title,
  publisher: 'Bay Herald',
  publishedAt,
  text: [
    ...filler.map(fold),
    `"${QUOTE}," harbour master Ines Varga told the meeting.`,
    ...filler.map((p) => p.replace('The', 'Then the')),
  ].join('\n\n'),
});
const NOTICE = 'harbour wall stone rebuilt winter storms bay arrive harbour wall stone rebuilt winter storms bay';
/** The notice with the words whose bit is set in `n` capitalised: the same words, another text. */
const notice = (n: number) => ({
  title: `Notice ${n}`,
  publisher: 'Notice Board',
  publishedAt: '2024-03-01',
  text: NOTICE.split(' ')
    .map((word, bit) => (n & (1 << bit) ? word[0].toUpperCase() + word.slice(1) : word))
    .join(' '),
});
const NOTICES = 45;

const scratch = useScratchArchive({ apiTokens: 'importer:quote-copies-token' });
const ids: string[] = [];
beforeAll(async () => {
  const items = [
    report('Harbour wall to be rebuilt', '2024-05-02', (text) => text),
    report('HARBOUR WALL TO BE REBUILT', '2024-05-05', (text) => text.toUpperCase()),
    report('Harbour wall: the first report', '2024-04-28', (text) => text.toLowerCase()),
    ...Array.from({ length: NOTICES }, (_, n) => notice(n)),
  ];
  const { status, body } = await postJson(scratch.app, '/api/documents:batch', items, {
    authorization: 'Bearer quote-copies-token',
  });
  expect(status).toBe(200);
  expect(body.added).toBe(items.length);
  ids.push(...body.results.map((r: { document: { id: string } }) => r.document.id));
}, 60_000);

describe('GET /api/quotes with many copies of one text', () => {
  it('counts copies as one candidate, so the source is found, and lists the copies, earliest first', async () => {
    const { status, body } = await getJson(scratch.app, `/api/quotes?q=${encodeURIComponent(`"${QUOTE}"`)}&limit=3`);
    expect(status).toBe(200);
    // Two texts: the report (in three copies) and the notice (in forty-five).
    expect(body.candidates).toBe(2);
    const [best] = body.results;
    // The three copies of the report match alike; the earliest publication leads.
    expect(best.document).toMatchObject({ id: ids[2], publishedAt: '2024-04-28' });
    expect(best.score).toBe(1);
    expect(best.alsoIn.map((a: { document: { id: string } }) => a.document.id)).toEqual([ids[0], ids[1]]);
    expect(best.alsoIn.every((a: { verdict: string }) => a.verdict === 'exact')).toBe(true);
    // No result repeats a text: the notice, if shown at all, is shown once.
    const notices = body.results.filter((r: { document: { id: string } }) => ids.indexOf(r.document.id) >= 3);
    expect(notices.length).toBeLessThanOrEqual(1);
  });
});
