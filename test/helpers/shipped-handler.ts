/**
 * The api function exactly as `cdk synth` packages it, found the way a deployment finds it: the
 * stack template names the function's code by asset hash, the assembly's asset manifest says
 * which folder holds that asset, and the function's `Handler` says which file and export Lambda
 * loads. Nothing here guesses a file name.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { App } from 'aws-cdk-lib';
import { AssetManifestArtifact, CloudAssembly } from 'aws-cdk-lib/cx-api';
import { VerbatimStack } from '../../infra/verbatim-stack.ts';

/** The description the stack gives the HTTP API's function. */
export const API_FUNCTION = 'Verbatim HTTP API and UI';

/** A function's code folder, the module Lambda imports from it, and the export it calls. */
export interface ShippedHandler {
  assetDir: string;
  file: string;
  exportName: string;
  /** The function's NODE_OPTIONS (e.g. `--enable-source-maps`): Lambda starts Node with them. */
  nodeOptions: string;
}

/** The extensions Lambda's Node.js runtime tries for a handler's module, in its order. */
const HANDLER_EXTENSIONS = ['.mjs', '.js', '.cjs'];

const ROOT = new URL('../../', import.meta.url);

/**
 * Runs `cdk synth` itself (the CLI, `npx cdk synth -o outdir`): what a deployment uploads. Slower
 * than {@link synthAssembly} (a process, tsx, CloudFormation validation), so the benchmark uses it.
 */
export function cdkSynth(outdir: string): string {
  execFileSync(new URL('node_modules/.bin/cdk', ROOT).pathname, ['synth', '--quiet', '-o', outdir], {
    cwd: ROOT.pathname,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return outdir;
}

/**
 * Synthesizes the stack as `npx cdk synth` does (infra/app.ts: the same stack, cdk.json's
 * context) into `outdir`, bundling included, and returns the assembly folder.
 */
export function synthAssembly(outdir: string): string {
  const cdkJson = JSON.parse(readFileSync(new URL('cdk.json', ROOT), 'utf8'));
  const app = new App({ outdir, context: cdkJson.context });
  new VerbatimStack(app, 'Verbatim');
  return app.synth().directory;
}

/**
 * @example
 * ```ts
 * const { file, exportName } = findShippedHandler('cdk.out'); // …/asset.3f2a…/index.mjs, 'handler'
 * ```
 */
export function findShippedHandler(assemblyDir: string, description = API_FUNCTION): ShippedHandler {
  const assembly = new CloudAssembly(assemblyDir);
  for (const stack of assembly.stacks) {
    const fn = Object.values(stack.template.Resources ?? {}).find(
      (r: any) => r.Type === 'AWS::Lambda::Function' && r.Properties?.Description === description,
    ) as
      | {
          Properties: {
            Code: { S3Key: string };
            Handler: string;
            Environment?: { Variables?: Record<string, unknown> };
          };
        }
      | undefined;
    if (!fn) continue;
    const { S3Key: key } = fn.Properties.Code;
    for (const manifest of stack.dependencies.filter(
      (d): d is AssetManifestArtifact => d instanceof AssetManifestArtifact,
    )) {
      for (const asset of Object.values(manifest.contents.files ?? {})) {
        if (!Object.values(asset.destinations).some((d) => d.objectKey === key)) continue;
        const assetDir = resolve(dirname(manifest.file), asset.source.path!);
        const dot = fn.Properties.Handler.lastIndexOf('.');
        const base = join(assetDir, fn.Properties.Handler.slice(0, dot));
        const file = HANDLER_EXTENSIONS.map((ext) => base + ext).find((f) => existsSync(f));
        if (!file) throw new Error(`Handler ${fn.Properties.Handler} has no module in ${assetDir}`);
        const nodeOptions = fn.Properties.Environment?.Variables?.NODE_OPTIONS;
        return {
          assetDir,
          file,
          exportName: fn.Properties.Handler.slice(dot + 1),
          nodeOptions: typeof nodeOptions === 'string' ? nodeOptions : '',
        };
      }
    }
    throw new Error(`No asset in ${assemblyDir} has the object key ${key} of "${description}"`);
  }
  throw new Error(`No function "${description}" in the assembly at ${assemblyDir}`);
}
