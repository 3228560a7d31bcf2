/** The citation a document page offers to copy: enough to find the source again and prove the copy. */
import type { DocumentMetadata } from '../../functions/core/document.ts';
import { citeDocument } from '../../functions/core/cite-document.ts';
import { extensionOfType, formatNameOfType } from '../../functions/core/formats/source-formats.ts';

/** The one-line citation of a document page (built in core, shared with the API). */
export function citationFor(document: DocumentMetadata, origin: string): string {
  return citeDocument(document, origin).text;
}

/** A file name for downloading the original, from the archive id and the content type: always plain ASCII. */
export function originalFileName(document: Pick<DocumentMetadata, 'id' | 'contentType'>): string {
  return `verbatim-${document.id}.${extensionOfType(document.contentType) ?? 'bin'}`;
}

/** A format name for people (from the one format table). */
export const formatName = formatNameOfType;
