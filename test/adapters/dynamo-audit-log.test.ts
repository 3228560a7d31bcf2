import { describe, expect, it } from 'vitest';
import { useScratchArchive } from '../helpers/scratch-archive.ts';

const scratch = useScratchArchive();

describe('DynamoAuditLog.recordMany on dynalite', () => {
  it('writes every entry of a batch, more than one BatchWriteItem holds, each as record() would, in order', async () => {
    const audit = scratch.archive.audit;
    const at = '2026-12-02T14:00:00.000Z';
    const entries = Array.from({ length: 60 }, (_, n) => ({
      at,
      actor: 'importer',
      action: 'ingest' as const,
      documentId: `doc-${n}`,
      outcome: n % 7 === 0 ? ('refused' as const) : ('created' as const),
      status: n % 7 === 0 ? 422 : 201,
      errorCode: n % 7 === 0 ? 'empty_document' : null,
    }));
    const written = await audit.recordMany(entries);
    expect(written.map((e) => e.documentId)).toEqual(entries.map((e) => e.documentId));
    expect(new Set(written.map((e) => e.id)).size).toBe(60);
    const single = await audit.record({ ...entries[1], documentId: 'single' });
    const { entries: listed } = await audit.list({ limit: 100 });
    // Newest first: the single entry (a later counter), then the batch from its last entry back.
    expect(listed.map((e) => e.documentId)).toEqual(['single', ...entries.map((e) => e.documentId).reverse()]);
    expect(listed[0]).toEqual(single);
    expect(listed.slice(1).reverse()).toEqual(written);
  });
});
