/**
 * Sends raw bytes to a server on 127.0.0.1 and reads one HTTP/1.1 response: for requests that
 * fetch() refuses to send (bad request lines, unknown methods, huge headers, broken framing).
 */
import { connect } from 'node:net';

/** One parsed response, or `status: 0` when the server closed or stayed silent. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** How long to wait for an answer before counting the request as unanswered. */
// An upload's first parse starts a worker that loads its parser (pdf.js, mammoth): seconds on a
// loaded 2-core machine. Silence for this long is what counts as unanswered.
export const RAW_TIMEOUT_MS = 30_000;

function parse(raw: Buffer): RawResponse {
  const text = raw.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return { status: 0, headers: {}, body: '' };
  const [statusLine, ...lines] = text.slice(0, end).split('\r\n');
  const headers = Object.fromEntries(
    lines.map((line) => [
      line.slice(0, line.indexOf(':')).trim().toLowerCase(),
      line.slice(line.indexOf(':') + 1).trim(),
    ]),
  );
  let body = raw.subarray(Buffer.byteLength(text.slice(0, end + 4), 'latin1'));
  if (headers['content-length'] !== undefined) body = body.subarray(0, Number(headers['content-length']));
  else if (/chunked/i.test(headers['transfer-encoding'] ?? '')) body = dechunk(body);
  return { status: Number(statusLine.split(' ')[1]) || 0, headers, body: body.toString('utf8') };
}

function dechunk(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  while (at < data.length) {
    const lineEnd = data.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const size = parseInt(data.subarray(at, lineEnd).toString('latin1'), 16);
    if (!size) break;
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/**
 * @example
 * ```ts
 * const { status, body } = await rawRequest(port, 'FOO / HTTP/1.1\r\nHost: x\r\n\r\n');
 * ```
 */
export function rawRequest(
  port: number,
  request: string | Uint8Array,
  timeoutMs = RAW_TIMEOUT_MS,
): Promise<RawResponse> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect({ host: '127.0.0.1', port });
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(parse(Buffer.concat(chunks)));
    };
    const timer = setTimeout(finish, timeoutMs);
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      // One response is all we read: stop once its body is complete.
      const parsed = parse(Buffer.concat(chunks));
      const length = parsed.headers['content-length'];
      if (parsed.status && length !== undefined && Buffer.byteLength(parsed.body) >= Number(length)) finish();
    });
    socket.on('error', finish);
    socket.on('close', finish);
    socket.write(request);
  });
}
