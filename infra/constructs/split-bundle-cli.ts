/**
 * `node --import tsx split-bundle-cli.ts <outdir> <options JSON>`: the esbuild run behind
 * {@link splitBundleCode}, in a process of its own because CDK bundles synchronously and only
 * esbuild's asynchronous API takes plugins.
 */
import { build } from 'esbuild';
import { splitBundleOptions, ZOD_ENGLISH_ONLY, type SplitBundleOptions } from './split-bundle-code.ts';

const [outdir, json] = process.argv.slice(2);
if (!outdir || !json) throw new Error('Usage: split-bundle-cli.ts <outdir> <options JSON>');
await build({ ...splitBundleOptions(JSON.parse(json) as SplitBundleOptions, outdir), plugins: [ZOD_ENGLISH_ONLY] });
