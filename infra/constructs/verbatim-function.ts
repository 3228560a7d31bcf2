import { fileURLToPath } from 'node:url';
import { ServicePrincipal, Role } from 'aws-cdk-lib/aws-iam';
import {
  Architecture,
  Function as LambdaFunction,
  Runtime,
  Tracing,
  type FunctionOptions,
} from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { NagSuppressions } from 'cdk-nag';
import type { Construct } from 'constructs';
import { splitBundleCode } from './split-bundle-code.ts';

export { REQUIRE_SHIM } from './split-bundle-code.ts';

/** The repository root, so entries resolve the same from the CLI and tests. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The handler's file (`index.mjs`) and export, as Lambda is told to load it. */
export const HANDLER = 'index.handler';

/** Options for {@link VerbatimFunction}. */
export interface VerbatimFunctionProps
  extends
    Omit<FunctionOptions, 'runtime' | 'architecture' | 'logGroup' | 'role' | 'tracing' | 'memorySize' | 'timeout'>,
    // Lambda's defaults (128 MB, 3 s) suit no Verbatim function: each states its own sizing.
    Required<Pick<FunctionOptions, 'memorySize' | 'timeout'>> {
  /** Entry file, relative to the repository root, e.g. `functions/handlers/api.ts`. */
  readonly entry: string;
  /**
   * More entry points shipped beside the handler, by output name, e.g. a worker thread's script:
   * `{ 'parse-worker': 'functions/handlers/parse-worker.ts' }` ships `parse-worker.mjs` next to
   * `index.mjs`, sharing its chunks.
   */
  readonly extraEntries?: Readonly<Record<string, string>>;
  /** How long the function's logs are kept. */
  readonly logRetention: RetentionDays;
  /**
   * Folders (relative to the repository root) copied next to the bundle, keeping their last path
   * segment: code that reads files relative to itself (`web/static/`) finds them as `static/`.
   */
  readonly copyFolders?: string[];
  /**
   * Packages that the code loads lazily with `createRequire` (the bundler leaves them out), copied
   * into `node_modules/` beside the bundle: wink-nlp's 3.6 MB model is parsed only when ingest
   * first tags a speaker, never on a search's cold start.
   */
  readonly lazyModules?: string[];
}

/**
 * A Verbatim Lambda function: Node.js 24 (the newest Lambda runtime aws-cdk-lib offers) on
 * Graviton, bundled locally by esbuild into a minified ESM handler with code splitting (see
 * split-bundle-code.ts) and source maps, traced by X-Ray, logging to its own log group with a
 * bounded retention, under a role of its own.
 */
export class VerbatimFunction extends LambdaFunction {
  constructor(scope: Construct, id: string, props: VerbatimFunctionProps) {
    const { entry, extraEntries = {}, logRetention, environment, copyFolders = [], lazyModules = [], ...rest } = props;
    // An explicit log group (rather than the deprecated `logRetention` custom resource) so
    // retention is plain CloudFormation and no extra Lambda is deployed to set it.
    const logGroup = new LogGroup(scope, `${id}Logs`, { retention: logRetention });
    // Our own role instead of CDK's default with AWSLambdaBasicExecutionRole, whose logs actions
    // apply to every log group in the account: this one may write to its own log group only.
    const role = new Role(scope, `${id}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);
    super(scope, id, {
      ...rest,
      code: splitBundleCode({ root: ROOT, entries: { index: entry, ...extraEntries }, copyFolders, lazyModules }),
      handler: HANDLER,
      runtime: Runtime.NODEJS_24_X,
      // Graviton: ~20% cheaper per GB-second and as fast for this pure-JS workload.
      architecture: Architecture.ARM_64,
      logGroup,
      role,
      // Active tracing: Lambda records each invocation's init and duration segments in X-Ray
      // (cold starts become visible per request); CDK adds the X-Ray write actions to the role.
      tracing: Tracing.ACTIVE,
      environment: {
        // esbuild's source maps only help if Node applies them to stack traces.
        NODE_OPTIONS: '--enable-source-maps',
        ...environment,
      },
    });
    NagSuppressions.addResourceSuppressions(
      role,
      [
        {
          id: 'AwsSolutions-IAM5',
          appliesTo: ['Resource::*'],
          reason:
            'Only the X-Ray statement that active tracing adds (xray:PutTraceSegments, ' +
            'xray:PutTelemetryRecords): X-Ray has no resource-level permissions, so AWS documents ' +
            '"Resource": "*" for it. A template test checks it is the only statement on "*".',
        },
      ],
      true,
    );
  }
}
