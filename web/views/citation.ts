/** The citation a document page offers to copy: enough to find the source again and prove the copy. */
import type { DocumentMetadata } from '../../functions/core/document.ts';
import { citeDocument } from '../../functions/core/cite-document.ts';

/** The one-line citation of a document page (built in core, shared with the API). */
export function citationFor(document: DocumentMetadata, origin: string): string {
  return citeDocument(document, origin).text;
}

/** A file name for downloading the original, from the archive id and the content type: always plain ASCII. */
export function originalFileName(document: Pick<DocumentMetadata, 'id' | 'contentType'>): string {
  const type = document.contentType.split(';')[0].trim().toLowerCase();
  const extension: Record<string, string> = {
    'text/plain': 'txt',
    'text/markdown': 'md',
    'text/x-markdown': 'md',
    'text/html': 'html',
    'application/xhtml+xml': 'xhtml',
    'application/pdf': 'pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  };
  return `verbatim-${document.id}.${extension[type] ?? 'bin'}`;
}

/** A format name for people. */
export function formatName(contentType: string): string {
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (type.includes('wordprocessingml')) return 'Word (.docx)';
  if (type === 'application/pdf') return 'PDF';
  if (type.includes('html')) return 'HTML';
  if (type.includes('markdown')) return 'Markdown';
  if (type === 'text/plain') return 'Plain text';
  return type || 'Unknown';
}
