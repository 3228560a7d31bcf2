/**
 * Module load of the api function: the bundle `cdk synth` ships (esbuild with code splitting,
 * zod's English locale only) beside the same entry bundled as before, into one file (identical
 * options, `splitting` off, no plugin: what NodejsFunction produced), and with splitting alone. Each run imports one handler in a fresh Node process, the three
 * alternating, and reports the import's wall and CPU milliseconds; the figures are medians, and
 * the ratio is taken pair by pair, so a machine that drifts during the run moves both alike.
 *
 * Usage: `node --import tsx test/bench/bundle-load.ts [--runs 9]`
 */
import { readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { splitBundleOptions } from '../../infra/constructs/split-bundle-code.ts';
import { findShippedHandler, synthAssembly } from '../helpers/shipped-handler.ts';
import { median } from './percentiles.ts';
import { runJsonChild } from './run-json-child.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const API_ENTRY = 'functions/handlers/api.ts';

/** Imports the module named by argv[1] and prints how long that took, wall and CPU. */
const IMPORT_ONE = `const t = performance.now(), c = process.cpuUsage();
const m = await import(process.argv[1]);
const u = process.cpuUsage(c);
if (typeof m.handler !== 'function') throw new Error('no handler export');
console.log(JSON.stringify({ wallMs: performance.now() - t, cpuMs: (u.user + u.system) / 1000 }));`;

/** Storage the handler's top level is configured with; it opens no connection at import. */
const ENV = {
  ...process.env,
  VERBATIM_BUCKET: 'bundle-load',
  VERBATIM_TABLE: 'bundle-load',
  AWS_REGION: 'us-east-1',
  VERBATIM_S3_ENDPOINT: 'http://127.0.0.1:9',
  VERBATIM_DYNAMODB_ENDPOINT: 'http://127.0.0.1:9',
  VERBATIM_API_TOKEN: 'bundle-load-token-0123456789',
};

/** Bytes of the `.mjs` files under a folder (source maps and static files left out). */
function moduleBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.mjs'))
    .reduce((n, f) => n + statSync(join(dir, f)).size, 0);
}

interface Load {
  wallMs: number;
  cpuMs: number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '9' } } });
  const runs = Number(values.runs);
  process.env.CDK_VALIDATION = 'false';
  const scratch = await mkdtemp(join(tmpdir(), 'verbatim-bundle-load-'));
  try {
    const shipped = findShippedHandler(synthAssembly(join(scratch, 'cdk.out')));
    const {
      splitting: _,
      outdir: __,
      chunkNames: ___,
      ...one
    } = splitBundleOptions({ root: ROOT, entries: { index: API_ENTRY } }, scratch);
    const single = join(scratch, 'single', 'index.mjs');
    await build({ ...one, entryPoints: [join(ROOT, API_ENTRY)], outfile: single });
    // The splitting alone, every zod locale kept: what each of the two changes brings.
    const allLocales = join(scratch, 'split-all-locales');
    await build(splitBundleOptions({ root: ROOT, entries: { index: API_ENTRY } }, allLocales));

    // Every variant runs with the function's NODE_OPTIONS (source maps on): Lambda pays for them.
    const env = { ...ENV, NODE_OPTIONS: shipped.nodeOptions };
    const variants = [
      { name: 'one file (before)', file: single, dir: dirname(single), loads: [] as Load[] },
      { name: 'splitting, all zod locales', file: join(allLocales, 'index.mjs'), dir: allLocales, loads: [] as Load[] },
      { name: 'shipped: splitting, zod en', file: shipped.file, dir: shipped.assetDir, loads: [] as Load[] },
    ];
    for (let i = 0; i < runs + 1; i++) {
      for (const v of variants) {
        const { result } = await runJsonChild<Load>(['--input-type=module', '-e', IMPORT_ONE, v.file], env);
        if (i > 0) v.loads.push(result); // run 0 is a warm-up: the page cache, not Node, is what a first read measures
      }
    }
    const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2).padStart(6)} MB`;
    const ms = (l: Load[], pick: (x: Load) => number) => `${median(l.map(pick)).toFixed(1).padStart(7)} ms`;
    const ratio = (l: Load[], pick: (x: Load) => number) =>
      `${median(l.map((x, i) => pick(x) / pick(variants[0]!.loads[i]!))).toFixed(2)}×`;
    console.log(
      `${runs} runs each, alternating; medians; ratios to the one-file bundle pair by pair. Node ${process.version}\n`,
    );
    console.log(`${'bundle'.padEnd(28)}   handler   all .mjs  import wall   import CPU  ratio wall, CPU`);
    for (const v of variants) {
      console.log(
        `${v.name.padEnd(28)} ${mb(statSync(v.file).size)}  ${mb(moduleBytes(v.dir))}  ${ms(v.loads, (x) => x.wallMs)}   ${ms(v.loads, (x) => x.cpuMs)}  ${ratio(v.loads, (x) => x.wallMs)}, ${ratio(v.loads, (x) => x.cpuMs)}`,
      );
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

await main();
