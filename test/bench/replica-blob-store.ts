/**
 * The scaled archives' blob store: their own bucket for index shards, and documents read from the
 * real archive's bucket — a copy `<id>~r` is served from the real document's object (a real S3
 * GET each time), renamed. Writing 100,000 copies to s3rver would take longer than the benchmark.
 */
import type { Blob, BlobStore } from '../../functions/core/ports.ts';
import { documentKey } from '../../functions/core/storage-keys.ts';

const COPY = /^documents\/([^/~]+)~(\d+)\.json$/;

/**
 * @example
 * ```ts
 * const blobs = new ReplicaBlobStore(new S3BlobStore(s3, 'scale-25000'), realBlobs);
 * ```
 */
export class ReplicaBlobStore implements BlobStore {
  constructor(
    private readonly own: BlobStore,
    private readonly real: BlobStore,
  ) {}

  put(key: string, body: Uint8Array | string, contentType: string): Promise<void> {
    return this.own.put(key, body, contentType);
  }

  getRange(key: string, start: number, end: number): Promise<Uint8Array | null> {
    return this.own.getRange(key, start, end);
  }

  delete(key: string): Promise<void> {
    return this.own.delete(key);
  }

  list(prefix: string): AsyncIterable<{ key: string; lastModified: Date }> {
    return this.own.list(prefix);
  }

  async get(key: string): Promise<Blob | null> {
    const copy = COPY.exec(key);
    if (!copy) return (await this.own.get(key)) ?? (key.startsWith('documents/') ? this.real.get(key) : null);
    const blob = await this.real.get(documentKey(copy[1]));
    if (!blob) return null;
    const document = JSON.parse(new TextDecoder().decode(blob.body)) as { id: string; title: string };
    const renamed = { ...document, id: `${copy[1]}~${copy[2]}`, title: `${document.title} (copy ${copy[2]})` };
    return { body: new TextEncoder().encode(JSON.stringify(renamed)), contentType: blob.contentType };
  }
}
