/**
 * What goes into a parser and what comes out, in a module of their own: `parse-source.ts` picks
 * the parser and every parser returns a {@link ParsedSource}, so neither imports the other.
 */
import type { SourceMetadata } from '../document.ts';
import type { SourceFormat } from './source-formats.ts';

export type { SourceFormat } from './source-formats.ts';

/** An uploaded file as the HTTP layer received it. */
export interface SourceFile {
  bytes: Uint8Array;
  /** The declared media type, parameters allowed (`text/plain; charset=utf-8`); may be empty. */
  contentType: string;
  fileName?: string;
}

/** What a parser found in a file. */
export interface ParsedSource {
  /** The extracted text, NOT yet normalised (pass it through `normalizeText`). */
  text: string;
  /** Title, URL, publisher, author and publication date found in the file itself. */
  metadata: SourceMetadata;
  format: SourceFormat;
}
