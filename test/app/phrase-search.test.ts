import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../../functions/app/ingest-document.ts';
import { searchArchive } from '../../functions/app/search-archive.ts';
import { useScratchArchive } from '../helpers/scratch-archive.ts';

const scratch = useScratchArchive();
const encoder = new TextEncoder();

const upload = (text: string, publisher: string) => ({
  file: { bytes: encoder.encode(text), contentType: 'text/plain' },
  metadata: { title: text.slice(0, 30), publisher },
});

describe('a phrase whose words many documents share', () => {
  it('is answered from the positions in the index: an exact total, and facets that count the same documents', async () => {
    // 230 documents have both words, 3 of them in the phrase's order: more than the 200 candidates
    // the stored-text check used to read, so its total was an estimate.
    // Eight at a time, as a bulk import runs: each near-identical decoy is also checked for copies.
    for (let n = 0; n < 227; n += 8) {
      await Promise.all(
        Array.from({ length: Math.min(8, 227 - n) }, (_, i) =>
          ingestDocument(scratch.archive, upload(`Blue paint covered the red barn, report ${n + i}.`, 'Decoy Gazette')),
        ),
      );
    }
    for (let n = 0; n < 3; n++)
      await ingestDocument(scratch.archive, upload(`They raised a red blue flag, report ${n}.`, 'Flag Times'));
    const page = await searchArchive(scratch.archive, { q: '"red blue"', limit: 10, offset: 0 });
    expect(page.totalExact).toBe(true);
    expect(page.total).toBe(3);
    expect(page.results.every((r) => r.publisher === 'Flag Times')).toBe(true);
    expect(page.total).toBe(page.results.length);
    expect(page.facets.publishers.reduce((sum, f) => sum + f.count, 0)).toBe(page.total);
  }, 180_000); // 230 ingests, each also checked for copies: slow on a shared, loaded machine
});
