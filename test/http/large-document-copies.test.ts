/**
 * Documents over 1 MB are linked too: their fingerprints come from the parsing worker (and, as a
 * candidate, are computed in a worker from the stored JSON), never on the request thread. Real
 * app on s3rver + dynalite.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../bench/bench-queries.ts';
import { getJson, postJson, useScratchArchive } from '../helpers/scratch-archive.ts';

const scratch = useScratchArchive();

/** Paragraphs of seeded random words: varied enough that every 5-word shingle is its own. */
function paragraphs(count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const vocabulary = Array.from({ length: 4000 }, (_, i) => `w${i.toString(36)}ord${'aeiou'[i % 5]}`);
  return Array.from(
    { length: count },
    () => Array.from({ length: 120 }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(' ') + '.',
  );
}

async function ingest(title: string, text: string): Promise<string> {
  const created = await postJson(scratch.app, '/api/documents', { title, text });
  expect(created.status).toBe(201);
  return created.body.id as string;
}

const copiesOf = async (id: string): Promise<string[]> =>
  (await getJson(scratch.app, `/api/documents/${id}`)).body.copies.map((c: { id: string }) => c.id).sort();

describe('copies of a document over 1 MB', () => {
  const body = paragraphs(1400, 12); // about 1.3 MB of text
  const ids: Record<string, string> = {};

  it('finds a 1.3 MB document as a copy of a smaller one archived before it, both ways', async () => {
    const smaller = body.slice(0, 200).join('\n\n'); // about 190 KB
    const larger = body.join('\n\n');
    expect(larger.length).toBeGreaterThan(1 << 20);
    ids.smaller = await ingest('Ferry report', smaller);
    ids.larger = await ingest('Ferry report, the full transcript', larger);
    expect(await copiesOf(ids.larger)).toEqual([ids.smaller]);
    expect(await copiesOf(ids.smaller)).toEqual([ids.larger]);
  }, 120_000);

  it('finds a later copy of the large document, whose fingerprints are read in a worker', async () => {
    const reworded = body.slice(0, 240).map((p, i) => (i === 3 ? p.replace(/^\S+/, 'Reworded') : p));
    ids.later = await ingest('Ferry report (syndicated)', reworded.join('\n\n'));
    expect(await copiesOf(ids.later)).toEqual([ids.larger, ids.smaller].sort());
    expect(await copiesOf(ids.larger)).toEqual([ids.later, ids.smaller].sort());
  }, 120_000);

  it('does not link an unrelated document of the same size', async () => {
    const other = await ingest('Another transcript', paragraphs(1400, 99).join('\n\n'));
    expect(await copiesOf(other)).toEqual([]);
  }, 120_000);
});
