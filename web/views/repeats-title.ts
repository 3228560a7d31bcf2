/**
 * Whether a document's first paragraph only repeats its title, as most pasted and extracted
 * articles do (the headline is both the title and the first line). The page then shows that
 * paragraph once, as the heading; the stored text and every offset into it stay as they are.
 */

/** Words only, in lower case: "“Unacceptable”: Azerbaijan…" and "Unacceptable: Azerbaijan…" are one title. */
function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * True when `paragraph` has the same words as the title, whatever its punctuation and case.
 *
 * @example
 * ```ts
 * repeatsTitle('Bridge reopens', 'Bridge reopens.\n\nThe bridge…', { start: 0, end: 15 }); // true
 * ```
 */
export function repeatsTitle(
  title: string,
  text: string,
  paragraph: { start: number; end: number } | undefined,
): boolean {
  const words = fold(title);
  return Boolean(paragraph && words && fold(text.slice(paragraph.start, paragraph.end)) === words);
}
