/**
 * Strict UTF-8 for multipart text fields (issue 10, finding 8): a form field with bytes that are
 * not UTF-8 is refused with 400 `invalid_utf8`, as a JSON body with them is, and nothing is stored.
 * Hono's `parseBody` used to decode fields first, so such bytes were stored as U+FFFD with a 201.
 * The forms are written out byte by byte: `FormData` cannot carry invalid bytes in a text field.
 */
import { describe, expect, it } from 'vitest';
import { getJson, useScratchArchive } from '../helpers/scratch-archive.ts';

const scratch = useScratchArchive();
const encoder = new TextEncoder();
const BOUNDARY = 'verbatim-test-boundary-7f3a';
const LATIN1_E_ACUTE = 0xe9; // "é" in Latin-1: a lone byte that is not UTF-8

type Part = { name: string; value: Uint8Array; fileName?: string; type?: string };

/** A multipart/form-data body with the parts' bytes exactly as given. */
function multipart(parts: Part[]): Uint8Array<ArrayBuffer> {
  const chunks: Uint8Array[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.fileName !== undefined ? `; filename="${part.fileName}"` : ''}`;
    const type = part.type ? `\r\nContent-Type: ${part.type}` : '';
    chunks.push(encoder.encode(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`), part.value);
    chunks.push(encoder.encode('\r\n'));
  }
  chunks.push(encoder.encode(`--${BOUNDARY}--\r\n`));
  const body = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) body.set(chunk, (at += chunk.byteLength) - chunk.byteLength);
  return body;
}

const withByte = (before: string, byte: number, after: string) =>
  new Uint8Array([...encoder.encode(before), byte, ...encoder.encode(after)]);

function post(path: string, parts: Part[]) {
  return scratch.app.request(path, {
    method: 'POST',
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    body: multipart(parts),
  });
}

async function countDocuments(): Promise<number> {
  let count = 0;
  for await (const _ of scratch.archive.catalog.list()) count++;
  return count;
}

const file = (text: string): Part => ({
  name: 'file',
  fileName: 'orchard.txt',
  type: 'text/plain; charset=utf-8',
  value: encoder.encode(text),
});

describe('multipart uploads: strict UTF-8 in text fields', () => {
  it('refuses a title, a text field or any metadata field that is not UTF-8, naming it, and stores nothing', async () => {
    const before = await countDocuments();
    const cases: Part[][] = [
      [
        { name: 'title', value: withByte('Caf', LATIN1_E_ACUTE, ' reopens') },
        file('The café reopened, its owners said.'),
      ],
      [{ name: 'text', value: withByte('The caf', LATIN1_E_ACUTE, ' owners said the terrace will reopen in spring.') }],
      [{ name: 'publisher', value: withByte('Le Monde Diplomatiqu', LATIN1_E_ACUTE, '') }, file('Growers said so.')],
    ];
    for (const parts of cases) {
      const response = await post('/api/documents', parts);
      const body = (await response.json()) as any;
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(body.error.code).toBe('invalid_utf8');
      expect(body.error.message).toContain(`"${parts[0].name}"`);
    }
    expect(await countDocuments()).toBe(before);
    expect((await getJson(scratch.app, '/api/search?q=terrace')).body.total).toBe(0);
  });

  it('refuses the same through POST /api/extract', async () => {
    const response = await post('/api/extract', [
      { name: 'title', value: withByte('Caf', LATIN1_E_ACUTE, '') },
      file('The café reopened, its owners said.'),
    ]);
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).error.code).toBe('invalid_utf8');
  });

  it('keeps valid UTF-8 fields as sent, a typed U+FFFD included, and a file of any bytes is the parser’s to judge', async () => {
    const title = 'Café terrace reopens � on Tuesday';
    const response = await post('/api/documents', [
      { name: 'title', value: encoder.encode(title) },
      {
        name: 'text',
        value: encoder.encode('The café owners said the terrace would reopen on Tuesday after the storm.'),
      },
    ]);
    const created = (await response.json()) as any;
    expect(response.status, JSON.stringify(created)).toBe(201);
    const { body: document } = await getJson(scratch.app, `/api/documents/${created.id}`);
    expect(document.title).toBe(title);
    expect(document.text).toContain('The café owners said');

    // Bytes in a file part are not a field: a Latin-1 file is read by its own charset.
    const latin1 = await post('/api/documents', [
      {
        name: 'file',
        fileName: 'latin1.txt',
        type: 'text/plain; charset=iso-8859-1',
        value: withByte('The caf', LATIN1_E_ACUTE, ' owners said the orchard stays open all winter.'),
      },
    ]);
    const fromLatin1 = (await latin1.json()) as any;
    expect(latin1.status, JSON.stringify(fromLatin1)).toBe(201);
    expect((await getJson(scratch.app, `/api/documents/${fromLatin1.id}`)).body.text).toContain('The café owners');
  });

  it('answers a body that is not a readable form with 400 in the JSON error shape', async () => {
    const response = await scratch.app.request('/api/documents', {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      body: encoder.encode(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="text"\r\n\r\nno closing boundary`),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).error.code).toBe('bad_request');
    expect(await countDocuments()).toBeGreaterThan(0);
  });
});
