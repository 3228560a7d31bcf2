import { describe, expect, it } from 'vitest';
import { VerbatimError } from '../../../functions/core/errors.ts';
import { parseSource } from '../../../functions/core/formats/parse-source.ts';
import { normalizeText } from '../../../functions/core/text/normalize-text.ts';
import { makeDocx } from '../../fixtures/formats/make-docx.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const docx = (bytes: Uint8Array) => parseSource({ bytes, contentType: DOCX, fileName: 'memo.docx' });

async function failure(promise: Promise<unknown>): Promise<VerbatimError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VerbatimError);
  return error as VerbatimError;
}

describe('DOCX', () => {
  it('extracts paragraphs, title and author', async () => {
    const bytes = await makeDocx({
      paragraphs: [
        'Council memo',
        'The library will open late on Thursdays.',
        '“It is a trial,” said Mira Lund & staff.',
      ],
      title: 'Memo <draft> &amp; notes',
      creator: 'Sam Okafor',
    });
    const parsed = await docx(bytes);
    expect(parsed.format).toBe('docx');
    expect(parsed.metadata).toEqual({ title: 'Memo <draft> &amp; notes', author: 'Sam Okafor' });
    expect(normalizeText(parsed.text)).toBe(
      'Council memo\n\nThe library will open late on Thursdays.\n\n“It is a trial,” said Mira Lund & staff.',
    );
  });

  it('is found by extension when the browser sends no type', async () => {
    const bytes = await makeDocx({ paragraphs: ['Hello.'] });
    expect(await parseSource({ bytes, contentType: '', fileName: 'Memo.DOCX' })).toMatchObject({
      format: 'docx',
      metadata: {},
    });
  });

  it('refuses a broken zip', async () => {
    const error = await failure(docx(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5])));
    expect(error.code).toBe('unreadable_file');
    expect(error.message).toMatch(/damaged or not a Word document/);
  });

  it('refuses a zip that is not a Word document', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip().file('hello.txt', 'hi');
    expect((await failure(docx(await zip.generateAsync({ type: 'uint8array' })))).code).toBe('unreadable_file');
  });

  it('refuses password-protected and legacy Word files with a hint', async () => {
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const error = await failure(docx(ole));
    expect(error.code).toBe('unreadable_file');
    expect(error.message).toMatch(/password-protected or in the old \.doc format/);
  });

  it('refuses a document with no text', async () => {
    expect((await failure(docx(await makeDocx({ paragraphs: ['', ' '] })))).code).toBe('empty_document');
  });
});
