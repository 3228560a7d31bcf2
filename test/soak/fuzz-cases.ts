/**
 * The malformed and random requests the fuzz run sends, as raw HTTP/1.1 bytes, drawn from a seeded
 * PRNG so a failing case can be replayed: bad JSON, bad UTF-8, huge headers and URLs, bad methods,
 * bad multipart, odd content types, hostile Authorization headers and random query strings on
 * every route.
 */
import { seededRandom, type Random } from '../eval/quote-finder-variants.ts';

/** One request to send, and a label saying which kind it is. */
export interface FuzzCase {
  kind: string;
  bytes: Uint8Array;
  /** HEAD answers carry no body to check. */
  head: boolean;
}

const enc = new TextEncoder();
const ID = '0123456789abcdef';
const GET_PATHS = [
  '/',
  '/upload',
  '/quotes',
  `/documents/${ID}`,
  '/api/search',
  '/api/quotes',
  `/api/documents/${ID}`,
  `/api/documents/${ID}/original`,
  '/api/openapi.json',
  '/api/audit',
  '/assets/app.js',
  '/assets/site.css',
];
const WRITE_PATHS = ['/api/documents', '/api/extract'];
const PARAMS = ['q', 'limit', 'offset', 'speaker', 'before', 'at', 'page', 'publisher', 'year', 'id', ''];
const ODD_TYPES = [
  'application/json; charset=latin1',
  'text/xml',
  'multipart/form-data',
  'multipart/form-data; boundary=',
  'application/x-www-form-urlencoded',
  'text/plain',
  'application/octet-stream',
  'application/json;;;',
  'image/png',
  '*/*',
  'application/pdf',
];
const BAD_METHODS = ['FOO', 'PATCH', 'PUT', 'TRACE', 'get', 'OPTIONS', 'PROPFIND', 'M-SEARCH', 'CONNECT', ''];

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const int = (random: Random, max: number) => Math.floor(random() * max);

/** A string of random code points, some of them unpaired surrogates, controls or quote marks. */
function randomText(random: Random, length: number): string {
  const pools = [
    [0x20, 0x7e],
    [0x00, 0x1f],
    [0xa0, 0x2fff],
    [0xd800, 0xdfff],
    [0x1f600, 0x1f64f],
    [0x201c, 0x201d],
  ] as const;
  let text = '';
  for (let i = 0; i < length; i++) {
    const [low, high] = pick(random, pools);
    text += String.fromCodePoint(low + int(random, high - low + 1));
  }
  return text;
}

/** Query values: random text, numbers out of range, broken percent escapes, repeated keys. */
function randomQuery(random: Random): string {
  const parts: string[] = [];
  for (let i = int(random, 5); i >= 0; i--) {
    const key = pick(random, PARAMS);
    const value = pick(random, [
      () => encodeURIComponent(randomText(random, int(random, 40)).replace(/[\ud800-\udfff]/g, '')),
      () => String(pick(random, [-1, 0, 1e9, 1.5, Number.NaN, 2 ** 53, -0])),
      () => pick(random, ['%', '%ZZ', '%E0%A4%A', '%C0%AF', '%00', '%FF%FE', '%uD800']),
      () =>
        '"'.repeat(int(random, 30)) +
        pick(random, ['OR', '-', 'speaker:', 'year:', 'after:', 'before:']).repeat(int(random, 50)),
      () => 'x'.repeat(int(random, 4000)),
    ])();
    parts.push(random() < 0.1 ? key : `${key}=${value}`);
  }
  return parts.join(pick(random, ['&', '&&', ';', '&=&']));
}

