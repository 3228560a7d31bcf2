import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, postJson, useScratchArchive } from '../helpers/scratch-archive.ts';

/** Invented for this test: a report, and a later rewrite of it that repeats the minister's quote. */
const report = {
  title: 'Floodgates hold as river peaks in Marden',
  publisher: 'Valley Courier',
  publishedAt: '2024-04-10',
  url: 'https://example.org/marden-floodgates',
  text: [
    'The river Lune peaked at 5.2 metres in Marden on Tuesday night, the highest level since records began.',
    '"The floodgates held because people worked through the night to reinforce them, and I want to thank every one of them," Water Minister Petra Hollis said on Wednesday.',
    'About 300 homes were evacuated as a precaution. Most residents returned by the afternoon.',
  ].join('\n\n'),
};
const rewrite = {
  title: 'What the Marden flood tells us about river defences',
  publisher: 'Weekly Review',
  publishedAt: '2024-04-12',
  text: [
    'Rivers across the north rose sharply last week, and Marden came closest to disaster.',
    '“The floodgates held because people worked through the night to reinforce them, and I want to thank every one of them,” Water Minister Petra Hollis said.',
    'Engineers say the gates were built for a once-in-a-century flood and may need raising.',
  ].join('\n\n'),
};
const unrelated = {
  title: 'Library extends opening hours',
  publisher: 'Valley Courier',
  publishedAt: '2024-04-11',
  text: 'The Marden library will open until nine on weekdays. "People asked for evenings, so we listened," librarian Tom Baines said.',
};

const scratch = useScratchArchive();
const ids: Record<string, string> = {};
beforeAll(async () => {
  // The rewrite is archived first: "earliest" must follow publication dates, not archive order.
  for (const [name, article] of Object.entries({ rewrite, report, unrelated })) {
    ids[name] = (await postJson(scratch.app, '/api/documents', article)).body.id;
  }
});

const quotes = (q: string, extra = '') => getJson(scratch.app, `/api/quotes?q=${encodeURIComponent(q)}${extra}`);
const QUOTE =
  'The floodgates held because people worked through the night to reinforce them, and I want to thank every one of them';

