import { describe, expect, it } from 'vitest';
import {
  contentTypeOfExtension,
  DOCX_TYPE,
  extensionOfType,
  formatNameOfType,
  formatOfExtension,
  formatOfType,
  SOURCE_FORMATS,
  SUPPORTED_EXTENSIONS,
  SUPPORTED_TYPES,
} from '../../../functions/core/formats/source-formats.ts';
import { skipReason } from '../../../functions/local/read-import-items.ts';
import { formatName, originalFileName } from '../../../web/views/citation.ts';

describe('the format table', () => {
  it('names each content type and extension once', () => {
    const types = SOURCE_FORMATS.flatMap((f) => Object.keys(f.types));
    const extensions = SOURCE_FORMATS.flatMap((f) => f.extensions);
    expect(new Set(types).size).toBe(types.length);
    expect(new Set(extensions).size).toBe(extensions.length);
    expect(SUPPORTED_TYPES).toEqual(types);
    expect(SUPPORTED_EXTENSIONS).toEqual(extensions.map((e) => `.${e}`));
  });

  it('reads types with parameters and extensions with or without the dot', () => {
    expect(formatOfType('Text/HTML; charset=utf-8')).toBe('html');
    expect(formatOfType('application/xhtml+xml')).toBe('html');
    expect(formatOfType('text/x-markdown')).toBe('markdown');
    expect(formatOfType(DOCX_TYPE)).toBe('docx');
    expect(formatOfType('application/msword')).toBeUndefined();
    expect(formatOfExtension('.HTM')).toBe('html');
    expect(formatOfExtension('md')).toBe('markdown');
    expect(formatOfExtension('.doc')).toBeUndefined();
  });

  it('gives the import a content type per extension, and every one round-trips to its format', () => {
    expect(contentTypeOfExtension('.text')).toBe('text/plain');
    expect(contentTypeOfExtension('.markdown')).toBe('text/markdown');
    expect(contentTypeOfExtension('.htm')).toBe('text/html');
    expect(contentTypeOfExtension('.xhtml')).toBe('application/xhtml+xml');
    expect(contentTypeOfExtension('.docx')).toBe(DOCX_TYPE);
    expect(contentTypeOfExtension('.jsonl')).toBeUndefined();
    for (const extension of SUPPORTED_EXTENSIONS)
      expect(formatOfType(contentTypeOfExtension(extension)!)).toBe(formatOfExtension(extension));
  });

  it('names downloads and formats for people from the same rows', () => {
    expect(extensionOfType('text/markdown; charset=utf-8')).toBe('md');
    expect(extensionOfType('text/x-markdown')).toBe('md');
    expect(extensionOfType('application/xhtml+xml')).toBe('xhtml');
    expect(originalFileName({ id: 'abc', contentType: 'application/pdf' })).toBe('verbatim-abc.pdf');
    expect(originalFileName({ id: 'abc', contentType: 'application/octet-stream' })).toBe('verbatim-abc.bin');
    expect(formatName(DOCX_TYPE)).toBe('Word (.docx)');
    expect(formatNameOfType('text/plain; charset=utf-8')).toBe('Plain text');
    expect(formatNameOfType('text/csv')).toBe('text/csv');
    expect(formatNameOfType('')).toBe('Unknown');
  });

  it('is what the CLI import takes from a folder', () => {
    for (const extension of SUPPORTED_EXTENSIONS) expect(skipReason(`a${extension}`)).toBeUndefined();
    expect(skipReason('a.jsonl')).toBeUndefined();
    expect(skipReason('a.doc')).toContain('not an article format');
  });
});
