/**
 * Template tests for what an operator and a reviewer need from the stack: throttles, access logs
 * (API and bucket), the indexer's failure queue and its alarm, log retention, tracing, explicit
 * sizing and the runtime. Like verbatim-stack.test.ts, they read the synthesized template.
 */
import type { Template } from 'aws-cdk-lib/assertions';
import { Runtime } from 'aws-cdk-lib/aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ACCESS_LOG_FORMAT,
  READ_THROTTLE,
  WRITE_ROUTES,
  WRITE_THROTTLE,
} from '../../infra/constructs/configure-http-api-stage.ts';
import { ACCESS_LOG_PREFIX } from '../../infra/constructs/storage.ts';
import {
  allowStatements,
  archiveBucket,
  functionByDescription,
  NO_BUNDLING,
  single,
  singleWith,
  synth,
  type CfnResource,
} from './template-helpers.ts';

let template: Template;
let resources: Record<string, CfnResource>;
let functions: [string, CfnResource][];
/** The statement CDK's `enforceSSL` adds to a bucket or queue policy. */
const DENY_PLAIN_HTTP = expect.objectContaining({
  Effect: 'Deny',
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
});
const statementsOf = (policy: CfnResource) => policy.Properties!.PolicyDocument.Statement as Record<string, unknown>[];
const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
/** The indexer's failure queue (the import job has a queue and a dead-letter queue of its own). */
const failureQueue = () => {
  const found = ofType('AWS::SQS::Queue').filter(([id]) => id.startsWith('IndexerFailures'));
  expect(found).toHaveLength(1);
  return found[0];
};

beforeAll(() => {
  ({ template } = synth(undefined, NO_BUNDLING));
  resources = template.toJSON().Resources;
  functions = ofType('AWS::Lambda::Function');
});

describe('HTTP API stage', () => {
  it('throttles every route, and the write routes to a tenth of the read rate', () => {
    const [, stage] = single(template, 'AWS::ApiGatewayV2::Stage');
    expect(stage.Properties!.StageName).toBe('$default');
    expect(stage.Properties!.DefaultRouteSettings).toEqual({
      ThrottlingRateLimit: READ_THROTTLE.rateLimit,
      ThrottlingBurstLimit: READ_THROTTLE.burstLimit,
    });
    expect(WRITE_THROTTLE.rateLimit).toBeLessThan(READ_THROTTLE.rateLimit);
    const routeKeys = WRITE_ROUTES.map((r) => `${r.method} ${r.path}`);
    expect(Object.keys(stage.Properties!.RouteSettings).sort()).toEqual([...routeKeys].sort());
    for (const key of routeKeys) {
      expect(stage.Properties!.RouteSettings[key]).toEqual({
        ThrottlingRateLimit: WRITE_THROTTLE.rateLimit,
        ThrottlingBurstLimit: WRITE_THROTTLE.burstLimit,
      });
      // The route must exist before CloudFormation applies settings to its key.
      const [routeId] = singleWith(template, 'AWS::ApiGatewayV2::Route', { RouteKey: key });
      expect(stage.DependsOn).toContain(routeId);
    }
  });

  it('writes a JSON access-log line per request, without query strings, to a log group kept 30 days', () => {
    const [, stage] = single(template, 'AWS::ApiGatewayV2::Stage');
    const { DestinationArn, Format } = stage.Properties!.AccessLogSettings;
    const logGroupId = DestinationArn['Fn::GetAtt'][0] as string;
    expect(resources[logGroupId]).toMatchObject({ Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 30 } });
    const format = JSON.parse(Format);
    expect(format).toEqual(ACCESS_LOG_FORMAT);
    expect(format).toMatchObject({
      requestId: '$context.requestId',
      status: '$context.status',
      ip: '$context.identity.sourceIp',
    });
    expect(Format).not.toMatch(/querystring|authorization/i);
  });
});

describe('bucket access logs', () => {
  it('go to a private, SSL-only log bucket whose logs expire after 90 days', () => {
    const [bucketId, bucket] = archiveBucket(template);
    const logBucketId = bucket.Properties!.LoggingConfiguration.DestinationBucketName.Ref as string;
    expect(bucket.Properties!.LoggingConfiguration.LogFilePrefix).toBe(ACCESS_LOG_PREFIX);
    const logBucket = resources[logBucketId];
    expect(logBucket).toMatchObject({
      Type: 'AWS::S3::Bucket',
      DeletionPolicy: 'Retain',
      Properties: {
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
      },
    });
    expect(logBucket.Properties!.LifecycleConfiguration.Rules).toContainEqual(
      expect.objectContaining({ ExpirationInDays: 90, Status: 'Enabled' }),
    );
    const [, policy] = singleWith(template, 'AWS::S3::BucketPolicy', { Bucket: { Ref: logBucketId } });
    const statements = statementsOf(policy);
    expect(statements).toContainEqual(DENY_PLAIN_HTTP);
    // Only S3's log delivery may write, only for this archive bucket, only under the log prefix.
    expect(statements).toContainEqual(
      expect.objectContaining({
        Effect: 'Allow',
        Action: 's3:PutObject',
        Principal: { Service: 'logging.s3.amazonaws.com' },
        Condition: expect.objectContaining({ ArnLike: { 'aws:SourceArn': { 'Fn::GetAtt': [bucketId, 'Arn'] } } }),
        Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [logBucketId, 'Arn'] }, `/${ACCESS_LOG_PREFIX}*`]] },
      }),
    );
  });

  it('are kept as long as the bucketAccessLogRetentionDays prop says', () => {
    const { template: t } = synth({ bucketAccessLogRetentionDays: 400 }, NO_BUNDLING);
    const logBucketId = archiveBucket(t)[1].Properties!.LoggingConfiguration.DestinationBucketName.Ref as string;
    const rules = t.toJSON().Resources[logBucketId].Properties.LifecycleConfiguration.Rules;
    expect(rules).toContainEqual(expect.objectContaining({ ExpirationInDays: 400 }));
  });
});

