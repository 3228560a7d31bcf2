import { Duration, Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Effect, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Bucket, CfnBucket } from 'aws-cdk-lib/aws-s3';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { ENV } from '../../functions/config.ts';
import { LAZY_MODULES } from '../../functions/core/quotes/tag-words.ts';
import { KEY_PREFIX } from '../key-prefixes.ts';
import { grantDeleteUnder, grantReadUnder, grantReadWriteUnder } from '../prefix-grants.ts';
import { VerbatimFunction } from './verbatim-function.ts';

/** As many files as `POST /api/documents:batch` takes: one `ingestBatch` per invocation. */
export const IMPORT_BATCH_SIZE = 100;

/** How long a batch may gather files: a bulk upload fills it at once, a single file waits this long at most. */
const BATCHING_WINDOW = Duration.seconds(5);

/**
 * Importers running at once. About ten functions, each parsing ~1,400 articles/s on one vCPU,
 * reach the on-demand table's default write throughput (README, "On AWS"); more would only be
 * throttled. The event source's maximum concurrency holds them there without reserving capacity.
 */
const MAX_IMPORTERS = 10;

/** One batch of 100 files: parsing, the claims, the writes and copy detection, with room to spare. */
const IMPORT_TIMEOUT = Duration.minutes(2);

/** Tries per file before its message goes to the dead-letter queue. */
const MAX_RECEIVES = 3;

/** Options for {@link ImportJob}. */
export interface ImportJobProps {
  readonly bucket: Bucket;
  readonly table: ITable;
  readonly logRetention: RetentionDays;
}

/**
 * The bulk import on AWS: files put under `incoming/` (by `aws s3 sync`, S3 Batch Operations, a
 * newsroom's export job) are announced by an S3 event notification to a queue, and an import
 * function takes them up to {@link IMPORT_BATCH_SIZE} at a time (`functions/handlers/import-queue.ts`),
 * through the same `ingestBatch` as `npm run import`. Only files that failed for a reason that may
 * pass return to the queue (`ReportBatchItemFailures`); after {@link MAX_RECEIVES} tries they wait
 * in the dead-letter queue, with the `ImportDeadLetters` alarm on it.
 */
export class ImportJob extends Construct {
  readonly queue: Queue;
  readonly deadLetters: Queue;
  readonly fn: VerbatimFunction;

  constructor(scope: Construct, id: string, props: ImportJobProps) {
    super(scope, id);
    this.deadLetters = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.queue = new Queue(this, 'Queue', {
      // S3 can publish to a queue with SQS-managed encryption (not to one with an AWS-managed KMS key).
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // Lambda's advice for an SQS source: six times the function's timeout, so a batch still being
      // retried by the poller is not handed to a second importer.
      visibilityTimeout: Duration.seconds(IMPORT_TIMEOUT.toSeconds() * 6),
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: MAX_RECEIVES },
    });
    this.fn = new VerbatimFunction(this, 'Function', {
      description: 'Verbatim bulk import: files under incoming/, announced on a queue',
      entry: 'functions/handlers/import-queue.ts',
      // Parsing runs in worker threads, as in the API (functions/app/prepare-worker-pool.ts).
      extraEntries: { 'prepare-worker': 'functions/handlers/prepare-worker.ts' },
      lazyModules: [...LAZY_MODULES],
      memorySize: 1769, // one full vCPU: parsing is CPU-bound
      timeout: IMPORT_TIMEOUT,
      logRetention: props.logRetention,
      environment: {
        [ENV.bucket]: props.bucket.bucketName,
        [ENV.table]: props.table.tableName,
      },
    });
    this.fn.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: IMPORT_BATCH_SIZE,
        maxBatchingWindow: BATCHING_WINDOW,
        reportBatchItemFailures: true,
        maxConcurrency: MAX_IMPORTERS,
      }),
    );
    announceIncomingFiles(props.bucket, this.queue);

    // It reads and deletes the incoming files, writes originals and documents as an upload does,
    // and reads the index (copy and same-story detection search it); the indexer stays its only writer.
    grantReadUnder(props.bucket, this.fn, KEY_PREFIX.incoming);
    grantDeleteUnder(props.bucket, this.fn, KEY_PREFIX.incoming);
    grantReadWriteUnder(props.bucket, this.fn, KEY_PREFIX.originals);
    grantReadWriteUnder(props.bucket, this.fn, KEY_PREFIX.documents);
    grantReadUnder(props.bucket, this.fn, KEY_PREFIX.index);
    props.table.grantReadWriteData(this.fn);

    NagSuppressions.addResourceSuppressions(this.deadLetters, [
      {
        id: 'AwsSolutions-SQS3',
        reason: 'This queue is the import queue’s dead-letter queue; a queue behind it would never receive anything.',
      },
      {
        id: 'Serverless-SQSRedrivePolicy',
        reason: 'The dead-letter queue itself has no consumer to fail: operators read it (README, Deployment: alarms).',
      },
    ]);
    NagSuppressions.addResourceSuppressions(
      this.fn,
      [
        {
          id: 'Serverless-LambdaEventSourceMappingDestination',
          reason:
            'Not applicable to an SQS source: Lambda supports on-failure destinations for stream and ' +
            'Kafka sources only. The import queue’s redrive policy is the SQS mechanism: a message ' +
            'that failed three times moves to its dead-letter queue (the ImportDeadLetters alarm).',
        },
      ],
      true,
    );
    NagSuppressions.addResourceSuppressions(this.fn, [
      {
        id: 'Serverless-LambdaDLQ',
        reason:
          'Not applicable: an SQS event source invokes the function synchronously, and a Lambda ' +
          'dead-letter queue only receives asynchronous invocations. Failed files go to the ' +
          'import queue’s own dead-letter queue (its redrive policy) after three tries.',
      },
    ]);
  }
}

/**
 * S3 sends an event to `queue` for every object created under `incoming/`. Set on the bucket's own
 * CloudFormation resource: CDK's `addEventNotification` would do it through a custom resource,
 * a helper Lambda with a managed-policy role that the stack otherwise does without. S3 checks that
 * it may publish when the configuration is applied, so the bucket waits for the queue's policy;
 * that policy therefore names the account, not the bucket (naming the bucket would make each wait
 * for the other). Another bucket of the same account could then publish to the queue, but the job
 * only ever reads keys under `incoming/` of the archive's own bucket.
 */
function announceIncomingFiles(bucket: Bucket, queue: Queue): void {
  const policy = queue.addToResourcePolicy(
    new PolicyStatement({
      effect: Effect.ALLOW,
      principals: [new ServicePrincipal('s3.amazonaws.com')],
      actions: ['sqs:SendMessage'],
      resources: [queue.queueArn],
      conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(queue).account } },
    }),
  );
  const cfnBucket = bucket.node.defaultChild as CfnBucket;
  cfnBucket.notificationConfiguration = {
    queueConfigurations: [
      {
        event: 's3:ObjectCreated:*',
        queue: queue.queueArn,
        filter: { s3Key: { rules: [{ name: 'prefix', value: KEY_PREFIX.incoming }] } },
      },
    ],
  };
  if (policy.policyDependable) cfnBucket.node.addDependency(policy.policyDependable);
}
