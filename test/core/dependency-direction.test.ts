import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every .ts/.tsx file under a folder, recursively. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]);

describe('dependencies point one way: core ← adapters ← app/http ← handlers', () => {
  it('keeps functions/core free of AWS SDK, Hono and outer layers', () => {
    const offenders = sources('functions/core').flatMap((file) =>
      importsOf(file)
        .filter((spec) => /^@aws-sdk\/|^hono|^@hono\//.test(spec) || /\.\.\/(adapters|app|http|handlers|local)\//.test(spec))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(sources('functions/core').length).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });

  it('keeps adapters and use cases free of HTTP and entry points', () => {
    const offenders = [...sources('functions/adapters'), ...sources('functions/app')].flatMap((file) =>
      importsOf(file)
        .filter((spec) => /^hono|^@hono\//.test(spec) || /\/(http|handlers|local)\//.test(spec))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });
});
