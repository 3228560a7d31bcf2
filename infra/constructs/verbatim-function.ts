import { fileURLToPath } from 'node:url';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, type NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
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
  extends Omit<NodejsFunctionProps, 'entry' | 'runtime' | 'architecture' | 'bundling' | 'logGroup'> {
  /** Entry file, relative to the repository root, e.g. `functions/handlers/api.ts`. */
  readonly entry: string;
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
 * A Verbatim Lambda function: Node.js 22 on Graviton, bundled locally by esbuild into one
 * minified ESM file with source maps, logging to a log group with a bounded retention.
 */
export class VerbatimFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: VerbatimFunctionProps) {
    const { entry, logRetention, environment, copyFolders = [], lazyModules = [], ...rest } = props;
    // An explicit log group (rather than the deprecated `logRetention` custom resource) so
    // retention is plain CloudFormation and no extra Lambda is deployed to set it.
    const logGroup = new LogGroup(scope, `${id}Logs`, { retention: logRetention });
    super(scope, id, {
      ...rest,
      entry: `${ROOT}${entry}`,
      depsLockFilePath: `${ROOT}package-lock.json`,
      projectRoot: ROOT,
      runtime: Runtime.NODEJS_22_X,
      // Graviton: ~20% cheaper per GB-second and as fast for this pure-JS workload.
      architecture: Architecture.ARM_64,
      logGroup,
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
          afterBundling: (inputDir: string, outputDir: string) => [
            ...copyFolders.map((folder) => `cp -r "${inputDir}/${folder}" "${outputDir}/${folder.split('/').pop()}"`),
            ...(lazyModules.length > 0 ? [`mkdir -p "${outputDir}/node_modules"`] : []),
            ...lazyModules.map((m) => `cp -r "${inputDir}/node_modules/${m}" "${outputDir}/node_modules/${m}"`),
          ],
        },
      },
    });
  }
}
