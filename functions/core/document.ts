/**
 * The archive's domain model: what a stored document is, independent of where it is stored.
 *
 * Offsets are UTF-16 code-unit indices into {@link ArchivedDocument.text} (JavaScript string
 * indices), so `text.slice(start, end)` is always the span they describe.
 */

/** A paragraph of the normalised text: `text.slice(start, end)`, with no surrounding blank lines. */
export interface Paragraph {
  start: number;
  end: number;
}

/** Whether quoted words are someone's speech or merely a quoted term (scare quotes, titles, nicknames). */
export type QuoteKind = 'speech' | 'term';

/**
 * A direct quotation found in a document.
 *
 * @example
 * ```ts
 * // text: '"We will rebuild," Mayor Ana Ruiz said.'
 * { text: 'We will rebuild,', start: 1, end: 17, speaker: 'Ana Ruiz', mention: 'Mayor Ana Ruiz', verb: 'said', kind: 'speech' }
 * ```
 */
export interface Quote {
  /** The quoted words, without the quote marks: `document.text.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  /** The speaker as a name (a pronoun resolved to the person it refers to), or null if unknown. */
  speaker: string | null;
  /** The speaker as written next to the quote ("he", "Potter", "the ministry"), or null. */
  mention: string | null;
  /** The reporting verb ("said", "told", "according to"), or null. */
  verb: string | null;
  kind: QuoteKind;
}

/** Metadata an uploader may give, or that a parser finds in the file itself. */
export interface SourceMetadata {
  title?: string;
  url?: string;
  publisher?: string;
  author?: string;
  /** ISO 8601 date or date-time. */
  publishedAt?: string;
  /**
   * When the file itself was created (PDF Info/XMP, DOCX core properties): when it was printed or
   * saved, which says nothing about when the article was published. Never used as `publishedAt`.
   */
  fileCreatedAt?: string;
}

/** Who stated a document's publication date: its file's metadata, a dateline in its text, or the uploader. */
export type PublishedAtSource = 'metadata' | 'text' | 'uploader';

/** Everything the document catalog keeps about a document: small, listable, no text. */
export interface DocumentMetadata {
  id: string;
  title: string;
  url: string | null;
  publisher: string | null;
  author: string | null;
  publishedAt: string | null;
  /** Where `publishedAt` came from; null when no date is known. */
  publishedAtSource: PublishedAtSource | null;
  /** The file's own creation time (see {@link SourceMetadata.fileCreatedAt}), or null. */
  fileCreatedAt: string | null;
  /** When Verbatim archived it (ISO 8601). */
  ingestedAt: string;
  uploader: string | null;
  /** SHA-256 (hex) of the normalised text: the dedupe key. */
  sha256: string;
  /** SHA-256 (hex) of the original bytes as uploaded. */
  originalSha256: string;
  /** Size of the original in bytes. */
  size: number;
  contentType: string;
  wordCount: number;
  quoteCount: number;
}

/** A packed original's place: the pack's key and the offset of its first byte there. */
export interface OriginalInPack {
  pack: string;
  start: number;
}

/**
 * A packed document JSON's place: the pack's key, the offset of its first byte there and its
 * length (a JSON's size is not in the metadata, as the original's is).
 */
export interface JsonInPack {
  pack: string;
  start: number;
  size: number;
}

/** A document as the archive serves it: metadata, normalised text, paragraphs and quotes. */
export interface ArchivedDocument extends DocumentMetadata {
  text: string;
  paragraphs: Paragraph[];
  quotes: Quote[];
}
