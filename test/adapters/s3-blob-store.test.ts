import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createClients } from '../../functions/adapters/create-clients.ts';
import { S3BlobStore } from '../../functions/adapters/s3-blob-store.ts';
import { useScratchArchive } from '../helpers/scratch-archive.ts';

const scratch = useScratchArchive();

describe('S3BlobStore on s3rver', () => {
  it('reads byte ranges of an object, and null for a missing one', async () => {
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) % 256);
    await scratch.archive.blobs.put('index/range-test', bytes, 'application/octet-stream');
    expect(await scratch.archive.blobs.getRange('index/range-test', 0, 10)).toEqual(bytes.slice(0, 10));
    expect(await scratch.archive.blobs.getRange('index/range-test', 123, 777)).toEqual(bytes.slice(123, 777));
    expect(await scratch.archive.blobs.getRange('index/range-test', 999, 1000)).toEqual(bytes.slice(999));
    expect(await scratch.archive.blobs.getRange('index/range-test', 5, 5)).toEqual(new Uint8Array(0));
    expect(await scratch.archive.blobs.getRange('index/no-such-object', 0, 10)).toBeNull();
  });

  it('signs a put with the SHA-256 it is given, and stores the bytes as sent', async () => {
    // A client of its own, to see the signed request's payload hash as it leaves.
    const { s3 } = createClients(scratch.config);
    const signed: string[] = [];
    s3.middlewareStack.add(
      (next) => (args) => {
        signed.push((args.request as { headers: Record<string, string> }).headers['x-amz-content-sha256']);
        return next(args);
      },
      { step: 'finalizeRequest', priority: 'low', name: 'recordPayloadHash' },
    );
    const blobs = new S3BlobStore(s3, scratch.config.bucket);
    const bytes = new TextEncoder().encode('Original bytes, hashed by the parsing worker.');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await blobs.put('originals/hash-test', bytes, 'text/plain', sha256);
    await blobs.put('originals/hash-test-2', bytes, 'text/plain');
    expect(signed).toEqual([sha256, sha256]); // given, then computed by the signer: the same
    expect((await blobs.get('originals/hash-test'))?.body).toEqual(bytes);
  });
});
