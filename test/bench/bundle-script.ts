/**
 * Bundles a cold-start script the way the Lambda functions are bundled (esbuild, ESM, minified,
 * AWS SDK included), so a cold start is measured on what a deployment would run — not on `tsx`
 * transpiling TypeScript at import time, which is a local convenience Lambda never pays.
 */
import { build } from 'esbuild';
import { REQUIRE_SHIM } from '../../infra/constructs/verbatim-function.ts';

/**
 * @example
 * ```ts
 * await bundleScript('test/bench/cold-start.ts', 'bench-results/cold-start.mjs');
 * ```
 */
export async function bundleScript(entry: string, outfile: string, external: string[] = []): Promise<string> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    mainFields: ['module', 'main'],
    banner: { js: REQUIRE_SHIM },
    external,
    logLevel: 'error',
  });
  return outfile;
}
