import { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';

/** SQS's longest retention: a failure found after a long weekend is still there to read. */
const FAILURE_RETENTION = Duration.days(14);

/**
 * Where the indexer's failed ticks land, from both ends of the schedule:
 *
 * - the Lambda on-failure destination receives each tick the function failed on (with the error)
 *   or dropped unrun because the previous compaction still held the only concurrent slot past the
 *   event's maximum age (`condition: "EventAgeExceeded"`);
 * - the EventBridge target's dead-letter queue receives each tick EventBridge could not deliver
 *   to Lambda at all (message attributes `ERROR_CODE`, `ERROR_MESSAGE`).
 *
 * Nothing consumes it: the next tick redoes the work of a lost one, so the messages are evidence
 * for an operator, and the `IndexerFailures` alarm fires on the first one.
 */
export class IndexerFailureQueue extends Construct {
  readonly queue: Queue;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: FAILURE_RETENTION,
    });
    NagSuppressions.addResourceSuppressions(this.queue, [
      {
        id: 'AwsSolutions-SQS3',
        reason:
          'This queue is itself the dead-letter queue: the Lambda EventInvokeConfig ' +
          'DestinationConfig.OnFailure and the Events::Rule target DeadLetterConfig point at it. ' +
          'Nothing consumes it, so a dead-letter queue behind it would never receive anything.',
      },
      {
        id: 'Serverless-SQSRedrivePolicy',
        reason:
          'Same reason as AwsSolutions-SQS3: a redrive policy moves messages that consumers keep ' +
          'failing on, and this dead-letter queue has no consumer; operators read it by hand.',
      },
    ]);
  }
}
