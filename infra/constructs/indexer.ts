import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { ENV } from '../../functions/config.ts';
import { KEY_PREFIX } from '../key-prefixes.ts';
import { grantDeleteUnder, grantReadUnder, grantReadWriteUnder } from '../prefix-grants.ts';
import { IndexerFailureQueue } from './indexer-failure-queue.ts';
import { VerbatimFunction } from './verbatim-function.ts';

/** Options for {@link Indexer}. */
export interface IndexerProps {
  readonly bucket: IBucket;
  readonly table: ITable;
  readonly logRetention: RetentionDays;
  /** How often the index is compacted. */
  readonly schedule: Duration;
}

/**
 * The search index compactor: folds the ingest log into the index shards it changed. Readers apply
 * log entries newer than the snapshot themselves, so compaction only needs to be regular, not
 * immediate — a schedule, not a queue.
 */
export class Indexer extends Construct {
  readonly fn: VerbatimFunction;
  readonly rule: Rule;
  /** Ticks that failed or never ran; see {@link IndexerFailureQueue}. */
  readonly failures: Queue;

  constructor(scope: Construct, id: string, props: IndexerProps) {
    super(scope, id);

    this.failures = new IndexerFailureQueue(this, 'Failures').queue;
    this.fn = new VerbatimFunction(this, 'Function', {
      description: 'Verbatim search index compactor',
      entry: 'functions/handlers/indexer.ts',
      memorySize: 2048, // it holds every shard while merging: ~1.7 KB per article (see README, Lambda sizing)
      timeout: Duration.minutes(5),
      // The single writer. The manifest compare-and-swap keeps a second writer from corrupting
      // anything, but it would still waste a full rebuild; concurrency 1 avoids that.
      reservedConcurrentExecutions: 1,
      // A tick that cannot run (previous run still going, or failed) is not worth keeping: the
      // next tick does the same work. Drop it instead of queueing retries for hours.
      retryAttempts: 0,
      maxEventAge: Duration.minutes(1),
      // Dropped and failed ticks are recorded, with the error, instead of vanishing.
      onFailure: new SqsDestination(this.failures),
      logRetention: props.logRetention,
      environment: {
        [ENV.bucket]: props.bucket.bucketName,
        [ENV.table]: props.table.tableName,
      },
    });

    // Reads the documents it indexes; owns the snapshots (and may delete superseded ones). Reads
    // originals and may delete both kinds of object, never write them: its sweep rolls back
    // cut-off ingests, and `{ "action": "verify" }` checks the originals' SHA-256.
    grantReadUnder(props.bucket, this.fn, KEY_PREFIX.documents);
    grantReadUnder(props.bucket, this.fn, KEY_PREFIX.originals);
    grantDeleteUnder(props.bucket, this.fn, KEY_PREFIX.documents);
    grantDeleteUnder(props.bucket, this.fn, KEY_PREFIX.originals);
    grantReadWriteUnder(props.bucket, this.fn, KEY_PREFIX.index);
    props.table.grantReadWriteData(this.fn);

    this.rule = new Rule(this, 'Schedule', {
      description: 'Compact the Verbatim search index',
      schedule: Schedule.rate(props.schedule),
      targets: [new LambdaFunction(this.fn, { retryAttempts: 0, deadLetterQueue: this.failures })],
    });
    NagSuppressions.addResourceSuppressions(this.fn, [
      {
        id: 'Serverless-LambdaDLQ',
        reason:
          'False positive: the rule checks only DeadLetterConfig, the older of the two ways to catch ' +
          'failed async invocations. This function has the newer one, EventInvokeConfig ' +
          'DestinationConfig.OnFailure (to the failure queue), which also records the error; a ' +
          'DeadLetterConfig as well would put every failure in the queue twice.',
      },
    ]);
  }
}
