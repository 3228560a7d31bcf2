/**
 * Plain-text files written by mail clients and some editors wrap every paragraph at ~72
 * characters. Downstream, every line is a paragraph (see `normalizeText`), which would cut quotes
 * in half; so a text that is clearly hard-wrapped gets its paragraphs re-joined here.
 */

/** List items and similar lines that start a new line on purpose. */
const LINE_START_MARKER = /^\s*(?:[-*•>]|\d+[.)])\s/;

/**
 * Re-join hard-wrapped paragraphs, leaving any other text untouched. A text counts as hard-wrapped
 * when it has blank-line paragraph breaks, its lines are at most ~100 characters, and nearly every
 * line that continues into another one is close to that width (a wrapped line is long because the
 * wrapper filled it). One-paragraph-per-line texts, such as scraped articles, have no such lines.
 *
 * @example
 * ```ts
 * // An e-mail body wrapped at 72 columns, paragraphs separated by blank lines:
 * unwrapHardWraps(mailBody); // => one line per paragraph, paragraphs still separated by '\n\n'
 * // One paragraph per line (a scraped article): returned unchanged.
 * unwrapHardWraps('First paragraph.\nSecond paragraph.'); // => 'First paragraph.\nSecond paragraph.'
 * ```
 */
export function unwrapHardWraps(text: string): string {
  if (!isHardWrapped(text)) return text;
  return text
    .split(/\n[^\S\n]*\n/)
    .map((block) =>
      block.split('\n').reduce((joined, line) => {
        if (joined === '') return line.trimEnd();
        if (LINE_START_MARKER.test(line)) return `${joined}\n${line.trimEnd()}`;
        // "well-\nknown": keep the hyphen and do not add a space.
        const separator = joined.endsWith('-') ? '' : ' ';
        return `${joined}${separator}${line.trim()}`;
      }, ''),
    )
    .join('\n\n');
}

function isHardWrapped(text: string): boolean {
  const lines = text.split('\n').map((line) => line.trimEnd());
  if (!/\n[^\S\n]*\n/.test(text)) return false;
  const lengths = lines.filter((line) => line.trim() !== '').map((line) => line.length);
  if (lengths.length < 4) return false;
  const sorted = [...lengths].sort((a, b) => a - b);
  const width = sorted[Math.floor(sorted.length * 0.9)];
  if (width > 100) return false;
  const continued = lines.filter(
    (line, i) => line.trim() !== '' && (lines[i + 1] ?? '').trim() !== '' && !LINE_START_MARKER.test(lines[i + 1]),
  );
  if (continued.length < 2) return false;
  const full = continued.filter((line) => line.length >= width * 0.6).length;
  return full / continued.length >= 0.8;
}
