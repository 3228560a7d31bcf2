/**
 * Module load of the api function: the bundle `cdk synth` ships (esbuild with code splitting)
 * beside the same entry bundled as before, into one file (identical options, `splitting` off:
 * what NodejsFunction produced). Each run imports one handler in a fresh Node process, the two
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
  VERBATIM_BUCKET: 'bundle-load', VERBATIM_TABLE: 'bundle-load', AWS_REGION: 'us-east-1',
  VERBATIM_S3_ENDPOINT: 'http://127.0.0.1:9', VERBATIM_DYNAMODB_ENDPOINT: 'http://127.0.0.1:9',
  VERBATIM_API_TOKEN: 'bundle-load-token-0123456789',
};

/** Bytes of the `.mjs` files under a folder (source maps and static files left out). */
function moduleBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.mjs'))
    .reduce((n, f) => n + statSync(join(dir, f)).size, 0);
}

interface Load { wallMs: number; cpuMs: number }

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '9' } } });
  const runs = Number(values.runs);
  process.env.CDK_VALIDATION = 'false';
  const scratch = await mkdtemp(join(tmpdir(), 'verbatim-bundle-load-'));
  try {
    const shipped = findShippedHandler(synthAssembly(join(scratch, 'cdk.out')));
    const single = join(scratch, 'single', 'index.mjs');
    const { splitting: _, outdir: __, chunkNames: ___, ...options } = splitBundleOptions({ root: ROOT, entries: { index: API_ENTRY } }, dirname(single));
    await build({ ...options, entryPoints: [join(ROOT, API_ENTRY)], outfile: single });

    const loads = { split: [] as Load[], single: [] as Load[] };
    for (let i = 0; i < runs + 1; i++) {
      const split = (await runJsonChild<Load>(['--input-type=module', '-e', IMPORT_ONE, shipped.file], ENV)).result;
      const one = (await runJsonChild<Load>(['--input-type=module', '-e', IMPORT_ONE, single], ENV)).result;
      if (i === 0) continue; // warm-up: the page cache, not Node, is what a first read measures
      loads.split.push(split);
      loads.single.push(one);
    }
    const row = (name: string, file: string, dir: string, l: Load[]) =>
      `${name.padEnd(28)} ${(statSync(file).size / 1e6).toFixed(2).padStart(6)} MB  ${(moduleBytes(dir) / 1e6).toFixed(2).padStart(6)} MB  ` +
      `${median(l.map((x) => x.wallMs)).toFixed(1).padStart(7)} ms  ${median(l.map((x) => x.cpuMs)).toFixed(1).padStart(7)} ms`;
    console.log(`${runs} runs each, alternating; medians. Node ${process.version}\n`);
    console.log(`${'bundle'.padEnd(28)} handler   all .mjs   import wall   import CPU`);
    console.log(row('one file (before)', single, dirname(single), loads.single));
    console.log(row('code splitting (shipped)', shipped.file, shipped.assetDir, loads.split));
    const ratio = (pick: (l: Load) => number) => median(loads.split.map((l, i) => pick(l) / pick(loads.single[i])));
    console.log(`\nshipped / before, pair by pair: wall ${ratio((l) => l.wallMs).toFixed(2)}×, CPU ${ratio((l) => l.cpuMs).toFixed(2)}×`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

await main();
