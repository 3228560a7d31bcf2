import { Duration } from 'aws-cdk-lib';
import { HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { ENV } from '../../functions/config.ts';
import { LAZY_MODULES } from '../../functions/core/quotes/tag-words.ts';
import { KEY_PREFIX } from '../key-prefixes.ts';
import { grantReadUnder, grantReadWriteUnder } from '../prefix-grants.ts';
import { NagSuppressions } from 'cdk-nag';
import { configureHttpApiStage } from './configure-http-api-stage.ts';
import { VerbatimFunction } from './verbatim-function.ts';

/** Options for {@link Api}. */
export interface ApiProps {
  readonly bucket: IBucket;
  readonly table: ITable;
  readonly logRetention: RetentionDays;
  /** Largest accepted upload; see `VerbatimStackProps.maxUploadBytes`. */
  readonly maxUploadBytes: number;
}

/**
 * The public face: one Lambda running the Hono app (API and UI, same origin) behind an HTTP API,
 * and the generated token that guards the write endpoints.
 */
export class Api extends Construct {
  readonly fn: VerbatimFunction;
  readonly httpApi: HttpApi;
  /** The write-API token; operators read it from Secrets Manager to hand to uploaders. */
  readonly tokenSecret: Secret;
  /** The HTTP API's access logs, one JSON line per request. */
  readonly accessLogs: LogGroup;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);

    this.tokenSecret = new Secret(this, 'Token', {
      description: 'Bearer token for the Verbatim write API',
      generateSecretString: { passwordLength: 40, excludePunctuation: true },
    });
    NagSuppressions.addResourceSuppressions(this.tokenSecret, [
      {
        id: 'AwsSolutions-SMG4',
        reason:
          'Rotated by hand, deliberately (README, Deployment: "The write token"). It is one bearer ' +
          'token that people paste into the upload page and the import CLI, and CloudFormation ' +
          'copies it into the function at deploy time: a scheduled rotation would lock out every ' +
          'uploader at once and still not reach the function until the next deploy.',
      },
    ]);

    this.fn = new VerbatimFunction(this, 'Function', {
      description: 'Verbatim HTTP API and UI',
      entry: 'functions/handlers/api.ts',
      // The UI's CSS and client script are read from disk relative to the code (web/assets.ts).
      copyFolders: ['web/static'],
      // Uploads are parsed in worker threads (functions/app/prepare-worker-pool.ts).
      extraEntries: { 'prepare-worker': 'functions/handlers/prepare-worker.ts' },
      // The speaker tagger's model is required on first use, never parsed at a search's cold start.
      lazyModules: [...LAZY_MODULES],
      memorySize: 1536, // more memory = more CPU: search and PDF parsing are CPU-bound
      timeout: Duration.seconds(29), // API Gateway gives up at 30 s anyway
      logRetention: props.logRetention,
      environment: {
        [ENV.bucket]: props.bucket.bucketName,
        [ENV.table]: props.table.tableName,
        // Tradeoff: CloudFormation resolves this dynamic reference at deploy time, so the token
        // sits in the function's configuration (visible to anyone with lambda:GetFunction) and a
        // rotation needs a redeploy. In exchange there is no Secrets Manager call on cold start
        // and no secretsmanager permission on the role. Fine for one shared uploader token.
        [ENV.apiToken]: this.tokenSecret.secretValue.unsafeUnwrap(),
        [ENV.maxUploadBytes]: String(props.maxUploadBytes),
      },
    });

    const { bucket, table } = props;
    // The API ingests and deletes originals and documents, and reads index snapshots, but never
    // writes the index: the indexer is its only writer.
    grantReadWriteUnder(bucket, this.fn, KEY_PREFIX.originals);
    grantReadWriteUnder(bucket, this.fn, KEY_PREFIX.documents);
    grantReadUnder(bucket, this.fn, KEY_PREFIX.index);
    table.grantReadWriteData(this.fn);

    const integration = new HttpLambdaIntegration('Integration', this.fn);
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'Verbatim: search, read and quote-check archived articles',
    });
    // Hono does the routing; API Gateway forwards everything (payload format 2.0).
    this.httpApi.addRoutes({ path: '/', methods: [HttpMethod.ANY], integration });
    this.httpApi.addRoutes({ path: '/{proxy+}', methods: [HttpMethod.ANY], integration });
    this.accessLogs = configureHttpApiStage(this, this.httpApi, { integration, logRetention: props.logRetention });

    NagSuppressions.addResourceSuppressions(
      this.httpApi,
      [
        {
          id: 'AwsSolutions-APIG4',
          reason:
            'By design: searching, reading and checking quotes are public (an open archive), so the ' +
            'catch-all routes have no API Gateway authorizer. Every write route is guarded in the app ' +
            '(functions/http/require-writer.ts: Bearer token, 401 without it), which the HTTP tests check.',
        },
      ],
      true,
    );
    NagSuppressions.addResourceSuppressions(this.fn, [
      {
        id: 'Serverless-LambdaDLQ',
        reason:
          'Not applicable: API Gateway invokes this function synchronously (its only ' +
          'Lambda::Permission principal is apigateway.amazonaws.com), and a dead-letter queue only ' +
          'ever receives asynchronous invocations. A failed request is answered with a 5xx and ' +
          'counted by the Api5xx and ApiErrors alarms.',
      },
    ]);
  }
}
