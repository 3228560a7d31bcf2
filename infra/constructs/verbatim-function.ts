import { fileURLToPath } from 'node:url';
import { Architecture, Function as LambdaFunction, Runtime, type FunctionOptions } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { splitBundleCode } from './split-bundle-code.ts';

export { REQUIRE_SHIM } from './split-bundle-code.ts';

/** The repository root, so entries resolve the same from the CLI and tests. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The handler's file (`index.mjs`) and export, as Lambda is told to load it. */
export const HANDLER = 'index.handler';

/** Options for {@link VerbatimFunction}. */
export interface VerbatimFunctionProps extends Omit<FunctionOptions, 'runtime' | 'architecture' | 'logGroup'> {
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
}

/**
 * A Verbatim Lambda function: Node.js 22 on Graviton, bundled locally by esbuild into a minified
 * ESM handler with code splitting (see split-bundle-code.ts) and source maps, logging to a log
 * group with a bounded retention.
 */
export class VerbatimFunction extends LambdaFunction {
  constructor(scope: Construct, id: string, props: VerbatimFunctionProps) {
    const { entry, extraEntries = {}, logRetention, environment, copyFolders = [], ...rest } = props;
    // An explicit log group (rather than the deprecated `logRetention` custom resource) so
    // retention is plain CloudFormation and no extra Lambda is deployed to set it.
    const logGroup = new LogGroup(scope, `${id}Logs`, { retention: logRetention });
    super(scope, id, {
      ...rest,
      code: splitBundleCode({ root: ROOT, entries: { index: entry, ...extraEntries }, copyFolders }),
      handler: HANDLER,
      runtime: Runtime.NODEJS_22_X,
      // Graviton: ~20% cheaper per GB-second and as fast for this pure-JS workload.
      architecture: Architecture.ARM_64,
      logGroup,
      environment: {
        // esbuild's source maps only help if Node applies them to stack traces.
        NODE_OPTIONS: '--enable-source-maps',
        ...environment,
      },
    });
  }
}