describe('indexer failures', () => {
  const queueArn = () => ({ 'Fn::GetAtt': [failureQueue()[0], 'Arn'] });

  it('land in one encrypted, SSL-only queue from the function and from the schedule', () => {
    const [queueId, queue] = failureQueue();
    expect(queue.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
    const [indexerId] = functionByDescription(template, 'Verbatim search index compactor');
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: indexerId },
      DestinationConfig: { OnFailure: { Destination: queueArn() } },
    });
    const [ruleId, rule] = single(template, 'AWS::Events::Rule');
    expect(rule.Properties!.Targets).toEqual([expect.objectContaining({ DeadLetterConfig: { Arn: queueArn() } })]);
    const [, policy] = singleWith(template, 'AWS::SQS::QueuePolicy', { Queues: [{ Ref: queueId }] });
    const statements = statementsOf(policy);
    expect(statements).toContainEqual(DENY_PLAIN_HTTP);
    expect(statements).toContainEqual(
      expect.objectContaining({
        Effect: 'Allow',
        Action: 'sqs:SendMessage',
        Principal: { Service: 'events.amazonaws.com' },
        Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [ruleId, 'Arn'] } } },
      }),
    );
    // The function role sends its own failure records (Lambda destinations use the function's role).
    const indexerRole = functionByDescription(template, 'Verbatim search index compactor')[1].Properties!.Role[
      'Fn::GetAtt'
    ][0];
    const sends = allowStatements(template).filter((s) => s.actions.includes('sqs:SendMessage'));
    expect(sends.map((s) => s.roles)).toEqual([[indexerRole]]);
  });

  it('raise an alarm while any message waits in the queue', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Statistic: 'Maximum',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [failureQueue()[0], 'QueueName'] } }],
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
    });
  });
});

describe('every function', () => {
  it('runs on the newest Node.js runtime aws-cdk-lib knows, with explicit memory and timeout', () => {
    const version = (name: string) => Number(/^nodejs(\d+)\.x$/.exec(name)?.[1] ?? 0);
    const newest = Runtime.ALL.map((r) => r.name)
      .filter(version)
      .sort((a, b) => version(b) - version(a))[0];
    expect(functions.length).toBeGreaterThan(0);
    for (const [id, fn] of functions) {
      expect(fn.Properties!.Runtime, id).toBe(newest);
      expect(fn.Properties!.MemorySize, id).toBeGreaterThan(128);
      expect(fn.Properties!.Timeout, id).toBeGreaterThan(3);
    }
  });

  it('logs to its own log group with a retention, and every log group has one', () => {
    for (const [id, fn] of functions) {
      const logGroupId = fn.Properties!.LoggingConfig?.LogGroup?.Ref as string;
      expect(resources[logGroupId]?.Type, id).toBe('AWS::Logs::LogGroup');
    }
    const groups = ofType('AWS::Logs::LogGroup');
    expect(groups.length).toBe(functions.length + 1); // + the HTTP API's access logs
    for (const [id, group] of groups) expect(group.Properties!.RetentionInDays, id).toBeGreaterThan(0);
  });

  it('is traced by X-Ray, and X-Ray’s is the only grant on "*"', () => {
    for (const [id, fn] of functions) expect(fn.Properties!.TracingConfig, id).toEqual({ Mode: 'Active' });
    const onStar = allowStatements(template).filter((s) => s.resources.includes('*'));
    expect(onStar.length).toBe(functions.length);
    for (const s of onStar) expect(s.actions.sort()).toEqual(['xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
  });

  it('has a role of its own with no managed policies, writing logs to its own group only', () => {
    for (const [id, fn] of functions) {
      const roleId = fn.Properties!.Role['Fn::GetAtt'][0] as string;
      expect(resources[roleId].Properties!.ManagedPolicyArns, id).toBeUndefined();
      const logWrites = allowStatements(template).filter(
        (s) => s.roles.includes(roleId) && s.actions.some((a) => a.startsWith('logs:')),
      );
      expect(
        logWrites.flatMap((s) => s.resources),
        id,
      ).toEqual([`arn:${fn.Properties!.LoggingConfig.LogGroup.Ref}`]);
    }
  });

  it('may call exactly the S3 actions the adapters use', () => {
    const s3Actions = new Set(
      allowStatements(template)
        .flatMap((s) => s.actions)
        .filter((a) => a.startsWith('s3:')),
    );
    expect([...s3Actions].sort()).toEqual(['s3:DeleteObject', 's3:GetObject', 's3:ListBucket', 's3:PutObject']);
  });
});
