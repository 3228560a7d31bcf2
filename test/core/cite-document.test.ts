import { describe, expect, it } from 'vitest';
import { citeDocument } from '../../functions/core/cite-document.ts';

const document = {
  id: '3f2a9c0d4b1e8a77',
  title: '“Unacceptable”: ministry protests over "stray" drone',
  publisher: 'Northern Wire',
  publishedAt: '2024-05-14',
  url: null,
  ingestedAt: '2025-05-05T10:00:00.000Z',
  originalSha256: 'ab'.repeat(32),
};

describe('citeDocument', () => {
  it('nests the title’s own double quotes as single ones inside the citation’s quotes', () => {
    const { text } = citeDocument(document, 'https://verbatim.example');
    expect(text).toContain('Northern Wire. "‘Unacceptable’: ministry protests over ‘stray’ drone". 14 May 2024.');
    expect(text).not.toMatch(/"“|”"/);
  });

  it('keeps the title itself unchanged in the structured fields', () => {
    expect(citeDocument(document, 'https://verbatim.example').title).toBe(document.title);
  });
});
