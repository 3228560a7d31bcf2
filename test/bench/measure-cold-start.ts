/**
 * A Verbatim cold start: `cold-start.ts` (bundled, see bundle-script.ts) run as a new Node
 * process that loads the shipped api function's handler and asks it one search, against the
 * benchmark's running storage.
 */
import { fileURLToPath } from 'node:url';
import type { Config } from '../../functions/config.ts';
import type { ShippedHandler } from '../helpers/shipped-handler.ts';
import type { ColdStartSplit } from './cold-start.ts';
import { runJsonChild } from './run-json-child.ts';

/** The script to bundle and run. */
export const COLD_START_SCRIPT = fileURLToPath(new URL('./cold-start.ts', import.meta.url));

/** The handler refuses to start without a write token, as on AWS; any 16+ characters do here. */
const BENCH_TOKEN = 'cold-start-bench-token-0123456789';

/** The child's own split plus the parent's wall time. */
export interface ColdStart extends ColdStartSplit {
  spawnToExitMs: number;
}

/** What a cold start run can add: the loaded modules listed, more events after the search. */
export interface ColdStartOptions {
  traceModules?: boolean;
  /** A JSON file of API Gateway v2 events to invoke after the search. */
  thenEventsFile?: string;
  /** Answer a request that reads no index first: for the memory the index adds, not a cold start. */
  warmFirst?: boolean;
}

/**
 * @example
 * ```ts
 * const split = await measureColdStart('bench-results/cold-start.mjs', findShippedHandler('cdk.out'), local.config, 'embassy protest');
 * ```
 */
export async function measureColdStart(
  bundle: string,
  handler: ShippedHandler,
  config: Config,
  firstQuery: string,
  options: ColdStartOptions = {},
): Promise<ColdStart> {
  // The embedded servers live in this process: the child reaches them as external endpoints.
  const env = {
    ...process.env,
    VERBATIM_S3_ENDPOINT: config.s3Endpoint,
    VERBATIM_DYNAMODB_ENDPOINT: config.dynamoEndpoint,
    VERBATIM_BUCKET: config.bucket,
    VERBATIM_TABLE: config.table,
    VERBATIM_API_TOKEN: config.apiTokens[0]?.token ?? BENCH_TOKEN,
    // Node starts with the function's own options, as on Lambda (source maps cost load time).
    NODE_OPTIONS: handler.nodeOptions,
    BENCH_FIRST_QUERY: firstQuery,
    BENCH_TRACE_MODULES: options.traceModules ? '1' : '',
    BENCH_THEN_EVENTS: options.thenEventsFile ?? '',
    BENCH_WARM_FIRST: options.warmFirst ? '1' : '',
  };
  const { result, wallMs } = await runJsonChild<ColdStartSplit>(
    ['--expose-gc', bundle, handler.file, handler.exportName],
    env,
  );
  return { ...result, spawnToExitMs: wallMs };
}