function request(
  method: string,
  path: string,
  headers: Record<string, string>,
  body: Uint8Array = new Uint8Array(),
): Uint8Array {
  const lines = [
    `${method} ${path} HTTP/1.1`,
    'Host: 127.0.0.1',
    'Connection: close',
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  if (body.length || method === 'POST') lines.push(`Content-Length: ${body.length}`);
  const head = enc.encode(`${lines.join('\r\n')}\r\n\r\n`);
  const bytes = new Uint8Array(head.length + body.length);
  bytes.set(head);
  bytes.set(body, head.length);
  return bytes;
}

/** JSON bodies that are broken, mistyped, deeply nested, or not UTF-8. */
function badJson(random: Random): Uint8Array {
  const text = randomText(random, 20 + int(random, 200)).replace(/[\ud800-\udfff]/g, '');
  return pick(random, [
    () => enc.encode(JSON.stringify({ text }).slice(0, int(random, 30))),
    () => enc.encode(JSON.stringify({ text: int(random, 1e6), html: [text], title: { a: 1 } })),
    () => enc.encode('['.repeat(2000 + int(random, 20000))),
    () => enc.encode(JSON.stringify({ text, html: text })),
    () => enc.encode(pick(random, ['null', '[]', '""', '0', 'true', '{}', '\uFEFF{"text":"x"}'])),
    () =>
      Uint8Array.from([
        ...enc.encode('{"text":"'),
        ...Array.from({ length: 20 }, () => 0x80 + int(random, 0x80)),
        ...enc.encode('"}'),
      ]),
    () =>
      enc.encode(
        JSON.stringify({
          text,
          url: pick(random, [null, 5, 'javascript:alert(1)', 'x'.repeat(5000)]),
          publishedAt: pick(random, [null, 'yesterday', '2020-13-45', 1e20]),
        }),
      ),
    () => enc.encode(JSON.stringify({ text: 'a'.repeat(130_000 + int(random, 30_000)) })),
  ])();
}

/** Multipart bodies with wrong, missing or truncated framing. */
function badMultipart(random: Random): { type: string; body: Uint8Array } {
  const boundary = `fuzz${int(random, 1e9)}`;
  const part = `--${boundary}\r\nContent-Disposition: form-data; name="${pick(random, ['file', 'text', 'title', '"', 'x'.repeat(3000)])}"; filename="${pick(random, ['a.txt', '', '../../x', 'a"b.pdf', '\u202e.txt'])}"\r\nContent-Type: ${pick(random, ODD_TYPES)}\r\n\r\n${randomText(random, int(random, 300)).replace(/[\ud800-\udfff]/g, '')}\r\n`;
  const body = pick(random, [
    `${part}--${boundary}--\r\n`,
    part,
    `${part}--wrong--\r\n`,
    part.slice(0, int(random, part.length)),
    `--${boundary}--\r\n`,
  ]);
  return {
    type: pick(random, [
      `multipart/form-data; boundary=${boundary}`,
      'multipart/form-data',
      `multipart/form-data; boundary=other`,
      `multipart/form-data; boundary="${boundary}"`,
    ]),
    body: enc.encode(body),
  };
}

/**
 * Draws one fuzz case. `token` is a valid write token, used now and then so requests get past the
 * auth check to the parsers.
 *
 * @example
 * ```ts
 * const next = fuzzCases(42, 'tok…');
 * const { kind, bytes } = next();
 * ```
 */
export function fuzzCases(seed: number, token: string): () => FuzzCase {
  const random = seededRandom(seed);
  const auth = (): Record<string, string> =>
    pick<Record<string, string>>(random, [
      { authorization: `Bearer ${token}` },
      { authorization: `Bearer ${token}` },
      { authorization: token },
      { authorization: `Bearer ${token}x` },
      { authorization: `Basic ${Buffer.from(`a:${token}`).toString('base64')}` },
      { authorization: 'Bearer ' + 'z'.repeat(int(random, 9000)) },
      { authorization: `bearer  ${token}` },
      {},
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    ]);
  const kinds: Array<[string, () => Omit<FuzzCase, 'kind'>]> = [
    [
      'query',
      () => {
        const method = random() < 0.15 ? 'HEAD' : 'GET';
        return {
          bytes: request(method, `${pick(random, GET_PATHS)}?${randomQuery(random)}`, random() < 0.3 ? auth() : {}),
          head: method === 'HEAD',
        };
      },
    ],
    [
      'bad-json',
      () => ({
        bytes: request(
          'POST',
          pick(random, WRITE_PATHS),
          { 'content-type': 'application/json', ...auth() },
          badJson(random),
        ),
        head: false,
      }),
    ],
    [
      'bad-multipart',
      () => {
        const { type, body } = badMultipart(random);
        return {
          bytes: request('POST', pick(random, WRITE_PATHS), { 'content-type': type, ...auth() }, body),
          head: false,
        };
      },
    ],
    [
      'odd-content-type',
      () => ({
        bytes: request(
          'POST',
          pick(random, WRITE_PATHS),
          { 'content-type': pick(random, ODD_TYPES), ...auth() },
          enc.encode(randomText(random, int(random, 500)).replace(/[\ud800-\udfff]/g, '')),
        ),
        head: false,
      }),
    ],
    [
      'huge-url',
      () => ({ bytes: request('GET', `/api/search?q=${'a'.repeat(8_000 + int(random, 30_000))}`, {}), head: false }),
    ],
    [
      'huge-headers',
      () => ({
        bytes: request(
          'GET',
          '/',
          Object.fromEntries(
            Array.from({ length: 1 + int(random, 200) }, (_, i) => [`x-fuzz-${i}`, 'h'.repeat(int(random, 2000))]),
          ),
        ),
        head: false,
      }),
    ],
    [
      'bad-method',
      () => ({
        bytes: request(
          pick(random, BAD_METHODS),
          pick(random, [...GET_PATHS, ...WRITE_PATHS, '*', 'http://[bad', '/a b']),
          auth(),
        ),
        head: false,
      }),
    ],
    [
      'bad-path',
      () => ({
        bytes: request(
          'GET',
          pick(random, [
            '/\\x',
            '//api//search',
            '/api/documents/%',
            `/api/documents/${'f'.repeat(int(random, 40))}`,
            `/documents/${encodeURIComponent(randomText(random, 10).replace(/[\ud800-\udfff]/g, ''))}`,
            '/%2e%2e/%2e%2e/etc/passwd',
            '/api/documents/../audit',
          ]),
          {},
        ),
        head: false,
      }),
    ],
    [
      'delete',
      () => ({
        bytes: request('DELETE', `/api/documents/${pick(random, [ID, 'nope', 'f'.repeat(16), ''])}`, auth()),
        head: false,
      }),
    ],
    [
      'garbage',
      () => ({ bytes: Uint8Array.from({ length: 1 + int(random, 300) }, () => int(random, 256)), head: false }),
    ],
  ];
  return () => {
    const [kind, make] = pick(random, kinds);
    return { kind, ...make() };
  };
}
