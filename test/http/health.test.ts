import { describe, expect, it } from 'vitest';
import { createClients } from '../../functions/adapters/create-clients.ts';
import { archiveFromConfig } from '../../functions/compose/archive-from-config.ts';
import { createApp } from '../../functions/http/create-app.ts';
import { getJson, postJson, useScratchArchive } from '../helpers/scratch-archive.ts';

const scratch = useScratchArchive();

describe('GET /api/health', () => {
  it('is ready when storage answers and the index is loaded, and is in the OpenAPI document', async () => {
    await postJson(scratch.app, '/api/documents', { text: 'The health of the archive is checked here.' });
    const { status, body, headers } = await getJson(scratch.app, '/api/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'ok',
      live: true,
      ready: true,
      checks: { metadata: { ok: true }, blobs: { ok: true }, index: { ok: true, documents: 1 } },
    });
    expect(headers.get('cache-control')).toBe('no-store');
    const spec = await getJson(scratch.app, '/api/openapi.json');
    expect(Object.keys(spec.body.paths['/api/health'].get.responses)).toEqual(['200', '503']);
  });

  it('says alive but not ready, within its timeout, when storage does not answer', async () => {
    // The same configuration, with both endpoints on a port nothing listens on.
    const dead = { ...scratch.config, s3Endpoint: 'http://127.0.0.1:9', dynamoEndpoint: 'http://127.0.0.1:9' };
    const app = createApp({ archive: archiveFromConfig(dead, createClients(dead)) });
    const started = performance.now();
    const { status, body } = await getJson(app, '/api/health');
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(status).toBe(503);
    expect(body).toMatchObject({
      status: 'unavailable',
      live: true,
      ready: false,
      checks: { metadata: { ok: false }, blobs: { ok: false }, index: { ok: false } },
    });
    expect(body.checks.metadata.error).toEqual(expect.any(String));
  });
});
