import { describe, expect, it } from 'vitest';
import { copiesInFiveFormats } from '../fixtures/copies-article.ts';
import { getJson, useScratchArchive } from '../helpers/scratch-archive.ts';

const scratch = useScratchArchive();

async function upload(file: { bytes: Uint8Array; type: string; name: string }): Promise<string> {
  const form = new FormData();
  form.set('file', new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.type }), file.name);
  const response = await scratch.app.request('/api/documents', { method: 'POST', body: form });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

const text = (body: string, name: string) => ({ bytes: new TextEncoder().encode(body), type: 'text/plain', name });

describe('copies collapse in search', () => {
  const copies: string[] = [];
  let other = '';

  it("returns one result per copy group, with copyCount and the copies' ids", async () => {
    const files = await copiesInFiveFormats();
    for (const format of ['text', 'pdf', 'docx', 'html', 'markdown'] as const) copies.push(await upload(files[format]));
    other = await upload(
      text(
        'Pier fishing ban\n\nThe pier at Holt will be closed to anglers on Sundays, the harbour board said, after complaints about lines left on the deck.',
        'other.txt',
      ),
    );
    const { status, body } = await getJson(scratch.app, '/api/search?q=pier');
    expect(status).toBe(200);
    expect(body.total).toBe(2);
    expect(body.results).toHaveLength(2);
    const group = body.results.find((r: { id: string }) => copies.includes(r.id));
    expect(group.copyCount).toBe(4);
    expect([group.id, ...group.copies].sort()).toEqual([...copies].sort());
    expect(body.results.find((r: { id: string }) => r.id === other)).toMatchObject({ copyCount: 0, copies: [] });
    // Facets count the group once.
    expect(
      body.facets.publishers.find((f: { value: string }) => f.value === 'Tarn Courier')?.count ?? 0,
    ).toBeLessThanOrEqual(1);
    // Six uploads, the first PDF and DOCX starting the parsers' worker: slow on a loaded machine.
  }, 120_000);

  it('lists every copy with collapse=false, and the facets count every copy', async () => {
    const { body } = await getJson(scratch.app, '/api/search?q=pier&collapse=false');
    expect(body.total).toBe(6);
    expect(body.results.map((r: { id: string }) => r.id).sort()).toEqual([...copies, other].sort());
    for (const result of body.results.filter((r: { id: string }) => copies.includes(r.id)))
      expect(result.copyCount).toBe(4);
    const collapsed = (await getJson(scratch.app, '/api/search?q=pier')).body;
    const years = (page: any) => page.facets.years.reduce((sum: number, f: { count: number }) => sum + f.count, 0);
    expect(years(body)).toBeGreaterThan(years(collapsed));
  });

  it('pages over groups: the second page of one result is the other article or the group', async () => {
    const first = (await getJson(scratch.app, '/api/search?q=pier&limit=1')).body;
    const second = (await getJson(scratch.app, '/api/search?q=pier&limit=1&offset=1')).body;
    const shown = [first.results[0].id, second.results[0].id];
    expect(shown).toContain(other);
    expect(shown.filter((id) => copies.includes(id))).toHaveLength(1);
  });

  it('rejects a collapse that is not true or false with a clear 400', async () => {
    const { status, body } = await getJson(scratch.app, '/api/search?q=pier&collapse=maybe');
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/collapse/);
  });

  it('shows "+4 copies" on the search page card, linking to the copies', async () => {
    const page = await (await scratch.app.request('/?q=pier')).text();
    const group = copies.find((id) => page.includes(`/documents/${id}#copies`));
    expect(group).toBeDefined();
    expect(page).toContain('+4 copies');
    expect(page.match(/class="result"/g)).toHaveLength(2);
  });
});
