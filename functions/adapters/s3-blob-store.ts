/** {@link BlobStore} over S3. */
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { Blob, BlobStore } from '../core/ports.ts';

/** The header SigV4 signs a request's payload hash in (lower-case, as the signer looks it up). */
const PAYLOAD_HASH_HEADER = 'x-amz-content-sha256';

/**
 * @example
 * ```ts
 * const blobs = new S3BlobStore(s3, 'verbatim-archive');
 * await blobs.put('originals/abc', bytes, 'text/html');
 * ```
 */
export class S3BlobStore implements BlobStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async put(key: string, body: Uint8Array | string, contentType: string, sha256?: string): Promise<void> {
    const command = new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType });
    // SigV4 signs the payload's SHA-256 and takes it from this header when it is set (S3 still
    // checks it against the bytes it receives), so the signer does not hash the body itself.
    if (sha256)
      command.middlewareStack.add(
        (next) => (args) => {
          (args.request as { headers: Record<string, string> }).headers[PAYLOAD_HASH_HEADER] = sha256;
          return next(args);
        },
        { step: 'build', name: 'knownPayloadHash' },
      );
    await this.s3.send(command);
  }

  async get(key: string): Promise<Blob | null> {
    try {
      const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      const body = await out.Body!.transformToByteArray();
      return { body, contentType: out.ContentType ?? 'application/octet-stream' };
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return null;
      throw error;
    }
  }

  async getRange(key: string, start: number, end: number): Promise<Uint8Array | null> {
    if (end <= start) return new Uint8Array(0);
    try {
      const out = await this.s3.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=${start}-${end - 1}` }),
      );
      return await out.Body!.transformToByteArray();
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async *list(prefix: string): AsyncIterable<{ key: string; lastModified: Date }> {
    let token: string | undefined;
    do {
      const out = await this.s3.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const object of out.Contents ?? [])
        if (object.Key) yield { key: object.Key, lastModified: object.LastModified ?? new Date(0) };
      token = out.IsTruncated ? out.NextContinuationToken : undefined;
    } while (token);
  }
}
