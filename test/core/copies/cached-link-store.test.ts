/**
 * The link lists search reads are remembered while the links' version holds, checked once per
 * index freshness window: another process's new links show up once a window has passed, this
 * process's own writes at once, and `links()` (ingest, the document page) always reads storage.
 * Against the real DynamoDB-compatible server.
 */
import { describe, expect, it } from 'vitest';
import { DynamoLinkStore } from '../../../functions/adapters/dynamo-link-store.ts';
import { CachedLinkStore } from '../../../functions/core/copies/cached-link-store.ts';
import { useScratchArchive } from '../../helpers/scratch-archive.ts';

const scratch = useScratchArchive();
const WINDOW_MS = 400;

/** The real store, counting the link lists and versions it reads. */
class CountingLinkStore extends DynamoLinkStore {
  reads = 0;
  versionReads = 0;
  override links(...args: Parameters<DynamoLinkStore['links']>) {
    this.reads++;
    return super.links(...args);
  }
  override linksVersion(...args: Parameters<DynamoLinkStore['linksVersion']>) {
    this.versionReads++;
    return super.linksVersion(...args);
  }
}

/** A writer that died between writing its links and raising their version: the version never moves. */
class StuckVersionStore extends CountingLinkStore {
  override linksVersion() {
    this.versionReads++;
    return Promise.resolve(7);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ids = (links: Array<{ id: string }>) => links.map((link) => link.id).sort();

describe('CachedLinkStore', () => {
  it("sees another process's links after the window, its own at once, and links() always", async () => {
    const storage = () => new CountingLinkStore(scratch.local.clients.dynamo, scratch.config.table);
    const ours = storage();
    const cached = new CachedLinkStore(ours, { freshnessMs: WINDOW_MS });
    const otherProcess = storage();
    await cached.link('copy', [{ a: 'aaaa000000000001', b: 'bbbb000000000001', similarity: 0.9 }]);

    expect(ids(await cached.recentLinks('copy', 'aaaa000000000001', 50))).toEqual(['bbbb000000000001']);
    await otherProcess.link('copy', [{ a: 'aaaa000000000001', b: 'cccc000000000001', similarity: 0.8 }]);
    // Within the window search answers from memory; the document page reads storage.
    expect(ids(await cached.recentLinks('copy', 'aaaa000000000001', 50))).toEqual(['bbbb000000000001']);
    expect(ids(await cached.links('copy', 'aaaa000000000001', 50))).toEqual(['bbbb000000000001', 'cccc000000000001']);
    await sleep(WINDOW_MS + 50);
    expect(ids(await cached.recentLinks('copy', 'aaaa000000000001', 50))).toEqual([
      'bbbb000000000001',
      'cccc000000000001',
    ]);

    // Our own write is seen at once, on both sides of the pair.
    await cached.link('copy', [{ a: 'aaaa000000000001', b: 'dddd000000000001', similarity: 0.7 }]);
    expect(ids(await cached.recentLinks('copy', 'aaaa000000000001', 50))).toContain('dddd000000000001');
    expect(ids(await cached.recentLinks('copy', 'dddd000000000001', 50))).toEqual(['aaaa000000000001']);
    // And a deletion, which changes every list that named the document.
    await cached.unlink('aaaa000000000001');
    expect(await cached.recentLinks('copy', 'dddd000000000001', 50)).toEqual([]);
    expect(await cached.recentLinks('copy', 'aaaa000000000001', 50)).toEqual([]);
  });

  it('shares one read between concurrent asks, and a longer list is read again', async () => {
    const store = new CountingLinkStore(scratch.local.clients.dynamo, scratch.config.table);
    const cached = new CachedLinkStore(store, { freshnessMs: 60_000 });
    await store.link('copy', [
      { a: 'eeee000000000001', b: 'ffff000000000001', similarity: 0.9 },
      { a: 'eeee000000000001', b: 'ffff000000000002', similarity: 0.9 },
    ]);
    const lists = await Promise.all(
      Array.from({ length: 10 }, () => cached.recentLinks('copy', 'eeee000000000001', 1)),
    );
    expect(store.reads).toBe(1);
    expect(lists.every((list) => list.length === 1)).toBe(true);
    expect(await cached.recentLinks('copy', 'eeee000000000001', 50)).toHaveLength(2);
    expect(store.reads).toBe(2);
    expect(await cached.recentLinks('copy', 'eeee000000000001', 5)).toHaveLength(2);
    expect(store.reads).toBe(2);
  });

  it('keeps its lists past the window while the version holds: one version read a window, no list reads', async () => {
    const store = new CountingLinkStore(scratch.local.clients.dynamo, scratch.config.table);
    const cached = new CachedLinkStore(store, { freshnessMs: 150 });
    await store.link('copy', [{ a: 'abab000000000001', b: 'cdcd000000000001', similarity: 0.9 }]);
    expect(ids(await cached.recentLinks('copy', 'abab000000000001', 50))).toEqual(['cdcd000000000001']);
    const lists = store.reads;
    await sleep(200);
    await Promise.all(Array.from({ length: 5 }, () => cached.recentLinks('copy', 'abab000000000001', 50)));
    expect(store.reads).toBe(lists);
    expect(store.versionReads).toBe(2);
    // A story link raises the story links' version, not the copies'.
    await store.link('story', [{ a: 'abab000000000001', b: 'efef000000000001', similarity: 0.5 }]);
    await sleep(200);
    await cached.recentLinks('copy', 'abab000000000001', 50);
    expect(store.reads).toBe(lists);
  });

  it('reads a list again once it is older than maxAgeMs, even when the version never moves', async () => {
    const store = new StuckVersionStore(scratch.local.clients.dynamo, scratch.config.table);
    const cached = new CachedLinkStore(store, { freshnessMs: 50, maxAgeMs: 300 });
    await cached.recentLinks('copy', 'fefe000000000001', 50);
    await new CountingLinkStore(scratch.local.clients.dynamo, scratch.config.table).link('copy', [
      { a: 'fefe000000000001', b: 'baba000000000001', similarity: 0.9 },
    ]);
    await sleep(100);
    expect(await cached.recentLinks('copy', 'fefe000000000001', 50)).toEqual([]);
    await sleep(300);
    expect(ids(await cached.recentLinks('copy', 'fefe000000000001', 50))).toEqual(['baba000000000001']);
  });

  it('without a window every search reads storage', async () => {
    const store = new CountingLinkStore(scratch.local.clients.dynamo, scratch.config.table);
    const cached = new CachedLinkStore(store, { freshnessMs: 0 });
    await cached.recentLinks('copy', 'eeee000000000001', 50);
    await cached.recentLinks('copy', 'eeee000000000001', 50);
    expect(store.reads).toBe(2);
  });
});
