import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveApp } from '../../functions/local/serve-app.ts';
import { rawRequest } from '../helpers/raw-http.ts';
import { useScratchArchive } from '../helpers/scratch-archive.ts';

const scratch = useScratchArchive();
let server: Server;
let port: number;

beforeAll(async () => {
  server = serveApp(scratch.app.fetch, { port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The request gets `status` with a JSON `{ error: { code, message } }` body. */
async function expectJsonError(request: string, status: number, code: string) {
  const response = await rawRequest(port, request);
  expect(response.status, JSON.stringify(request.slice(0, 60))).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  const body = JSON.parse(response.body);
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(10);
  return response;
}

describe('the local server answers every refusal in the JSON error shape', () => {
  it("turns node's 431 for a URL or headers over 16 KB into JSON", async () => {
    await expectJsonError(
      `GET /api/search?q=${'a'.repeat(17_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
      431,
      'headers_too_large',
    );
    await expectJsonError(
      `GET / HTTP/1.1\r\nHost: x\r\nX-Padding: ${'b'.repeat(17_000)}\r\n\r\n`,
      431,
      'headers_too_large',
    );
  });

  it("turns node's 400 for malformed requests into JSON", async () => {
    await expectJsonError('FOO / HTTP/1.1\r\nHost: x\r\n\r\n', 400, 'bad_request');
    await expectJsonError('GET /a b HTTP/1.1\r\nHost: x\r\n\r\n', 400, 'bad_request');
    await expectJsonError('GET / HTTP/9.9\r\nHost: x\r\n\r\n', 400, 'bad_request');
    await expectJsonError('\u0000\u0001garbage\r\n\r\n', 400, 'bad_request');
    await expectJsonError(
      'POST /api/documents HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
      400,
      'bad_request',
    );
  });

  it("turns @hono/node-server's 400 for a path or host it cannot parse into JSON", async () => {
    await expectJsonError('GET /\\evil HTTP/1.1\r\nHost: x\r\n\r\n', 400, 'bad_request');
    await expectJsonError('GET http://[::1 HTTP/1.1\r\nHost: x\r\n\r\n', 400, 'bad_request');
    await expectJsonError('GET / HTTP/1.1\r\nHost: a b\r\n\r\n', 400, 'bad_request');
  });

  it('answers a wrong method on a known path with 405 and Allow; CONNECT with 405 instead of a dropped connection', async () => {
    const put = await expectJsonError(
      'PUT /api/documents HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n',
      405,
      'method_not_allowed',
    );
    expect(put.headers.allow).toBe('POST');
    const trace = await expectJsonError(
      'TRACE /api/documents/0123456789abcdef HTTP/1.1\r\nHost: x\r\n\r\n',
      405,
      'method_not_allowed',
    );
    expect(trace.headers.allow?.split(', ').sort()).toEqual(['DELETE', 'GET', 'HEAD']);
    await expectJsonError('CONNECT example.com:443 HTTP/1.1\r\nHost: example.com\r\n\r\n', 405, 'method_not_allowed');
    await expectJsonError('GET /no/such/page HTTP/1.1\r\nHost: x\r\n\r\n', 404, 'not_found');
  });
});
