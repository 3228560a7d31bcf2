import { execFileSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssetHashType, DockerImage } from 'aws-cdk-lib';
import { Code } from 'aws-cdk-lib/aws-lambda';
import type { BuildOptions, Plugin } from 'esbuild';

/** Runs {@link splitBundleOptions} through esbuild with {@link ZOD_ENGLISH_ONLY}; see there why apart. */
const BUNDLE_CLI = fileURLToPath(new URL('./split-bundle-cli.ts', import.meta.url));

/**
 * esbuild emits ESM (top-level await, smaller cold starts), but some bundled CommonJS
 * dependencies still call `require` for Node built-ins; ESM has no `require`, so define one.
 * Every chunk gets it: a chunk holding such a dependency is a module of its own.
 */
export const REQUIRE_SHIM = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/** Where esbuild puts the chunks that entry files share or import lazily, inside the asset. */
export const CHUNK_DIR = 'chunks';

/** Options for {@link splitBundleCode}. */
export interface SplitBundleOptions {
  /** Repository root: entries and copied folders are relative to it. */
  readonly root: string;
  /** Entry points by output name: `{ index: 'functions/handlers/api.ts' }` ships `index.mjs`. */
  readonly entries: Readonly<Record<string, string>>;
  /** Folders copied beside the bundle under their last path segment (`web/static` → `static/`). */
  readonly copyFolders?: readonly string[];
  /**
   * Packages shipped unbundled under `node_modules/` beside the bundle, for code that `require`s
   * them on first use (the tagger's 3.6 MB model): esbuild leaves such a `createRequire` call alone.
   */
  readonly lazyModules?: readonly string[];
}

/**
 * The esbuild options of every Verbatim function. `splitting` is what makes a lazy `import()` pay
 * off: each dynamically imported module (the PDF, DOCX, HTML and Markdown parsers) becomes a chunk
 * of its own that Node reads only when a request first needs it, instead of being inlined into
 * the one file every cold start evaluates.
 */
export function splitBundleOptions(options: SplitBundleOptions, outdir: string): BuildOptions {
  return {
    absWorkingDir: options.root,
    entryPoints: Object.fromEntries(
      Object.entries(options.entries).map(([name, file]) => [name, join(options.root, file)]),
    ),
    outdir,
    entryNames: '[name]',
    chunkNames: `${CHUNK_DIR}/[name]-[hash]`,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    // Prefer packages' ESM builds: they tree-shake, and avoid dual-package hazards.
    mainFields: ['module', 'main'],
    banner: { js: REQUIRE_SHIM },
    // The AWS SDK is bundled rather than taken from the runtime: the code is written against the
    // pinned SDK in package.json, which can be newer than the runtime's, and deploys stay reproducible.
    external: [],
    logLevel: 'error',
  };
}

/**
 * zod 4 re-exports every one of its ~45 message locales from its main module (`z.locales`), about
 * 260 KB of minified code, a third of the api handler's, that every cold start would compile.
 * Verbatim's messages are English and nothing reads `z.locales`, so the bundle keeps only `en`
 * (zod's default, which it imports by itself).
 */
export const ZOD_ENGLISH_ONLY: Plugin = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer)
        ? { path: join(args.resolveDir, '../locales/en.js'), namespace: 'zod-locales' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: dirname(args.path),
    }));
  },
};

/**
 * Lambda code bundled by esbuild at synth time, on this machine: no Docker, no network. The
 * asset is the entry files, their chunks under `chunks/`, source maps, and the copied folders;
 * its hash is the output's, so an unchanged bundle is not uploaded again.
 *
 * @example
 * ```ts
 * const code = splitBundleCode({ root, entries: { index: 'functions/handlers/api.ts' } });
 * ```
 */
export function splitBundleCode(options: SplitBundleOptions): Code {
  return Code.fromAsset(options.root, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // CDK caches bundles by source path and the JSON of the bundling options, where tryBundle
      // (a function) does not show: naming the entries here keeps every function from getting
      // the first one's bundle. (Docker would see it as a variable; Docker never runs.)
      environment: {
        VERBATIM_BUNDLE: JSON.stringify({
          entries: options.entries,
          copyFolders: options.copyFolders ?? [],
          lazyModules: options.lazyModules ?? [],
        }),
      },
      // Never pulled: local bundling below always succeeds (CDK asks for an image regardless).
      image: DockerImage.fromRegistry('public.ecr.aws/sam/build-nodejs22.x'),
      local: {
        tryBundle(outputDir: string) {
          // CDK wants the bundle synchronously, and esbuild's buildSync takes no plugins: a child
          // process runs the asynchronous build while this one waits.
          execFileSync(process.execPath, ['--import', 'tsx', BUNDLE_CLI, outputDir, JSON.stringify(options)], {
            cwd: options.root,
            stdio: 'inherit',
          });
          for (const folder of options.copyFolders ?? []) {
            cpSync(join(options.root, folder), join(outputDir, basename(folder)), { recursive: true });
          }
          for (const name of options.lazyModules ?? []) {
            cpSync(join(options.root, 'node_modules', name), join(outputDir, 'node_modules', name), {
              recursive: true,
            });
          }
          return true;
        },
      },
    },
  });
}
