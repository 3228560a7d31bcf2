/**
 * Template tests for the Verbatim stack: what the deployed resources will allow, not how the CDK
 * code is written. Synthesized with cdk.json's feature flags so the template matches what
 * `cdk synth` produces. The template tests skip bundling (fast, and independent of whether the
 * function code compiles today); one suite bundles the real handlers with esbuild and inspects
 * the output.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { App } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { LAZY_MODULES } from '../../functions/core/quotes/tag-words.ts';
import { ENV } from '../../functions/config.ts';
import { documentKey, originalKey, shardKey } from '../../functions/core/storage-keys.ts';
import { WRITE_ROUTES } from '../../infra/constructs/configure-http-api-stage.ts';
import { KEY_PREFIX } from '../../infra/key-prefixes.ts';
import {
  allowStatements,
  archiveBucket,
  functionByDescription,
  grantsOf,
  NO_BUNDLING,
  single,
  synth,
  type CfnResource,
} from './template-helpers.ts';

let template: Template;
let bucketId: string;
let tableId: string;
let api: [string, CfnResource];
let indexer: [string, CfnResource];
let importer: [string, CfnResource];
const obj = (prefix: string) => `arn:${bucketId}/${prefix}*`;

beforeAll(() => {
  ({ template } = synth(undefined, NO_BUNDLING));
  bucketId = archiveBucket(template)[0];
  tableId = single(template, 'AWS::DynamoDB::Table')[0];
  api = functionByDescription(template, 'Verbatim HTTP API and UI');
  indexer = functionByDescription(template, 'Verbatim search index compactor');
  importer = functionByDescription(template, 'Verbatim bulk import: files under incoming/, announced on a queue');
});

describe('storage', () => {
  it('keeps a private, versioned, encrypted, retained bucket that refuses plain HTTP', () => {
    template.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: {
        VersioningConfiguration: { Status: 'Enabled' },
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
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: bucketId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('expires old versions of index snapshots and files left for the import job only, never originals', () => {
    const rules = archiveBucket(template)[1].Properties!.LifecycleConfiguration.Rules as any[];
    const expiring = rules.filter((r) => r.NoncurrentVersionExpiration || r.ExpirationInDays || r.ExpirationDate);
    expect(expiring).toEqual([
      expect.objectContaining({ Prefix: KEY_PREFIX.index, NoncurrentVersionExpiration: { NoncurrentDays: 7 } }),
      expect.objectContaining({
        Prefix: KEY_PREFIX.incoming,
        ExpirationInDays: 14,
        NoncurrentVersionExpiration: { NoncurrentDays: 1 },
      }),
    ]);
  });

  it('has a pk/sk on-demand table with point-in-time recovery, retained', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: {
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      },
    });
  });

  it('grants on the same prefixes the functions build keys under', () => {
    expect(originalKey('x').startsWith(KEY_PREFIX.originals)).toBe(true);
    expect(documentKey('x').startsWith(KEY_PREFIX.documents)).toBe(true);
    expect(shardKey(1, 'attempt', 0).startsWith(KEY_PREFIX.index)).toBe(true);
  });
});

describe('functions', () => {
  it('are exactly three, on Node.js 24 / arm64, with month-long log groups (no helper Lambdas)', () => {
    template.resourceCountIs('AWS::Lambda::Function', 3);
    for (const [, fn] of [api, indexer, importer]) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
      });
      const logGroupId = fn.Properties!.LoggingConfig.LogGroup.Ref as string;
      expect(template.toJSON().Resources[logGroupId].Properties.RetentionInDays).toBe(30);
    }
    expect(api[1].Properties).toMatchObject({ MemorySize: 1536, Timeout: 29 });
    expect(indexer[1].Properties).toMatchObject({ MemorySize: 2048, Timeout: 300, ReservedConcurrentExecutions: 1 });
    expect(importer[1].Properties).toMatchObject({ MemorySize: 1769, Timeout: 120 });
  });

  it('runs the indexer every minute and drops ticks it cannot run instead of queueing them', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 minute)',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [indexer[0], 'Arn'] } })],
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      FunctionName: { 'Fn::GetAtt': [indexer[0], 'Arn'] },
      Principal: 'events.amazonaws.com',
    });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: indexer[0] },
      MaximumRetryAttempts: 0,
      MaximumEventAgeInSeconds: 60,
    });
  });

  it('set the variables functions/config.ts reads, and no local-only ones', () => {
    const env = (fn: CfnResource) => fn.Properties!.Environment.Variables as Record<string, unknown>;
    const verbatimNames = (fn: CfnResource) =>
      Object.keys(env(fn))
        .filter((k) => k !== 'NODE_OPTIONS')
        .sort();
    expect(verbatimNames(api[1])).toEqual([ENV.apiToken, ENV.bucket, ENV.maxUploadBytes, ENV.table].sort());
    expect(verbatimNames(indexer[1])).toEqual([ENV.bucket, ENV.table].sort());
    expect(verbatimNames(importer[1])).toEqual([ENV.bucket, ENV.table].sort());
    for (const [, fn] of [api, indexer, importer]) {
      expect(env(fn)[ENV.bucket]).toEqual({ Ref: bucketId });
      expect(env(fn)[ENV.table]).toEqual({ Ref: tableId });
      expect(env(fn).NODE_OPTIONS).toBe('--enable-source-maps');
    }
    // 4 MiB: what survives Lambda's 6 MB payload limit after API Gateway's base64.
    expect(env(api[1])[ENV.maxUploadBytes]).toBe(String(4 * 1024 * 1024));
  });
});

describe('permissions', () => {
  const objectResources = (grants: Map<string, Set<string>>, action: string) =>
    [...(grants.get(action) ?? [])].filter((r) => r.startsWith(`arn:${bucketId}/`)).sort();

  it('let the API write originals and documents, and only read the index', () => {
    const grants = grantsOf(template, api[1]);
    const { originals, documents, index } = KEY_PREFIX;
    expect(objectResources(grants, 's3:PutObject')).toEqual([obj(documents), obj(originals)]);
    expect(objectResources(grants, 's3:DeleteObject')).toEqual([obj(documents), obj(originals)]);
    expect(objectResources(grants, 's3:GetObject')).toEqual([obj(documents), obj(index), obj(originals)]);
  });

  it('let the import job read and delete incoming files, write originals and documents as an upload does, and only read the index', () => {
    const grants = grantsOf(template, importer[1]);
    const { documents, incoming, index, originals } = KEY_PREFIX;
    expect(objectResources(grants, 's3:PutObject')).toEqual([obj(documents), obj(originals)]);
    expect(objectResources(grants, 's3:DeleteObject')).toEqual([obj(documents), obj(incoming), obj(originals)]);
    expect(objectResources(grants, 's3:GetObject')).toEqual([
      obj(documents),
      obj(incoming),
      obj(index),
      obj(originals),
    ]);
  });

  it('let the indexer own the index, read documents and originals, and delete but never write them', () => {
    const grants = grantsOf(template, indexer[1]);
    const { documents, index, originals } = KEY_PREFIX;
    expect(objectResources(grants, 's3:PutObject')).toEqual([obj(index)]);
    expect(objectResources(grants, 's3:DeleteObject')).toEqual([obj(documents), obj(index), obj(originals)]);
    expect(objectResources(grants, 's3:GetObject')).toEqual([obj(documents), obj(index), obj(originals)]);
  });

  it('give both functions item access to the table', () => {
    for (const [, fn] of [api, indexer]) {
      const grants = grantsOf(template, fn);
      for (const action of ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'BatchGetItem']) {
        expect(grants.get(`dynamodb:${action}`), action).toEqual(new Set([`arn:${tableId}`]));
      }
    }
  });

  it('grant no wildcard services, whole-bucket object access or version deletes', () => {
    const statements = allowStatements(template);
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements) {
      expect(
        s.actions.filter((a) => /^(\*|s3:\*|dynamodb:\*|s3:DeleteObject\*|s3:DeleteObjectVersion)$/.test(a)),
      ).toEqual([]);
      expect(s.resources).not.toContain(`arn:${bucketId}/*`);
      if (s.actions.some((a) => a.startsWith('s3:') || a.startsWith('dynamodb:')))
        expect(s.resources).not.toContain('*');
    }
  });
});

describe('HTTP API', () => {
  it('sends ANY / and ANY /{proxy+} (and the write routes, for their throttle) to the API function with payload format 2.0, no CORS', () => {
    const [apiId, httpApi] = single(template, 'AWS::ApiGatewayV2::Api');
    expect(httpApi.Properties).toMatchObject({ ProtocolType: 'HTTP' });
    expect(httpApi.Properties!.CorsConfiguration).toBeUndefined();
    const [integrationId] = single(template, 'AWS::ApiGatewayV2::Integration');
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      ApiId: { Ref: apiId },
      IntegrationType: 'AWS_PROXY',
      IntegrationUri: { 'Fn::GetAtt': [api[0], 'Arn'] },
      PayloadFormatVersion: '2.0',
    });
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')) as CfnResource[];
    expect(routes.map((r) => r.Properties!.RouteKey).sort()).toEqual(
      ['ANY /', 'ANY /{proxy+}', ...WRITE_ROUTES.map((r) => `${r.method} ${r.path}`)].sort(),
    );
    for (const r of routes) {
      expect(r.Properties!.Target).toEqual({ 'Fn::Join': ['', ['integrations/', { Ref: integrationId }]] });
    }
    template.hasOutput('ApiUrl', { Value: { 'Fn::GetAtt': [apiId, 'ApiEndpoint'] } });
  });

  it('guards writes with a generated token, resolved into the API environment at deploy time', () => {
    const [secretId] = single(template, 'AWS::SecretsManager::Secret');
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: { PasswordLength: 40, ExcludePunctuation: true },
    });
    expect(api[1].Properties!.Environment.Variables[ENV.apiToken]).toEqual({
      'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: secretId }, ':SecretString:::}}']],
    });
    expect(indexer[1].Properties!.Environment.Variables[ENV.apiToken]).toBeUndefined();
    template.hasOutput('ApiTokenSecretArn', { Value: { Ref: secretId } });
  });
});

describe('alarms', () => {
  it('fire on any API, indexer or import error or API 5xx in five minutes', () => {
    template.resourceCountIs('AWS::CloudWatch::Alarm', 6);
    const common = { Threshold: 1, Period: 300, Statistic: 'Sum', ComparisonOperator: 'GreaterThanOrEqualToThreshold' };
    for (const [fnId] of [api, indexer, importer]) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        ...common,
        Namespace: 'AWS/Lambda',
        MetricName: 'Errors',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: fnId } }],
      });
    }
    const [apiId] = single(template, 'AWS::ApiGatewayV2::Api');
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      ...common,
      Namespace: 'AWS/ApiGateway',
      MetricName: '5xx',
      Dimensions: [{ Name: 'ApiId', Value: { Ref: apiId } }],
    });
  });
});

describe('bundles', () => {
  let bundled: { app: App; template: Template };
  // Runs esbuild on the real handlers (a child process each): seconds, more on a loaded machine;
  // fails if they do not compile.
  beforeAll(() => {
    bundled = synth();
  }, 240_000);

  it('are ESM with a require shim and source maps, with the AWS SDK inside the bundle', () => {
    const fns = Object.values(bundled.template.findResources('AWS::Lambda::Function')) as CfnResource[];
    expect(fns).toHaveLength(3);
    for (const fn of fns) {
      const hash = (fn.Properties!.Code.S3Key as string).replace(/\.zip$/, '');
      const bundle = join(bundled.app.outdir, `asset.${hash}`, 'index.mjs');
      expect(existsSync(bundle), bundle).toBe(true);
      const code = readFileSync(bundle, 'utf8');
      expect(code.startsWith("import { createRequire } from 'module'; const require = createRequire(")).toBe(true);
      // Statement-level imports only: the SDK's own error messages quote `import "@aws-sdk/…"`.
      expect(code).not.toMatch(/(?:^|[;\n}])import\s*(?:[^;"'()]*?from\s*)?["']@aws-sdk\//m);
      expect(code).not.toMatch(/\bimport\(\s*["']@aws-sdk\//);
      expect(existsSync(`${bundle}.map`)).toBe(true);
    }
  });

  it('are one per function: the indexer’s is not the api’s (CDK caches bundles by their options)', () => {
    const [api, indexer] = ['Verbatim HTTP API and UI', 'Verbatim search index compactor'].map(
      (d) => functionByDescription(bundled.template, d)[1],
    );
    expect(api.Properties!.Code.S3Key).not.toBe(indexer.Properties!.Code.S3Key);
    const dir = join(bundled.app.outdir, `asset.${(indexer.Properties!.Code.S3Key as string).replace(/\.zip$/, '')}`);
    expect(existsSync(join(dir, 'static'))).toBe(false);
  });

  it('ship the UI’s static files beside the api bundle, where web/assets.ts looks for them', () => {
    const api = functionByDescription(bundled.template, 'Verbatim HTTP API and UI')[1];
    const dir = join(bundled.app.outdir, `asset.${(api.Properties!.Code.S3Key as string).replace(/\.zip$/, '')}`);
    for (const file of ['site.css', 'app.js']) expect(existsSync(join(dir, 'static', file)), file).toBe(true);
  });

  it('ship the parsing worker beside index.mjs, where the bundle looks for it, and parses an upload', async () => {
    const api = functionByDescription(bundled.template, 'Verbatim HTTP API and UI')[1];
    const dir = join(bundled.app.outdir, `asset.${(api.Properties!.Code.S3Key as string).replace(/\.zip$/, '')}`);
    // The pool that starts it sits in index.mjs or in a chunk; either way it names this file.
    const code = ['index.mjs', ...readdirSync(join(dir, 'chunks')).map((name) => `chunks/${name}`)].map((name) =>
      readFileSync(join(dir, name), 'utf8'),
    );
    expect(code.some((text) => text.includes('prepare-worker.mjs'))).toBe(true);
    const worker = new Worker(join(dir, 'prepare-worker.mjs'));
    try {
      // First the worker names its thread for the pool's CPU clock, then it answers the task.
      const hello = await new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject));
      expect(hello).toEqual({ threadStat: expect.stringMatching(/^\/proc\/\d+\/task\/\d+\/stat$/) });
      const reply = await new Promise((resolve, reject) => {
        worker.once('message', resolve).once('error', reject);
        const html = '<html><head><title>Bundled</title></head><body><p>“It runs,” said the bundle.</p></body></html>';
        worker.postMessage({ kind: 'read', file: { bytes: new TextEncoder().encode(html), contentType: 'text/html' } });
      });
      expect(reply).toMatchObject({
        ok: true,
        value: { parsed: { format: 'html', metadata: { title: 'Bundled' } }, text: '“It runs,” said the bundle.' },
      });
    } finally {
      await worker.terminate();
    }
  });

  it('ship the lazily loaded tagger beside the api bundle, outside the code parsed at start', () => {
    const api = functionByDescription(bundled.template, 'Verbatim HTTP API and UI')[1];
    const dir = join(bundled.app.outdir, `asset.${(api.Properties!.Code.S3Key as string).replace(/\.zip$/, '')}`);
    for (const m of LAZY_MODULES) expect(existsSync(join(dir, 'node_modules', m, 'package.json')), m).toBe(true);
    // The model's 3.6 MB stay out of the bundle (index.mjs and its chunks): a search's cold start never parses them.
    for (const name of ['index.mjs', ...readdirSync(join(dir, 'chunks')).map((chunk) => `chunks/${chunk}`)]) {
      const code = readFileSync(join(dir, name), 'utf8');
      expect(code, name).not.toContain('loadPOSModel');
      expect(code, name).not.toContain('readDoc=function');
    }
  });
});

describe('props', () => {
  it('tune snapshot retention and the upload limit', () => {
    const { template: t } = synth({ indexVersionRetentionDays: 3, maxUploadBytes: 1_000_000 }, NO_BUNDLING);
    const rules = archiveBucket(t)[1].Properties!.LifecycleConfiguration.Rules as any[];
    expect(rules.find((r) => r.Prefix === KEY_PREFIX.index).NoncurrentVersionExpiration).toEqual({ NoncurrentDays: 3 });
    const fn = functionByDescription(t, 'Verbatim HTTP API and UI')[1];
    expect(fn.Properties!.Environment.Variables[ENV.maxUploadBytes]).toBe('1000000');
  });

  it('refuse an upload limit Lambda could never accept', () => {
    expect(() => synth({ maxUploadBytes: 10 * 1024 * 1024 }, NO_BUNDLING)).toThrow(/maxUploadBytes/);
  });
});

describe('the bulk import job', () => {
  const queues = () => Object.entries(template.findResources('AWS::SQS::Queue')) as [string, CfnResource][];
  const importQueue = () => queues().find(([id]) => /^ImportQueue/.test(id))!;
  const deadLetters = () => queues().find(([id]) => /^ImportDeadLetters/.test(id))!;

  it('takes files under incoming/ from an S3 notification to an encrypted queue, retried three times, then kept aside', () => {
    const [queueId, queue] = importQueue();
    expect(queue.Properties).toMatchObject({
      SqsManagedSseEnabled: true,
      // Six times the function's timeout, as Lambda advises for an SQS source.
      VisibilityTimeout: 6 * 120,
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [deadLetters()[0], 'Arn'] }, maxReceiveCount: 3 },
    });
    const [, bucket] = archiveBucket(template);
    expect(bucket.Properties!.NotificationConfiguration).toEqual({
      QueueConfigurations: [
        {
          Event: 's3:ObjectCreated:*',
          Queue: { 'Fn::GetAtt': [queueId, 'Arn'] },
          Filter: { S3Key: { Rules: [{ Name: 'prefix', Value: KEY_PREFIX.incoming }] } },
        },
      ],
    });
    // S3 checks it may publish when the notification is applied: the policy comes first.
    const policies = Object.entries(template.findResources('AWS::SQS::QueuePolicy')) as [string, CfnResource][];
    const [policyId, policy] = policies.find(
      ([, p]) => JSON.stringify(p.Properties!.Queues) === JSON.stringify([{ Ref: queueId }]),
    )!;
    expect(bucket.DependsOn).toContain(policyId);
    expect(policy.Properties!.PolicyDocument.Statement).toContainEqual(
      expect.objectContaining({
        Effect: 'Allow',
        Action: 'sqs:SendMessage',
        Principal: { Service: 's3.amazonaws.com' },
        Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
      }),
    );
  });

  it('feeds the import function batches of 100, reporting back only the failed files, with at most ten importers', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: importer[0] },
      EventSourceArn: { 'Fn::GetAtt': [importQueue()[0], 'Arn'] },
      BatchSize: 100,
      MaximumBatchingWindowInSeconds: 5,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 10 },
    });
  });

  it('raises an alarm while a file waits in the dead-letter queue', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Statistic: 'Maximum',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [deadLetters()[0], 'QueueName'] } }],
    });
  });
});
