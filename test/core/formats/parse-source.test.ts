import { describe, expect, it } from 'vitest';
import { VerbatimError } from '../../../functions/core/errors.ts';
import { parseSource } from '../../../functions/core/formats/parse-source.ts';
import { SUPPORTED_TYPES } from '../../../functions/core/formats/source-formats.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The VerbatimError a promise rejects with (fails the test if it resolves). */
async function failure(promise: Promise<unknown>): Promise<VerbatimError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VerbatimError);
  return error as VerbatimError;
}

describe('parseSource dispatch', () => {
  it('lists the supported content types', () => {
    expect([...SUPPORTED_TYPES].sort()).toEqual(
      [
        'application/pdf',
        'application/xhtml+xml',
        DOCX,
        'text/html',
        'text/markdown',
        'text/plain',
        'text/x-markdown',
      ].sort(),
    );
  });

  it('ignores content-type parameters and case', async () => {
    const parsed = await parseSource({ bytes: utf8('<p>Hello there.</p>'), contentType: 'Text/HTML; charset=UTF-8' });
    expect(parsed.format).toBe('html');
  });

  it('falls back to the file extension for a missing or generic type', async () => {
    expect((await parseSource({ bytes: utf8('# Title\n\nBody.'), contentType: '', fileName: 'notes.MD' })).format).toBe(
      'markdown',
    );
    expect(
      (await parseSource({ bytes: utf8('Body.'), contentType: 'application/octet-stream', fileName: 'a.txt' })).format,
    ).toBe('text');
    expect(
      (await parseSource({ bytes: utf8('<p>Hi.</p>'), contentType: 'application/octet-stream', fileName: 'page.htm' }))
        .format,
    ).toBe('html');
  });

  it('treats a .md file sent as text/plain as Markdown', async () => {
    const parsed = await parseSource({
      bytes: utf8('# Title\n\nBody.'),
      contentType: 'text/plain',
      fileName: 'notes.md',
    });
    expect(parsed).toMatchObject({ format: 'markdown', metadata: { title: 'Title' } });
  });

  it('refuses unknown types, naming what is supported', async () => {
    const error = await failure(parseSource({ bytes: utf8('GIF89a'), contentType: 'image/gif', fileName: 'a.gif' }));
    expect(error.code).toBe('unsupported_media_type');
    expect(error.status).toBe(415);
    expect(error.message).toMatch(/\.txt.*\.md.*\.html.*\.pdf.*\.docx/);
    const noType = await failure(
      parseSource({ bytes: utf8('x'), contentType: 'application/octet-stream', fileName: 'data.bin' }),
    );
    expect(noType.code).toBe('unsupported_media_type');
  });

  it('points legacy .doc files to .docx', async () => {
    const error = await failure(
      parseSource({ bytes: utf8('x'), contentType: 'application/msword', fileName: 'old.doc' }),
    );
    expect(error).toMatchObject({
      code: 'unsupported_media_type',
      message: expect.stringMatching(/save it as \.docx/),
    });
  });

  it('refuses empty files and files with no words', async () => {
    expect((await failure(parseSource({ bytes: new Uint8Array(), contentType: 'text/plain' }))).code).toBe(
      'empty_document',
    );
    expect((await failure(parseSource({ bytes: utf8(' \n\t\n'), contentType: 'text/plain' }))).code).toBe(
      'empty_document',
    );
    expect(
      (
        await failure(
          parseSource({ bytes: utf8('<html><body><script>x()</script></body></html>'), contentType: 'text/html' }),
        )
      ).code,
    ).toBe('empty_document');
  });
});

describe('parseSource on pathological files', () => {
  it('refuses absurdly nested HTML as too_complex before Readability runs, and turns a parser crash into unreadable_file', async () => {
    // Readability's time grows faster than depth squared: the nesting cap refuses it at once.
    const html = `<html><body>${'<div>'.repeat(10_000)}text</body></html>`;
    await expect(
      parseSource({ bytes: new TextEncoder().encode(html), contentType: 'text/html' }),
    ).rejects.toMatchObject({ code: 'too_complex' });
    // This one overflows the stack inside micromark.
    const markdown = `${'>'.repeat(20_000)} text`;
    await expect(
      parseSource({ bytes: new TextEncoder().encode(markdown), contentType: 'text/markdown' }),
    ).rejects.toMatchObject({ code: 'unreadable_file' });
  }, 60_000);
});
