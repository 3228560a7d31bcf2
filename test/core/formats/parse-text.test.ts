import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VerbatimError } from '../../../functions/core/errors.ts';
import { parseSource } from '../../../functions/core/formats/parse-source.ts';
import { unwrapHardWraps } from '../../../functions/core/formats/unwrap-hard-wraps.ts';

const fixture = readFileSync(new URL('../../fixtures/formats/article.txt', import.meta.url));
const plain = (bytes: Uint8Array, contentType = 'text/plain') => parseSource({ bytes, contentType });

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VerbatimError);
  return (error as VerbatimError).code;
}

describe('plain text', () => {
  it('returns the text as it is, with no metadata', async () => {
    const parsed = await plain(fixture);
    expect(parsed).toEqual({ text: fixture.toString('utf8'), metadata: {}, format: 'text' });
  });

  it('strips a byte-order mark', async () => {
    expect((await plain(new TextEncoder().encode('\ufeffHello.'))).text).toBe('Hello.');
  });

  it('decodes UTF-16 announced by its byte-order mark', async () => {
    const bytes = Uint8Array.from([0xff, 0xfe, ...[...'Hé!'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect((await plain(bytes)).text).toBe('Hé!');
  });

  it('honours a declared charset', async () => {
    const latin1 = Uint8Array.from([0x43, 0x61, 0x66, 0xe9]);
    expect((await plain(latin1, 'text/plain; charset=iso-8859-1')).text).toBe('Café');
  });

  it('refuses invalid UTF-8 with a message saying how to fix it', async () => {
    const promise = plain(Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x2e]));
    expect(await codeOf(promise)).toBe('invalid_text');
    await expect(promise).rejects.toThrow(/UTF-8/);
  });

  it('refuses binary content: NUL bytes and control characters', async () => {
    expect(await codeOf(plain(Uint8Array.from([0x48, 0x69, 0x00, 0x21])))).toBe('invalid_text');
    expect(await codeOf(plain(new TextEncoder().encode('Hi\u0001\u0002 there')))).toBe('invalid_text');
    // A PDF sent as text/plain.
    expect(await codeOf(plain(Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x0a, 0x00, 0xe2, 0xe3])))).toBe(
      'invalid_text',
    );
  });
});

describe('unwrapHardWraps', () => {
  it('re-joins paragraphs a mail client wrapped at 72 characters', () => {
    const wrapped = [
      'The council voted on Tuesday to extend the opening hours of the central',
      'library, after a petition signed by more than two thousand residents was',
      'handed in at the town hall last month.',
      '',
      '"People asked for it and we listened," said councillor Mira Lund, who',
      'proposed the change.',
    ].join('\n');
    expect(unwrapHardWraps(wrapped)).toBe(
      'The council voted on Tuesday to extend the opening hours of the central library, after a petition signed by more than two thousand residents was handed in at the town hall last month.\n\n' +
        '"People asked for it and we listened," said councillor Mira Lund, who proposed the change.',
    );
  });

  it('leaves one-paragraph-per-line text and lists alone', () => {
    const text = fixture.toString('utf8');
    expect(unwrapHardWraps(text)).toBe(text);
    const list = 'Shopping:\n\n- bread\n- milk\n- eggs\n- apples';
    expect(unwrapHardWraps(list)).toBe(list);
  });
});
