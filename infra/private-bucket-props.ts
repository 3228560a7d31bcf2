import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  BlockPublicAccess,
  BucketEncryption,
  ObjectOwnership,
  type BucketProps,
  type LifecycleRule,
} from 'aws-cdk-lib/aws-s3';

/**
 * What every Verbatim bucket is: S3-encrypted (SSE-S3, which S3's log delivery also supports),
 * closed to the public, ACLs disabled, SSL only, and kept when the stack is deleted.
 */
export const PRIVATE_BUCKET_PROPS = {
  encryption: BucketEncryption.S3_MANAGED,
  blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
  // ACLs off; with cdk.json's `serverAccessLogsUseBucketPolicy`, S3's log delivery is granted
  // by bucket policy instead, which works with them off.
  objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
  enforceSSL: true,
  removalPolicy: RemovalPolicy.RETAIN,
} as const satisfies BucketProps;

/** A multipart upload nobody finished is billed until it is aborted: drop it after a week. */
export const ABORT_INCOMPLETE_UPLOADS: LifecycleRule = {
  id: 'AbortIncompleteUploads',
  abortIncompleteMultipartUploadAfter: Duration.days(7),
};
