import { Stack } from 'aws-cdk-lib';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { CfnBucket, IBucket } from 'aws-cdk-lib/aws-s3';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { under } from './key-prefixes.ts';

/**
 * Read access to the objects under `prefix`: `s3:GetObject` (ranged reads included) on those keys
 * and `s3:ListBucket` on the bucket. Without ListBucket, S3 answers a GET of a missing key with
 * 403 instead of 404, and the adapters rely on NoSuchKey to tell "absent" from "forbidden".
 * Named actions rather than CDK's `grantRead` (`s3:GetObject*`, `s3:GetBucket*`, `s3:List*`):
 * the functions call GetObject and nothing else, so versions, ACLs and tags stay out of reach.
 */
export function grantReadUnder(bucket: IBucket, grantee: IGrantable, prefix: string): void {
  Grant.addToPrincipal({ grantee, actions: ['s3:GetObject'], resourceArns: [bucket.arnForObjects(under(prefix))] });
  Grant.addToPrincipal({ grantee, actions: ['s3:ListBucket'], resourceArns: [bucket.bucketArn] });
  acceptPrefixWildcard(bucket, grantee, prefix);
}

/**
 * cdk-nag's AwsSolutions-IAM5 flags every `*` in a resource. Under a key prefix it is the
 * narrowest grant there is: object keys are content hashes (`originals/<sha256>`) and shard names
 * made at run time, so they cannot be listed in advance. The suppression names this one resource
 * exactly (bucket and prefix), so a wider wildcard added later is still reported.
 */
function acceptPrefixWildcard(bucket: IBucket, grantee: IGrantable, prefix: string): void {
  const principal = grantee.grantPrincipal;
  const cfnBucket = bucket.node.defaultChild as CfnBucket | undefined;
  if (!Construct.isConstruct(principal) || !cfnBucket) return; // an imported role or bucket: nothing of ours to check
  const bucketId = Stack.of(bucket).resolve(cfnBucket.logicalId) as string;
  NagSuppressions.addResourceSuppressions(
    principal,
    [
      {
        id: 'AwsSolutions-IAM5',
        appliesTo: [`Resource::<${bucketId}.Arn>/${under(prefix)}`],
        reason: `Objects under the ${prefix} key prefix only: their keys are content hashes and shard names created at run time.`,
      },
    ],
    true,
  );
}

/**
 * Read, write and delete the objects under `prefix` — but only the current version. CDK's
 * `grantReadWrite` includes `s3:DeleteObject*`, i.e. `s3:DeleteObjectVersion`, which would let a
 * compromised function erase history in a versioned bucket. Plain `s3:DeleteObject` only adds a
 * delete marker, so every delete stays undoable. Writes are single PutObject calls (no multipart
 * uploads, no tags or object locks), so `s3:PutObject` is the only write action.
 */
export function grantReadWriteUnder(bucket: IBucket, grantee: IGrantable, prefix: string): void {
  grantReadUnder(bucket, grantee, prefix);
  Grant.addToPrincipal({ grantee, actions: ['s3:PutObject'], resourceArns: [bucket.arnForObjects(under(prefix))] });
  grantDeleteUnder(bucket, grantee, prefix);
}

/** Delete (a delete marker only, see {@link grantReadWriteUnder}) the objects under `prefix`. */
export function grantDeleteUnder(bucket: IBucket, grantee: IGrantable, prefix: string): void {
  acceptPrefixWildcard(bucket, grantee, prefix);
  Grant.addToPrincipal({ grantee, actions: ['s3:DeleteObject'], resourceArns: [bucket.arnForObjects(under(prefix))] });
}
