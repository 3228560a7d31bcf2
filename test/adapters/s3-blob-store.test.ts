import { describe, expect, it } from 'vitest';
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
});
