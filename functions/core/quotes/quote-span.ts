/**
 * The shape every quote finder hands to attribution: where the quoted words are and where their
 * marks were, before anyone has decided who said them.
 */

/**
 * A run of quoted words in the text.
 *
 * `start`/`end` bound the words (marks excluded, whitespace trimmed). `open`/`close` are the
 * indices of the marks themselves; `close` is null when the quote runs to the end of its line
 * unclosed, which is how multi-paragraph quotes are written.
 *
 * @example
 * ```ts
 * // text: 'He said "yes," then left.'
 * const span: QuoteSpan = { start: 9, end: 13, open: 8, close: 13, line: 0, lineStart: 0, lineEnd: 25 };
 * ```
 */
export interface QuoteSpan {
  start: number;
  end: number;
  open: number;
  close: number | null;
  /** Index of the line (a single-newline-delimited piece of a paragraph) the quote sits in. */
  line: number;
  lineStart: number;
  lineEnd: number;
}
