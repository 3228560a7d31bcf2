import { fileURLToPath } from 'node:url';
import { ServicePrincipal, Role } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, type NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { NagSuppressions } from 'cdk-nag';
import type { Construct } from 'constructs';

/** The repository root, so entries and the lock file resolve the same from the CLI and tests. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * esbuild emits ESM (top-level await, smaller cold starts), but some bundled CommonJS
 * dependencies still call `require` for Node built-ins; ESM has no `require`, so define one.
 */
export const REQUIRE_SHIM =
  "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/** Options for {@link VerbatimFunction}. */
export interface VerbatimFunctionProps
  extends Omit<NodejsFunctionProps, 'entry' | 'runtime' | 'architecture' | 'bundling' | 'logGroup' | 'role' | 'tracing' | 'memorySize' | 'timeout'>,
    // Lambda's defaults (128 MB, 3 s) suit no Verbatim function: each states its own sizing.
    Required<Pick<NodejsFunctionProps, 'memorySize' | 'timeout'>> {
  /** Entry file, relative to the repository root, e.g. `functions/handlers/api.ts`. */
  readonly entry: string;
  /** How long the function's logs are kept. */
  readonly logRetention: RetentionDays;
  /**
   * Folders (relative to the repository root) copied next to the bundle, keeping their last path
   * segment: code that reads files relative to itself (`web/static/`) finds them as `static/`.
   */
  readonly copyFolders?: string[];
}

/**
 * A Verbatim Lambda function: Node.js 24 (the newest Lambda runtime aws-cdk-lib offers) on
 * Graviton, bundled locally by esbuild into one minified ESM file with source maps, traced by
 * X-Ray, logging to its own log group with a bounded retention, under a role of its own.
 */
export class VerbatimFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: VerbatimFunctionProps) {
    const { entry, logRetention, environment, copyFolders = [], ...rest } = props;
    // An explicit log group (rather than the deprecated `logRetention` custom resource) so
    // retention is plain CloudFormation and no extra Lambda is deployed to set it.
    const logGroup = new LogGroup(scope, `${id}Logs`, { retention: logRetention });
    // Our own role instead of CDK's default with AWSLambdaBasicExecutionRole, whose logs actions
    // apply to every log group in the account: this one may write to its own log group only.
    const role = new Role(scope, `${id}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);
    super(scope, id, {
      ...rest,
      entry: `${ROOT}${entry}`,
      depsLockFilePath: `${ROOT}package-lock.json`,
      projectRoot: ROOT,
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
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        // Prefer packages' ESM builds: they tree-shake, and avoid dual-package hazards.
        mainFields: ['module', 'main'],
        banner: REQUIRE_SHIM,
        // Bundle the AWS SDK instead of using the runtime's copy: the code is written against
        // the pinned SDK in package.json, which can be newer than the one in the runtime, and
        // a pinned bundle makes deploys reproducible.
        externalModules: [],
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir: string, outputDir: string) =>
            copyFolders.map((folder) => `cp -r "${inputDir}/${folder}" "${outputDir}/${folder.split('/').pop()}"`),
        },
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
