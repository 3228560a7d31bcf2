import { Duration } from 'aws-cdk-lib';
import { HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { ENV } from '../../functions/config.ts';
import { LAZY_MODULES } from '../../functions/core/quotes/tag-words.ts';
import { KEY_PREFIX } from '../key-prefixes.ts';
import { grantReadUnder, grantReadWriteUnder } from '../prefix-grants.ts';
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

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);

    this.tokenSecret = new Secret(this, 'Token', {
      description: 'Bearer token for the Verbatim write API',
      generateSecretString: { passwordLength: 40, excludePunctuation: true },
    });

    this.fn = new VerbatimFunction(this, 'Function', {
      description: 'Verbatim HTTP API and UI',
      entry: 'functions/handlers/api.ts',
      // The UI's CSS and client script are read from disk relative to the code (web/assets.ts).
      copyFolders: ['web/static'],
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
  }
}
