/**
 * Writes the OpenAPI document the app serves at /api/openapi.json to a file, for `npm run
 * lint:api` (Redocly's linter) and for generating the typed client. It asks the real app, over a
 * throwaway local archive, so the file is exactly what clients download.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createApp } from '../../functions/http/create-app.ts';
import { startLocalArchive } from '../../functions/local/start-local-archive.ts';

const out = process.argv[2] ?? 'test-artifacts/openapi.json';
const local = await startLocalArchive({}, { persistent: false });
try {
  const response = await createApp({ archive: local.archive }).request('http://localhost:3000/api/openapi.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(await response.json(), null, 2)}\n`);
  console.log(`wrote ${out}`);
} finally {
  await local.close();
}
