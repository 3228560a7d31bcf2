import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const folder = join(import.meta.dirname, '../../../functions/core/quote-finder');

describe('functions/core/quote-finder', () => {
  it.each(readdirSync(folder).filter((f) => f.endsWith('.ts')))(
    '%s imports no AWS SDK, no hono and no app code',
    (file) => {
      const imports = [...readFileSync(join(folder, file), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      for (const source of imports) {
        expect(source).not.toMatch(/^@aws-sdk|^hono|^@hono|\/app\/|\/adapters\/|\/http\//);
      }
    },
  );
});
