import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGatewayEvent as event } from '../helpers/api-gateway-event.ts';
import { startLocalArchive, type LocalArchive } from '../../functions/local/start-local-archive.ts';

const TOKEN = 'lambda-test-token-0123456789';
let local: LocalArchive;
let handler: (
  event: unknown,
  context: unknown,
) => Promise<{ statusCode: number; body: string; headers: Record<string, string> }>;

beforeAll(async () => {
  local = await startLocalArchive({}, { persistent: false });
  // The Lambda reads its configuration from the environment at cold start, as on AWS.
  Object.assign(process.env, {
    VERBATIM_BUCKET: local.config.bucket,
    VERBATIM_TABLE: local.config.table,
    VERBATIM_S3_ENDPOINT: local.config.s3Endpoint,
    VERBATIM_DYNAMODB_ENDPOINT: local.config.dynamoEndpoint,
    VERBATIM_API_TOKEN: TOKEN,
  });
  ({ handler } = (await import('../../functions/handlers/api.ts')) as never);
});
afterAll(() => local.close());

describe('the API Lambda handler', () => {
  it('ingests, reads and searches through API Gateway v2 events', async () => {
    const text = 'Volunteers planted four hundred oak saplings along the canal path on Saturday, the trust said.';
    const unauthorized = await handler(
      event('POST', '/api/documents', {
        body: JSON.stringify({ text }),
        headers: { 'content-type': 'application/json' },
      }),
      {},
    );
    expect(unauthorized.statusCode).toBe(401);
    const created = await handler(
      event('POST', '/api/documents', {
        body: JSON.stringify({ text, title: 'Canal oaks' }),
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      }),
      {},
    );
    expect(created.statusCode).toBe(201);
    const { id } = JSON.parse(created.body);
    const read = await handler(event('GET', `/api/documents/${id}`), {});
    expect(JSON.parse(read.body).title).toBe('Canal oaks');
    const found = await handler(event('GET', '/api/search', { query: 'q=oak+saplings' }), {});
    expect(JSON.parse(found.body).results[0].id).toBe(id);
    const missing = await handler(event('GET', '/api/documents/ffffffffffffffff'), {});
    expect(missing.statusCode).toBe(404);
  });

  it('returns originals in any encoding byte for byte (base64), so their SHA-256 still matches', async () => {
    // “Quoted” in windows-1252: 0x93 and 0x94 are not valid UTF-8.
    const bytes = new Uint8Array([
      0x93, 0x51, 0x75, 0x6f, 0x74, 0x65, 0x64, 0x94, 0x20, 0x77, 0x6f, 0x72, 0x64, 0x73, 0x2e,
    ]);
    const { ingestDocument } = await import('../../functions/app/ingest-document.ts');
    const created = await ingestDocument(local.archive, {
      file: { bytes, contentType: 'text/plain; charset=windows-1252' },
    });
    const response = await handler(event('GET', `/api/documents/${created.id}/original`), {});
    expect(response.statusCode).toBe(200);
    expect((response as { isBase64Encoded?: boolean }).isBase64Encoded).toBe(true);
    expect(new Uint8Array(Buffer.from(response.body, 'base64'))).toEqual(bytes);
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(Buffer.from(response.body, 'base64')).digest('hex')).toBe(
      created.originalSha256,
    );
    // The app's own JSON stays text.
    const read = await handler(event('GET', `/api/documents/${created.id}`), {});
    expect((read as { isBase64Encoded?: boolean }).isBase64Encoded).toBe(false);
    expect(JSON.parse(read.body).text).toBe('“Quoted” words.');
  });

  it('the indexer handler writes a snapshot the next cold start loads', async () => {
    const { handler: indexer } = (await import('../../functions/handlers/indexer.ts')) as {
      handler: () => Promise<{ written: boolean }>;
    };
    expect(await indexer()).toMatchObject({ written: true });
    expect(await indexer()).toMatchObject({ written: false, reason: 'up-to-date' });
    expect(await local.archive.manifest.get()).toMatchObject({ version: 1, documentCount: 2 });
  });
});
