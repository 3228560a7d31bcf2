/** The citation a document page offers to copy: enough to find the source again and prove the copy. */
import type { DocumentMetadata } from '../../functions/core/document.ts';
import { formatDate } from './format.ts';

/**
 * @example
 * ```ts
 * citationFor(document, 'https://verbatim.example');
 * // 'The Test Gazette. "Harbour bridge reopens". 2 March 2024. https://example.org/harbour-bridge.
 * //  Archived in Verbatim on 5 May 2025 as 3f2a9c0d4b1e8a77 (https://verbatim.example/documents/3f2a…);
 * //  SHA-256 of the original: 9a1c….'
 * ```
 */
export function citationFor(document: DocumentMetadata, origin: string): string {
  const parts = [
    document.publisher ?? 'Unknown publisher',
    `"${document.title}"`,
    document.publishedAt ? formatDate(document.publishedAt) : 'Undated',
    ...(document.url ? [document.url] : []),
  ];
  return (
    `${parts.join('. ')}. Archived in Verbatim on ${formatDate(document.ingestedAt)} as ${document.id} ` +
    `(${origin}/documents/${document.id}); SHA-256 of the original: ${document.originalSha256}.`
  );
}

/** A file name for downloading the original, from the archive id and the content type. */
export function originalFileName(document: DocumentMetadata): string {
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
