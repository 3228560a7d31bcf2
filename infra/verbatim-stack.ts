import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { Alarms } from './constructs/alarms.ts';
import { Api } from './constructs/api.ts';
import { ImportJob } from './constructs/import-job.ts';
import { Indexer } from './constructs/indexer.ts';
import { Storage } from './constructs/storage.ts';
import { KEY_PREFIX } from './key-prefixes.ts';

/**
 * Lambda rejects request payloads over 6 MB, and API Gateway base64-encodes binary bodies (×4/3),
 * so the largest upload that can reach the function is about 4.4 MB. The app's own default
 * (10 MiB) suits the local server only; in AWS, refuse earlier with a clear error instead.
 */
const LAMBDA_SAFE_UPLOAD_BYTES = 4 * 1024 * 1024;

/** Options for {@link VerbatimStack}; every field has a production default. */
export interface VerbatimStackProps extends StackProps {
  /** Days a replaced index snapshot stays recoverable. @default 7 */
  readonly indexVersionRetentionDays?: number;
  /** Days the bucket's server access logs are kept. @default 90 */
  readonly bucketAccessLogRetentionDays?: number;
  /** Log retention for every function and the HTTP API's access logs. @default RetentionDays.ONE_MONTH */
  readonly logRetention?: RetentionDays;
  /** Largest upload the API accepts, in bytes. @default 4 MiB (the Lambda payload limit allows no more) */
  readonly maxUploadBytes?: number;
  /** How often the indexer compacts the search index. @default 1 minute */
  readonly indexerSchedule?: Duration;
}

/**
 * Everything Verbatim runs on: storage, the API function behind an HTTP API, the scheduled
 * single-writer indexer, and alarms. Environment-agnostic, so it synthesizes offline.
 */
export class VerbatimStack extends Stack {
  readonly storage: Storage;
  readonly api: Api;
  readonly indexer: Indexer;
  readonly importJob: ImportJob;

  constructor(scope: Construct, id: string, props: VerbatimStackProps = {}) {
    super(scope, id, {
      description: 'Verbatim: a serverless archive of source articles',
      ...props,
    });
    const logRetention = props.logRetention ?? RetentionDays.ONE_MONTH;
    const maxUploadBytes = props.maxUploadBytes ?? LAMBDA_SAFE_UPLOAD_BYTES;
    if (!Number.isInteger(maxUploadBytes) || maxUploadBytes <= 0 || maxUploadBytes > LAMBDA_SAFE_UPLOAD_BYTES) {
      throw new Error(`maxUploadBytes must be an integer in 1..${LAMBDA_SAFE_UPLOAD_BYTES}`);
    }

    this.storage = new Storage(this, 'Storage', {
      indexVersionRetention: Duration.days(props.indexVersionRetentionDays ?? 7),
      accessLogRetention: Duration.days(props.bucketAccessLogRetentionDays ?? 90),
    });
    const { bucket, table } = this.storage;
    this.api = new Api(this, 'Api', { bucket, table, logRetention, maxUploadBytes });
    this.indexer = new Indexer(this, 'Indexer', {
      bucket,
      table,
      logRetention,
      schedule: props.indexerSchedule ?? Duration.minutes(1),
    });
    this.importJob = new ImportJob(this, 'Import', { bucket, table, logRetention });
    new Alarms(this, 'Alarms', {
      apiFunction: this.api.fn,
      indexerFunction: this.indexer.fn,
      importFunction: this.importJob.fn,
      indexerFailures: this.indexer.failures,
      importDeadLetters: this.importJob.deadLetters,
      httpApi: this.api.httpApi,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.httpApi.apiEndpoint, description: 'Verbatim URL' });
    new CfnOutput(this, 'ApiTokenSecretArn', {
      value: this.api.tokenSecret.secretArn,
      description: 'aws secretsmanager get-secret-value --secret-id <this> to read the write token',
    });
    new CfnOutput(this, 'BucketName', { value: bucket.bucketName });
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'ImportBucketPrefix', {
      value: `s3://${bucket.bucketName}/${KEY_PREFIX.incoming}`,
      description: 'Bulk import: aws s3 sync <folder> <this> archives every file (see README, On AWS)',
    });
    new CfnOutput(this, 'ImportDeadLetterQueueUrl', {
      value: this.importJob.deadLetters.queueUrl,
      description: 'Files that failed to import three times (the ImportDeadLetters alarm)',
    });
    new CfnOutput(this, 'IndexerFailureQueueUrl', {
      value: this.indexer.failures.queueUrl,
      description: 'Failed or dropped indexer ticks (the IndexerFailures alarm); read with aws sqs receive-message',
    });
  }
}
