import { Duration } from 'aws-cdk-lib';
import { ComparisonOperator, TreatMissingData, type Metric } from 'aws-cdk-lib/aws-cloudwatch';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** Options for {@link Alarms}. */
export interface AlarmsProps {
  readonly apiFunction: IFunction;
  readonly indexerFunction: IFunction;
  readonly importFunction: IFunction;
  readonly httpApi: IHttpApi;
  /** The indexer's dead-letter queue (failed and dropped ticks). */
  readonly indexerFailures: IQueue;
  /** The import job's dead-letter queue (files that failed three times). */
  readonly importDeadLetters: IQueue;
}

const PERIOD = Duration.minutes(5);

/**
 * Alarms on anything going wrong at all: traffic is low, so a single error is a signal, not
 * noise. No notification target is wired here; subscribe one (SNS, chat) per deployment.
 */
export class Alarms extends Construct {
  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    const sum = { period: PERIOD, statistic: 'Sum' };
    this.alarm('ApiErrors', 'The API function threw or timed out', props.apiFunction.metricErrors(sum));
    this.alarm(
      'IndexerErrors',
      'The indexer failed: search still works but reads more of the log on every request',
      props.indexerFunction.metricErrors(sum),
    );
    this.alarm(
      'ImportErrors',
      'The import function failed a whole batch: its files return to the queue and are retried',
      props.importFunction.metricErrors(sum),
    );
    this.alarm('Api5xx', 'The HTTP API returned 5xx responses', props.httpApi.metricServerError(sum));
    this.alarm(
      'IndexerFailures',
      'An indexer tick failed or was dropped (compaction still running past its slot): read the message in the failure queue',
      // Maximum, not Sum: the alarm stays on while any message waits, not only when one arrives.
      props.indexerFailures.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: 'Maximum' }),
    );
    this.alarm(
      'ImportDeadLetters',
      'Files under incoming/ failed to import three times: read their notifications in the import dead-letter queue',
      props.importDeadLetters.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: 'Maximum' }),
    );
  }

  private alarm(id: string, description: string, metric: Metric): void {
    metric.createAlarm(this, id, {
      alarmDescription: description,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // No traffic is not a failure.
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}
