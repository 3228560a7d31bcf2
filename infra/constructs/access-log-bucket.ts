import type { Duration } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { ABORT_INCOMPLETE_UPLOADS, PRIVATE_BUCKET_PROPS } from '../private-bucket-props.ts';

/** Options for {@link AccessLogBucket}. */
export interface AccessLogBucketProps {
  /** How long an access log file is kept before it expires. */
  readonly retention: Duration;
}

/**
 * Where S3 writes the archive bucket's server access logs: who read, wrote or deleted which key,
 * and when. Private, SSL-only and S3-encrypted (S3 log delivery supports SSE-S3, not SSE-KMS);
 * logs expire after `retention`, so the bucket cannot grow without bound.
 */
export class AccessLogBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: AccessLogBucketProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      // Retained too: the logs are the evidence of who touched the archive, so they outlive the stack.
      ...PRIVATE_BUCKET_PROPS,
      lifecycleRules: [{ id: 'ExpireAccessLogs', expiration: props.retention }, ABORT_INCOMPLETE_UPLOADS],
    });
    NagSuppressions.addResourceSuppressions(this.bucket, [
      {
        id: 'AwsSolutions-S1',
        reason:
          'This is the access-log bucket itself. Logging it into itself would log every log delivery ' +
          '(a feedback loop S3 warns against), and a second log bucket would only move the question.',
      },
    ]);
  }
}
