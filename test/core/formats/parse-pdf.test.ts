import { describe, expect, it } from 'vitest';
import { VerbatimError } from '../../../functions/core/errors.ts';
import { parseSource } from '../../../functions/core/formats/parse-source.ts';
import { makePdf } from '../../fixtures/formats/make-pdf.ts';

const pdf = (bytes: Uint8Array) => parseSource({ bytes, contentType: 'application/pdf', fileName: 'report.pdf' });

async function failure(promise: Promise<unknown>): Promise<VerbatimError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VerbatimError);
  return error as VerbatimError;
}

describe('PDF', () => {
  it('extracts paragraphs and the document information', async () => {
    const bytes = makePdf({
      pages: [
        [
          'Harbour report',
          '',
          'The ferry resumed service on Tuesday after',
          'three weeks of repairs to its shaft.',
          '',
          '"We are back," said Tomas Reyes.',
        ],
        ['2', 'Page two carries on here.'],
      ],
      info: { title: 'Harbour report', author: 'Priya Marsh', creationDate: "D:20240409081500+01'00'" },
    });
    const parsed = await pdf(bytes);
    expect(parsed.format).toBe('pdf');
    // The creation time is when the PDF was made, not when the article appeared: kept apart.
    expect(parsed.metadata).toEqual({
      title: 'Harbour report',
      author: 'Priya Marsh',
      fileCreatedAt: '2024-04-09T07:15:00.000Z',
    });
    expect(parsed.text).toBe(
      'Harbour report\n\nThe ferry resumed service on Tuesday after three weeks of repairs to its shaft.\n\n' +
        '"We are back," said Tomas Reyes.\n\nPage two carries on here.',
    );
  });

  it("leaves the caller's bytes usable (pdf.js detaches the buffer it reads)", async () => {
    const bytes = makePdf({ pages: [['Hello there.']] });
    await pdf(bytes);
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect(bytes[0]).toBe(0x25);
  });

  it('joins a sentence that runs on to the next page', async () => {
    const parsed = await pdf(makePdf({ pages: [['The sentence starts on one page and'], ['continues on the next.']] }));
    expect(parsed.text).toBe('The sentence starts on one page and continues on the next.');
  });

  it('drops a title that is only the file name', async () => {
    const parsed = await pdf(makePdf({ pages: [['Text.']], info: { title: 'Microsoft Word - untitled.docx' } }));
    expect(parsed.metadata).toEqual({});
  });

  it('refuses a scanned (image-only) PDF with a message about the missing text layer', async () => {
    const error = await failure(pdf(makePdf({ pages: [[], []] })));
    expect(error.code).toBe('empty_document');
    expect(error.message).toMatch(/no text layer.*scanned image/);
  });

  it('refuses a password-protected PDF', async () => {
    const error = await failure(pdf(makePdf({ pages: [['Secret.']], encrypted: true })));
    expect(error.code).toBe('unreadable_file');
    expect(error.message).toMatch(/password-protected/);
  });

  it('refuses a corrupt or truncated PDF', async () => {
    const junk = await failure(pdf(new TextEncoder().encode('%PDF-1.4\nthis is not a pdf')));
    expect(junk.code).toBe('unreadable_file');
    expect(junk.message).toMatch(/damaged/);
    const truncated = makePdf({ pages: [['Hello there.']] }).slice(0, 150);
    expect((await failure(pdf(truncated))).code).toMatch(/unreadable_file|empty_document/);
  });
});
