import { describe, expect, it } from 'vitest';
import type { DocumentMetadata } from '../../functions/core/document.ts';
import { DynamoMetadataStore } from '../../functions/adapters/dynamo-metadata-store.ts';
import { useScratchArchive } from '../helpers/scratch-archive.ts';

const scratch = useScratchArchive();

const meta = (id: string): DocumentMetadata => ({
  id, title: 'T', url: null, publisher: null, author: null, publishedAt: null, publishedAtSource: null, fileCreatedAt: null, ingestedAt: new Date().toISOString(), uploader: null,
  sha256: 'x'.repeat(64), originalSha256: 'y'.repeat(64), size: 1, contentType: 'text/plain', wordCount: 1, quoteCount: 0,
});

describe('DynamoMetadataStore on dynalite', () => {
  it('claims an id once; a pending claim is invisible and only a stale one can be taken over', async () => {
    const store = scratch.archive.metadata;
    const lease = (token: string, leaseMs = 60_000) => ({ token, leaseMs });
    expect(await store.claim(meta('aaaaaaaaaaaaaaaa'), lease('first'))).toEqual({ claimed: true });
    expect(await store.get('aaaaaaaaaaaaaaaa')).toBeNull();
    const second = await store.claim(meta('aaaaaaaaaaaaaaaa'), lease('second'));
    expect(second).toMatchObject({ claimed: false, status: 'pending' });
    expect(await store.claim(meta('aaaaaaaaaaaaaaaa'), lease('third', -1))).toEqual({ claimed: true });
    // The first owner was taken over: its fenced writes change nothing.
    expect(await store.renewClaim('aaaaaaaaaaaaaaaa', 'first')).toBe(false);
    expect(await store.markReady('aaaaaaaaaaaaaaaa', 'first')).toBe(false);
    expect(await store.release('aaaaaaaaaaaaaaaa', 'first')).toBe(false);
    expect((await store.statusOf(['aaaaaaaaaaaaaaaa'])).get('aaaaaaaaaaaaaaaa')).toBe('pending');
    expect(await store.renewClaim('aaaaaaaaaaaaaaaa', 'third')).toBe(true);
    expect(await store.markReady('aaaaaaaaaaaaaaaa', 'third')).toBe(true);
    expect(await store.get('aaaaaaaaaaaaaaaa')).toMatchObject({ id: 'aaaaaaaaaaaaaaaa', title: 'T', url: null });
    expect(await store.get('aaaaaaaaaaaaaaaa')).not.toHaveProperty('claimToken');
    expect(await store.release('aaaaaaaaaaaaaaaa', 'third')).toBe(false);
    expect(await store.claim(meta('aaaaaaaaaaaaaaaa'), lease('fourth', -1))).toMatchObject({ claimed: false, status: 'ready' });
    expect((await store.getMany(['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb'])).map((m) => m.id)).toEqual(['aaaaaaaaaaaaaaaa']);
    expect([...(await store.statusOf(['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb']))]).toEqual([['aaaaaaaaaaaaaaaa', 'ready']]);
  });

  it('lists pending claims with their tokens, and releases only the holder’s', async () => {
    const store = scratch.archive.metadata;
    await store.claim(meta('cccccccccccccccc'), { token: 'owner', leaseMs: 60_000 });
    const pending = [];
    for await (const claim of store.listPending()) pending.push(claim);
    expect(pending.find((p) => p.metadata.id === 'cccccccccccccccc')).toMatchObject({ token: 'owner', metadata: { title: 'T' } });
    expect(await store.release('cccccccccccccccc', 'owner')).toBe(true);
    expect((await store.statusOf(['cccccccccccccccc'])).size).toBe(0);
  });

  it('appends log entries gaplessly, batching those that arrive together, across stores', async () => {
    const store = scratch.archive.metadata;
    // A second store over the same table: what another Lambda container is.
    const other = new DynamoMetadataStore(scratch.local.clients.dynamo, scratch.config.table);
    const entries = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? store : other).appendLog({ op: 'add', id: `doc${i}` })),
    );
    const log = await store.readLog(0);
    expect(log.map((e) => e.id).sort()).toEqual(entries.map((e) => e.id).sort());
    expect(new Set(log.map((e) => e.id)).size).toBe(40);
    const seqs = [...new Set(log.map((e) => e.seq))];
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect(seqs.length).toBeLessThan(40);
    for (const entry of entries) expect(log.find((e) => e.id === entry.id)!.seq).toBe(entry.seq);
    const last = seqs[seqs.length - 1];
    expect((await store.readLog(last - 1)).every((e) => e.seq === last)).toBe(true);
  });

  it('swaps the manifest only from the expected version', async () => {
    const store = scratch.archive.metadata;
    const manifest = { version: 1, through: 3, shards: [{ key: 'index/a', documentCount: 3, bytes: 10 }], retired: [{ key: 'index/z', retiredAt: '2026-01-01T00:00:00.000Z' }], documentCount: 3, bytes: 10, writtenAt: 'now' };
    expect(await store.swapManifest(manifest, 0)).toBe(true);
    expect(await store.swapManifest({ ...manifest, version: 2 }, 0)).toBe(false);
    expect(await store.swapManifest({ ...manifest, version: 2 }, 1)).toBe(true);
    expect(await store.swapManifest({ ...manifest, version: 3 }, 1)).toBe(false);
    expect(await store.getManifest()).toEqual({ ...manifest, version: 2 });
  });
});
