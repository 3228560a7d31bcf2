/**
 * The import CLI's client types (`functions/local/verbatim-api.ts`) are generated from the OpenAPI
 * document the app serves. This fails when a route or schema changed without `npm run api:types`,
 * so the document and the client cannot drift apart silently.
 */
import { readFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';
import { useScratchArchive } from '../helpers/scratch-archive.ts';

const scratch = useScratchArchive();

describe('the generated API client types', () => {
  it('match the OpenAPI document the app serves', async () => {
    const document = await (await scratch.app.request('http://localhost:3000/api/openapi.json')).json();
    const generated = astToString(await openapiTS(document, { silent: true }));
    const committed = readFileSync(new URL('../../functions/local/verbatim-api.ts', import.meta.url), 'utf8');
    // The CLI adds a banner; compare what follows it.
    const body = (text: string) => text.slice(text.indexOf('export interface paths'));
    expect(body(committed), 'run `npm run api:types` and commit functions/local/verbatim-api.ts').toBe(body(generated));
  });
});
