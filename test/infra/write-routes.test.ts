/**
 * The API Gateway write routes (stricter throttle) against the app's own OpenAPI document: every
 * operation that is not a read must be one of them, so a new write route cannot go unthrottled,
 * and each of them must really need the token.
 */
import { describe, expect, it } from 'vitest';
import { WRITE_ROUTES } from '../../infra/constructs/configure-http-api-stage.ts';
import { getJson, useScratchArchive } from '../helpers/scratch-archive.ts';

const scratch = useScratchArchive({ apiToken: 'write-routes-test-token-0123456789' });

describe('write routes', () => {
  it('are exactly the OpenAPI operations other than GET, each behind the bearer token', async () => {
    const { status, body } = await getJson(scratch.app, '/api/openapi.json');
    expect(status).toBe(200);
    const writes: string[] = [];
    for (const [path, operations] of Object.entries(
      body.paths as Record<string, Record<string, { security?: unknown }>>,
    )) {
      for (const [method, operation] of Object.entries(operations)) {
        if (method === 'get' || method === 'head' || method === 'options') continue;
        writes.push(`${method.toUpperCase()} ${path}`);
        expect(operation.security, `${method} ${path}`).toEqual([{ bearer: [] }]);
      }
    }
    expect(writes.sort()).toEqual(WRITE_ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('answer 401 without the token (API Gateway adds no authorizer in front of them)', async () => {
    for (const { method, path } of WRITE_ROUTES) {
      const response = await scratch.app.request(path.replace('{id}', '0123456789abcdef'), { method });
      expect(response.status, `${method} ${path}`).toBe(401);
      expect((await response.json()).error.code).toBeTruthy();
    }
  });
});
