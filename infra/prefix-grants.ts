import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { under } from './key-prefixes.ts';

/**
 * Read access to the objects under `prefix`. Includes `s3:List*` on the bucket: without
 * ListBucket, S3 answers a GET of a missing key with 403 instead of 404, and the adapters rely on
 * NoSuchKey to tell "absent" from "forbidden".
 */
export function grantReadUnder(bucket: IBucket, grantee: IGrantable, prefix: string): void {
  bucket.grantRead(grantee, under(prefix));
}

/**
 * Read, write and delete the objects under `prefix` — but only the current version. CDK's
 * `grantReadWrite` includes `s3:DeleteObject*`, i.e. `s3:DeleteObjectVersion`, which would let a
 * compromised function erase history in a versioned bucket. Plain `s3:DeleteObject` only adds a
 * delete marker, so every delete stays undoable.
 */
export function grantReadWriteUnder(bucket: IBucket, grantee: IGrantable, prefix: string): void {
  bucket.grantRead(grantee, under(prefix));
  bucket.grantPut(grantee, under(prefix));
  grantDeleteUnder(bucket, grantee, prefix);
}

/** Delete (a delete marker only, see {@link grantReadWriteUnder}) the objects under `prefix`. */
export function grantDeleteUnder(bucket: IBucket, grantee: IGrantable, prefix: string): void {
  Grant.addToPrincipal({
    grantee,
    actions: ['s3:DeleteObject'],
    resourceArns: [bucket.arnForObjects(under(prefix))],
  });
}
