/**
 * Same-story links and the deletion of links and band items, through
 * the real app on s3rver + dynalite.
 */
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { harbourArticle, protestArticle } from '../fixtures/articles.ts';
import { readSeed } from '../helpers/corpus-path.ts';
import { getJson, postJson, useScratchArchive } from '../helpers/scratch-archive.ts';

const TOKEN = 'same-story-test-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };
const scratch = useScratchArchive({ apiToken: TOKEN });

async function ingest(body: Record<string, unknown>): Promise<string> {
  const created = await postJson(scratch.app, '/api/documents', body, auth);
  expect(created.status).toBe(201);
  return created.body.id as string;
}

/** Every link and band item that names `id`, read straight from the table. */
async function itemsNaming(id: string): Promise<string[]> {
  const out = await scratch.local.clients.dynamo.send(new ScanCommand({ TableName: scratch.config.table }));
  return (out.Items ?? [])
    .map((item) => unmarshall(item) as { pk: string; sk: string; ids?: string[] })
    .filter(
      (item) =>
        (item.pk.startsWith('BAND#') && item.ids?.includes(id)) ||
        (item.pk.startsWith('LINK#') && (item.pk.endsWith(id) || item.sk === id)),
    )
    .map((item) => `${item.pk} ${item.sk}`);
}

describe('same story', () => {
  const ids: Record<string, string> = {};

  it('links the two seeds both ways, and not unrelated documents', async () => {
    ids.harbour = await ingest(harbourArticle);
    ids.protest = await ingest(protestArticle);
    ids.report = await ingest({
      title: 'Azerbaijan files protest',
      text: readSeed('embassy-protest-report.txt'),
      publishedAt: '2025-11-14',
    });
    ids.analysis = await ingest({
      title: 'Baku demands answers',
      text: readSeed('embassy-protest-analysis.txt'),
      publishedAt: '2025-11-15',
    });
    const report = await getJson(scratch.app, `/api/documents/${ids.report}`);
    const analysis = await getJson(scratch.app, `/api/documents/${ids.analysis}`);
    expect(report.body.sameStory.map((d: { id: string }) => d.id)).toContain(ids.analysis);
    expect(analysis.body.sameStory.map((d: { id: string }) => d.id)).toContain(ids.report);
    expect(report.body.copies).toEqual([]);
    expect(report.body.sameStory.map((d: { id: string }) => d.id)).not.toContain(ids.harbour);
    const harbour = await getJson(scratch.app, `/api/documents/${ids.harbour}`);
    expect(harbour.body.sameStory.map((d: { id: string }) => d.id)).not.toContain(ids.report);
    const page = await (await scratch.app.request(`/documents/${ids.report}`)).text();
    expect(page).toContain('Same story');
    expect(page).toContain(`href="/documents/${ids.analysis}"`);
  });

  it('does not link reports of one place whose dates are far apart', async () => {
    const later = await ingest({
      title: 'Embassy wall rebuilt in Kyiv',
      text: readSeed('embassy-protest-analysis.txt').replace(/\./g, '!'),
      publishedAt: '2026-03-01',
    });
    const report = await getJson(scratch.app, `/api/documents/${ids.report}`);
    expect(report.body.sameStory.map((d: { id: string }) => d.id)).not.toContain(later);
  });

  it('deletes a document with its band items and its links, both ways', async () => {
    expect((await itemsNaming(ids.analysis)).length).toBeGreaterThan(0);
    const deleted = await scratch.app.request(`/api/documents/${ids.analysis}`, { method: 'DELETE', headers: auth });
    expect(deleted.status).toBe(204);
    expect(await itemsNaming(ids.analysis)).toEqual([]);
    const report = await getJson(scratch.app, `/api/documents/${ids.report}`);
    expect(report.body.sameStory.map((d: { id: string }) => d.id)).not.toContain(ids.analysis);
  });
});
