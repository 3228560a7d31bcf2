/**
 * Word counting, the one meaning of "how many words": a document's `wordCount`, and how long a
 * quote is when quotes are told from terms (`core/quotes/`). Space-separated tokens that contain
 * a letter or a digit count as one word each, which matches how editors and the corpus statistics
 * count ("1,000", "e-mail" and "don't" are one word; a lone "—" or "&" is none). Scripts written
 * without spaces (Chinese, Japanese, Thai, Lao, Khmer, Myanmar) are split with the platform's word
 * segmenter instead, or a whole Chinese paragraph would count as one word.
 */

/** Letters of scripts that do not separate words with spaces. */
const UNSPACED_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

let segmenter: Intl.Segmenter | undefined;

/**
 * Count the words of a text.
 *
 * @example
 * ```ts
 * countWords('"We will rebuild," Mayor Ana Ruiz said — again.'); // => 8
 * countWords('我们今天去北京'); // => 4
 * ```
 */
export function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/)) {
    if (!WORD_CHARACTER.test(token)) continue;
    count += UNSPACED_SCRIPT.test(token) ? countSegmentedWords(token) : 1;
  }
  return count;
}

function countSegmentedWords(token: string): number {
  segmenter ??= new Intl.Segmenter('und', { granularity: 'word' });
  let count = 0;
  for (const segment of segmenter.segment(token)) if (segment.isWordLike) count += 1;
  return count;
}
