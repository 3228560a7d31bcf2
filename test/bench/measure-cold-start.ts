/**
 * Spawns `cold-start.ts`, bundled as for Lambda (see bundle-script.ts), as a new Node process
 * pointed at the benchmark's running storage, and
 * times it from the outside too (spawn to exit), which adds what the child cannot see: the
 * process creation before its clock starts and its exit.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Config } from '../../functions/config.ts';
import type { ColdStartSplit } from './cold-start.ts';

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
export function measureColdStart(bundle: string, config: Config, firstQuery: string, realBucket?: string): Promise<ColdStart> {
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
  const started = performance.now();
  const child = spawn(process.execPath, ['--expose-gc', bundle], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      const spawnToExitMs = performance.now() - started;
      if (code !== 0) return reject(new Error(`cold-start.ts exited with ${code}:\n${stderr.trim()}`));
      try {
        resolve({ ...(JSON.parse(stdout.trim().split('\n').pop()!) as ColdStartSplit), spawnToExitMs });
      } catch {
        reject(new Error(`cold-start.ts printed no result:\n${stdout}\n${stderr}`));
      }
    });
  });
}
