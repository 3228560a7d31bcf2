/**
 * A Verbatim cold start: `cold-start.ts`, bundled as for Lambda (see bundle-script.ts), run as a
 * new Node process pointed at the benchmark's running storage.
 */
import { fileURLToPath } from 'node:url';
import type { Config } from '../../functions/config.ts';
import type { ColdStartSplit } from './cold-start.ts';
import { runJsonChild } from './run-json-child.ts';

/** The script to bundle and run. */
export const COLD_START_SCRIPT = fileURLToPath(new URL('./cold-start.ts', import.meta.url));

/** The child's own split plus the parent's wall time. */
export interface ColdStart extends ColdStartSplit {
  spawnToExitMs: number;
}

/**
 * @example
 * ```ts
 * const split = await measureColdStart(local.config, 'embassy protest');
 * ```
 */
export async function measureColdStart(bundle: string, config: Config, firstQuery: string, realBucket?: string): Promise<ColdStart> {
  // The embedded servers live in this process: the child reaches them as external endpoints.
  const env = {
    ...process.env,
    VERBATIM_S3_ENDPOINT: config.s3Endpoint,
    VERBATIM_DYNAMODB_ENDPOINT: config.dynamoEndpoint,
    VERBATIM_BUCKET: config.bucket,
    VERBATIM_TABLE: config.table,
    BENCH_FIRST_QUERY: firstQuery,
    BENCH_REAL_BUCKET: realBucket ?? '',
  };
  const { result, wallMs } = await runJsonChild<ColdStartSplit>(['--expose-gc', bundle], env);
  return { ...result, spawnToExitMs: wallMs };
}