describe('GET /api/quotes', () => {
  it('returns the original passage with speaker, verdict, diff and context, and lists the other document', async () => {
    const { status, body } = await quotes(`"${QUOTE}."`);
    expect(status).toBe(200);
    expect(typeof body.tookMs).toBe('number');
    // One result: the copy in the rewrite is listed with it, not repeated.
    expect(body.results).toHaveLength(1);
    const [best] = body.results;
    // Both copies match exactly; the earlier publication leads and the rewrite is listed with it.
    expect(best.document).toMatchObject({
      id: ids.report,
      title: report.title,
      publisher: 'Valley Courier',
      publishedAt: '2024-04-10',
      url: report.url,
    });
    expect(best).toMatchObject({
      verdict: 'exact',
      score: 1,
      speaker: expect.stringMatching(/Petra Hollis$/),
      speakerSource: 'quote',
      fragment: false,
    });
    expect(best.passage.kind).toBe('quote');
    expect(best.passage.text).toBe(`${QUOTE},`);
    expect(best.diff.every((d: { op: string }) => d.op === 'kept')).toBe(true);
    expect(best.before.text).toMatch(/^The river Lune peaked/);
    expect(best.after.text).toBe('About 300 homes were evacuated as a precaution.');
    expect(best.alsoIn).toHaveLength(1);
    expect(best.alsoIn[0]).toMatchObject({
      document: { id: ids.rewrite, publishedAt: '2024-04-12' },
      verdict: 'exact',
      speaker: expect.stringMatching(/Petra Hollis$/),
    });

    const document = (await getJson(scratch.app, `/api/documents/${ids.report}`)).body;
    expect(document.text.slice(best.passage.start, best.passage.end)).toBe(best.passage.text);
    expect(document.text.slice(best.match.start, best.match.end)).toBe(best.match.text);
    for (const op of best.diff) expect(document.text.slice(op.start, op.end)).toBe(op.original);
  });

  it.each([
    [
      'dropped words',
      'The floodgates held because people worked through the night, and I want to thank every one of them',
      'words_differ',
    ],
    [
      'added words',
      'The floodgates only held because brave people worked all through the night to reinforce them',
      'words_differ',
    ],
    [
      'swapped words',
      'The floodgates held because people worked through the night to reinforce them, and I want to thank one every of them',
      'words_differ',
    ],
    [
      'reordered clauses',
      'I want to thank every one of them: the floodgates held because people worked through the night to reinforce them',
      'words_differ',
    ],
    [
      'a changed word form',
      'The floodgate held because people work through the night to reinforce them',
      'words_differ',
    ],
    [
      'other punctuation and case',
      "'the floodgates held because people worked through the night to reinforce them - and i want to thank every one of them!'",
      'punctuation_or_case',
    ],
    ['a fragment', 'worked through the night to reinforce them', 'exact'],
  ])('finds it from %s', async (_name, claim, verdict) => {
    const { status, body } = await quotes(claim);
    expect(status).toBe(200);
    const [best] = body.results;
    expect([best.document.id, ...best.alsoIn.map((o: { document: { id: string } }) => o.document.id)].sort()).toEqual(
      [ids.report, ids.rewrite].sort(),
    );
    expect(best.document.id).toBe(ids.report);
    expect(best.verdict).toBe(verdict);
    expect(best.speaker).toMatch(/Petra Hollis$/);
    if (verdict === 'words_differ') expect(best.diff.some((d: { op: string }) => d.op !== 'kept')).toBe(true);
  });

  it('gives a permalink to the exact passage and a ready citation', async () => {
    const [best] = (await quotes(QUOTE)).body.results;
    const { start, end } = best.match;
    expect(best.permalink).toBe(`http://localhost/documents/${ids.report}?at=${start}-${end}#at`);
    expect(best.alsoIn[0].permalink).toMatch(new RegExp(`/documents/${ids.rewrite}\\?at=\\d+-\\d+#at$`));
    expect(best.citation).toMatchObject({
      publisher: 'Valley Courier',
      title: report.title,
      publishedAt: '2024-04-10',
      url: report.url,
      archiveId: ids.report,
    });
    expect(best.citation.originalSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(best.citation.text).toContain(`Valley Courier. "${report.title}". 10 April 2024. ${report.url}.`);
    expect(best.citation.text).toContain(best.citation.originalSha256);
    // The permalink opens the document page with exactly that passage marked, at the fragment.
    const page = await (await scratch.app.request(best.permalink.replace('http://localhost', ''))).text();
    expect(page).toMatch(/<span class="target" id="at"/);
    expect(page.slice(page.search(/id="at"/)).replace(/<[^>]+>/g, '')).toContain(best.match.text);
  });

  it('calls a word-for-word claim with apostrophes exact', async () => {
    const created = await postJson(scratch.app, '/api/documents', {
      title: 'Harbour chief on the dredging plan',
      text: '“We don’t know what the minister’s plan is, and that’s the problem,” harbour chief Ines Garde said on Friday.',
    });
    const [best] = (await quotes('We don’t know what the minister’s plan is')).body.results;
    expect(best.document.id).toBe(created.body.id);
    expect(best.verdict).toBe('exact');
    const straight = (await quotes("We don't know what the minister's plan is")).body.results[0];
    expect(['exact', 'punctuation_or_case']).toContain(straight.verdict);
  });

  it('shows what changed word by word', async () => {
    const { body } = await quotes('The floodgates held because people worked all night to reinforce them');
    const ops = body.results[0].diff.map(
      (d: { op: string; claim?: string; original?: string }) => `${d.op}:${d.claim ?? ''}/${d.original ?? ''}`,
    );
    expect(ops).toEqual([
      'kept:The/The',
      'kept:floodgates/floodgates',
      'kept:held/held',
      'kept:because/because',
      'kept:people/people',
      'kept:worked/worked',
      'changed:all/through',
      'missing:/the',
      'kept:night/night',
      'kept:to/to',
      'kept:reinforce/reinforce',
      'kept:them/them',
    ]);
  });

  it('finds words of the narration too', async () => {
    const { body } = await quotes('about 300 homes were evacuated');
    expect(body.results[0]).toMatchObject({
      document: { id: ids.report },
      verdict: 'punctuation_or_case',
      fragment: true,
    });
    expect(body.results[0].passage).toMatchObject({
      kind: 'narration',
      text: 'About 300 homes were evacuated as a precaution.',
    });
  });

  it('says whether the source names the claimed speaker, and never re-ranks for it', async () => {
    const plain = await quotes(QUOTE, '&limit=5');
    expect(plain.body.results[0].speakerMatch).toBeUndefined();
    const right = await quotes(QUOTE, '&limit=5&speaker=' + encodeURIComponent('Ms Hollis'));
    const wrong = await quotes(QUOTE, '&limit=5&speaker=Tom%20Baines');
    // The same passages in the same order, whoever is claimed.
    const order = (r: { body: { results: Array<{ document: { id: string }; score: number }> } }) =>
      r.body.results.map((x) => [x.document.id, x.score]);
    expect(order(right)).toEqual(order(plain));
    expect(order(wrong)).toEqual(order(plain));
    expect(right.body.results[0]).toMatchObject({
      speaker: expect.stringMatching(/Petra Hollis$/),
      speakerMatch: 'same',
    });
    expect(wrong.body.results[0]).toMatchObject({
      speaker: expect.stringMatching(/Petra Hollis$/),
      speakerMatch: 'different',
    });
    const narration = await quotes('about 300 homes were evacuated', '&speaker=Tom%20Baines');
    expect(narration.body.results[0].speakerMatch).toBe('unknown');
    const limited = await quotes(QUOTE, '&limit=1');
    expect(limited.body.results).toHaveLength(1);
  });

  it('answers a claim nobody said with no results', async () => {
    expect((await quotes('xylophone quartet zeppelin')).body.results).toEqual([]);
  });

  it.each([
    ['a missing q', '', /q/],
    ['an empty q', '?q=', /quote/],
    ['a single word', '?q=floodgates', /two words/],
    ['a q over 1000 characters', `?q=${'word '.repeat(210)}`, /1000/],
    ['a limit over 20', `?q=${encodeURIComponent(QUOTE)}&limit=21`, /limit/],
    ['a limit of 0', `?q=${encodeURIComponent(QUOTE)}&limit=0`, /limit/],
    ['a speaker over 200 characters', `?q=${encodeURIComponent(QUOTE)}&speaker=${'x'.repeat(201)}`, /speaker/],
  ])('rejects %s with 400', async (_name, query, message) => {
    const { status, body } = await getJson(scratch.app, `/api/quotes${query}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe('bad_request');
    expect(body.error.message).toMatch(message);
  });

  it('is documented in the OpenAPI document', async () => {
    const { body } = await getJson(scratch.app, '/api/openapi.json');
    expect(body.paths['/api/quotes'].get.parameters.map((p: { name: string }) => p.name).sort()).toEqual([
      'limit',
      'q',
      'speaker',
    ]);
  });
});
