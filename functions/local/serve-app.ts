/**
 * Serves the Hono app on node:http, answering in the API's JSON error shape even when the request
 * never reaches the app: node:http's own refusals (headers or URL over 16 KB, a malformed request
 * line, an unknown method) and @hono/node-server's (a path it cannot turn into a URL, a method
 * `Request` refuses) would otherwise be empty bodies, or a closed connection for CONNECT.
 */
import { createServer, STATUS_CODES, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { getRequestListener } from '@hono/node-server';

/** Node's default header limit (`--max-http-header-size`), the URL included: named for the message. */
export const MAX_HEADER_BYTES = 16 * 1024;

const json = (status: number, code: string, message: string) => JSON.stringify({ error: { code, message } });

/** What each llhttp/node error means for the client, and which status says so. */
function describeClientError(code: string | undefined): { status: number; code: string; message: string } {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return {
      status: 431,
      code: 'headers_too_large',
      message: `The request's URL and headers are larger than ${MAX_HEADER_BYTES / 1024} KB together. Shorten the URL or the query.`,
    };
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return { status: 408, code: 'request_timeout', message: 'The request took too long to arrive.' };
  if (code === 'HPE_INVALID_METHOD')
    return { status: 400, code: 'bad_request', message: 'The request uses an HTTP method this server does not know.' };
  if (code === 'HPE_INVALID_URL')
    return { status: 400, code: 'bad_request', message: 'The request path is not a valid URL path.' };
  return { status: 400, code: 'bad_request', message: `The request is not valid HTTP/1.1 (${code ?? 'unreadable'}).` };
}

/** Writes a whole JSON error response on a raw socket and closes it. */
function answerOnSocket(socket: Socket, status: number, body: string): void {
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * @example
 * ```ts
 * const server = serveApp(app.fetch, { port: 3000, hostname: '127.0.0.1' }, (info) => console.log(info.port));
 * ```
 */
export function serveApp(
  fetch: (request: Request) => Response | Promise<Response>,
  options: { port: number; hostname: string },
  onListening?: (info: AddressInfo) => void,
): Server {
  const listener = getRequestListener(fetch, {
    hostname: options.hostname,
    // Requests @hono/node-server cannot build (bad host, path or method) never reach the app.
    errorHandler: () =>
      new Response(json(400, 'bad_request', 'The request line or Host header is malformed.'), {
        status: 400,
        headers: { 'content-type': 'application/json' },
      }),
  });
  // Node answers a missing Host itself, with an empty 400; let it reach @hono/node-server instead.
  const server = createServer({ requireHostHeader: false }, listener);
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    const busy = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
    if (error.code === 'ECONNRESET' || !socket.writable || busy) {
      socket.destroy();
      return;
    }
    const { status, code, message } = describeClientError(error.code);
    answerOnSocket(socket, status, json(status, code, message));
  });
  // CONNECT is for proxies; without a listener node would just drop the connection.
  server.on('connect', (_request, socket: Socket) =>
    answerOnSocket(
      socket,
      405,
      json(405, 'method_not_allowed', 'This server is not a proxy: CONNECT is not supported.'),
    ),
  );
  server.listen(options.port, options.hostname, () => onListening?.(server.address() as AddressInfo));
  return server;
}
