import { describe, expect, it } from 'vitest';
import { importCycles, importGraph, sourcesUnder, specifiersOf } from '../helpers/import-graph.ts';

/**
 * Which folder may import which. Inside `functions/`: core ← adapters ← app ← http ← handlers, with
 * `compose/` (the composition root) wiring adapters into the app for every entry point, and
 * `local/` (embedded servers, CLI helpers) beside it. `web/` renders what app returns; `infra/`
 * takes only the configuration's names (and core's limits) from the code it deploys.
 */
const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  config: [],
  adapters: ['core', 'config'],
  app: ['core'],
  web: ['core', 'app'],
  http: ['core', 'app', 'config', 'web'],
  compose: ['core', 'adapters', 'app', 'config'],
  local: ['core', 'adapters', 'app', 'config', 'compose'],
  handlers: ['core', 'adapters', 'app', 'config', 'compose', 'http', 'local'],
  infra: ['core', 'config'],
};

/** Packages a folder must not import, and why in the test name below. */
const FORBIDDEN_PACKAGES: Record<string, RegExp> = {
  core: /^@aws-sdk\/|^hono|^@hono\//,
  app: /^@aws-sdk\/|^hono|^@hono\//,
  adapters: /^hono|^@hono\//,
  web: /^@aws-sdk\//,
  infra: /^hono|^@hono\//,
};

/** `functions/http/routes/x.ts` → `http`; `functions/config.ts` → `config`; `web/views/x.tsx` → `web`. */
function folderOf(file: string): string {
  const parts = file.split(/[\\/]/);
  if (parts[0] !== 'functions') return parts[0];
  return parts.length === 2 ? parts[1].replace(/\.tsx?$/, '') : parts[1];
}

const files = [...sourcesUnder('functions'), ...sourcesUnder('web'), ...sourcesUnder('infra')];
const graph = importGraph(files);

describe('dependencies point one way, over every folder', () => {
  it('knows every folder it finds, and reads imports of every kind', () => {
    expect(new Set(files.map(folderOf))).toEqual(new Set(Object.keys(ALLOWED)));
    // The reader is not blind: type-only, multi-line and dynamic imports are all seen.
    expect(graph.get('functions/http/routes/search-routes.ts')).toContain('functions/http/app-deps.ts');
    expect(graph.get('functions/core/formats/parse-source.ts')).toContain('functions/core/formats/parse-pdf.ts');
  });

  it.each(Object.keys(ALLOWED))('%s imports only the folders below it', (folder) => {
    const offenders = files
      .filter((file) => folderOf(file) === folder)
      .flatMap((file) =>
        graph
          .get(file)!
          .filter((target) => ![folder, ...ALLOWED[folder]].includes(folderOf(target)))
          .map((target) => `${file} imports ${target}`),
      );
    expect(offenders).toEqual([]);
  });

  it.each(Object.keys(FORBIDDEN_PACKAGES))('%s stays free of the AWS SDK or Hono where it must', (folder) => {
    const offenders = files
      .filter((file) => folderOf(file) === folder)
      .flatMap((file) =>
        specifiersOf(file)
          .filter((spec) => FORBIDDEN_PACKAGES[folder].test(spec))
          .map((spec) => `${file} imports ${spec}`),
      );
    expect(offenders).toEqual([]);
  });

  it('has no import cycles, type-only imports included', () => {
    expect(importCycles(graph)).toEqual([]);
  });

  it('would see a cycle, and a cycle of type imports', () => {
    const cyclic = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(importCycles(cyclic)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    expect(importCycles(new Map([['a.ts', ['a.ts']]]))).toEqual([['a.ts']]);
  });
});
