import { describe, expect, it } from 'vitest';
import type { DocumentMetadata } from '../../functions/core/document.ts';
import { DynamoDocumentCatalog } from '../../functions/adapters/dynamo-document-catalog.ts';
import { useScratchArchive } from '../helpers/scratch-archive.ts';

const scratch = useScratchArchive();

const meta = (id: string): DocumentMetadata => ({
  id,
  title: 'T',
  url: null,
  publisher: null,
  author: null,
  publishedAt: null,
  publishedAtSource: null,
  fileCreatedAt: null,
  ingestedAt: new Date().toISOString(),
  uploader: null,
  sha256: 'x'.repeat(64),
  originalSha256: 'y'.repeat(64),
  size: 1,
  contentType: 'text/plain',
  wordCount: 1,
  quoteCount: 0,
});

describe('DynamoDocumentCatalog on dynalite', () => {
  it('claims an id once; a pending claim is invisible and only a stale one can be taken over', async () => {
    const store = scratch.archive.catalog;
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
    expect(await store.claim(meta('aaaaaaaaaaaaaaaa'), lease('fourth', -1))).toMatchObject({
      claimed: false,
      status: 'ready',
    });
    expect((await store.getMany(['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb'])).map((m) => m.id)).toEqual([
      'aaaaaaaaaaaaaaaa',
    ]);
    expect([...(await store.statusOf(['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb']))]).toEqual([
      ['aaaaaaaaaaaaaaaa', 'ready'],
    ]);
  });

  it('marks a batch ready: young claims in one write, an old one only through its token', async () => {
    const store = scratch.archive.catalog;
    const heard: string[] = [];
    const stop = store.onReady((id) => heard.push(id));
    const ids = Array.from({ length: 30 }, (_, i) => `m${String(i).padStart(15, '0')}`);
    const sentAt = Date.now();
    for (const id of ids) await store.claim(meta(id), { token: `t-${id}`, leaseMs: 60_000 });
    // The old claim (sent long ago by this caller's clock) was taken over meanwhile by another ingest.
    const old = 'o000000000000000';
    await store.claim(meta(old), { token: 'successor', leaseMs: 60_000 });
    const ready = await store.markReadyMany(
      [
        ...ids.map((id) => ({ metadata: meta(id), token: `t-${id}`, claimedAt: sentAt })),
        { metadata: meta(old), token: 'taken-over', claimedAt: sentAt - 60_000 },
      ],
      3_000,
    );
    stop();
    expect([...ready].sort()).toEqual(ids);
    expect(heard.sort()).toEqual(ids);
    expect((await store.getMany(ids)).map((m) => m.id).sort()).toEqual(ids);
    expect(await store.get(ids[0])).not.toHaveProperty('claimToken');
    expect(await store.getClaim(old)).toMatchObject({ token: 'successor' });
  });

  it('a batch at the end of its margin goes through the tokens instead: every claim ends ready', async () => {
    const store = scratch.archive.catalog;
    const ids = Array.from({ length: 25 }, (_, i) => `n${String(i).padStart(15, '0')}`);
    for (const id of ids) await store.claim(meta(id), { token: `t-${id}`, leaseMs: 60_000 });
    // A few milliseconds of margin: sent unconditionally in time, or fenced once it ran out.
    const leaseMs = 3_000;
    const ready = await store.markReadyMany(
      ids.map((id) => ({ metadata: meta(id), token: `t-${id}`, claimedAt: Date.now() - leaseMs / 2 + 3 })),
      leaseMs,
    );
    expect([...ready].sort()).toEqual(ids);
    expect((await store.getMany(ids)).map((m) => m.id).sort()).toEqual(ids);
  });

  it('lists pending claims with their tokens, and releases only the holder’s', async () => {
    const store = scratch.archive.catalog;
    await store.claim(meta('cccccccccccccccc'), { token: 'owner', leaseMs: 60_000 });
    const pending = [];
    for await (const claim of store.listPending()) pending.push(claim);
    expect(pending.find((p) => p.metadata.id === 'cccccccccccccccc')).toMatchObject({
      token: 'owner',
      metadata: { title: 'T' },
    });
    expect(await store.release('cccccccccccccccc', 'owner')).toBe(true);
    expect((await store.statusOf(['cccccccccccccccc'])).size).toBe(0);
  });

  it('tells its listeners of each document made ready through it, and only when the claim was held', async () => {
    // A catalog of its own: the scratch archive's reader listens on the shared one.
    const catalog = new DynamoDocumentCatalog(scratch.local.clients.dynamo, scratch.config.table);
    const ready: string[] = [];
    const stop = catalog.onReady((id) => ready.push(id));
    await catalog.claim(meta('dddddddddddddddd'), { token: 'owner', leaseMs: 60_000 });
    expect(await catalog.markReady('dddddddddddddddd', 'intruder')).toBe(false);
    expect(ready).toEqual([]);
    expect(await catalog.markReady('dddddddddddddddd', 'owner')).toBe(true);
    expect(ready).toEqual(['dddddddddddddddd']);
    stop();
    await catalog.claim(meta('eeeeeeeeeeeeeeee'), { token: 'owner', leaseMs: 60_000 });
    expect(await catalog.markReady('eeeeeeeeeeeeeeee', 'owner')).toBe(true);
    expect(ready).toEqual(['dddddddddddddddd']);
  });

  it('keeps metadata with empty strings, zeros and nulls as it was given', async () => {
    const catalog = scratch.archive.catalog;
    const odd = { ...meta('ffffffffffffffff'), title: '', author: '', size: 0, wordCount: 0, quoteCount: 0, url: null };
    await catalog.claim(odd, { token: 'owner', leaseMs: 60_000 });
    expect(await catalog.getClaim('ffffffffffffffff')).toMatchObject({ metadata: odd, token: 'owner' });
    expect(await catalog.markReady('ffffffffffffffff', 'owner')).toBe(true);
    expect(await catalog.get('ffffffffffffffff')).toEqual(odd);
  });
});
