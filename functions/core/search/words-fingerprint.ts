/**
 * A document's words in one short string: two texts with the same words in the same order (a
 * copy that differs only in case, punctuation, quote marks or line breaks, or a replica) share
 * it. The quote finder counts documents sharing it as one candidate, so copies of one text cannot
 * fill its candidate list. 64 bits from two independent 32-bit hashes: among the few thousand
 * hits one query walks, a collision is about as likely as one in 10^12.
 */

/** Folds a text's words, one at a time, into its fingerprint. */
export class WordsFingerprint {
  // FNV-1a and a multiply-rotate hash over the same characters, each with its own seed.
  private a = 0x811c9dc5;
  private b = 0x9747b28c;

  /** Adds one folded word (a separator is mixed in, so "ab c" and "a bc" differ). */
  add(word: string): void {
    let { a, b } = this;
    for (let i = 0; i <= word.length; i++) {
      const c = i < word.length ? word.charCodeAt(i) : 0x20;
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    this.a = a;
    this.b = b;
  }

  /**
   * @example
   * ```ts
   * const print = new WordsFingerprint();
   * for (const word of ['the', 'floodgates', 'held']) print.add(word);
   * print.value(); // e.g. '1x3k9a0f2q7mz'
   * ```
   */
  value(): string {
    return (this.a >>> 0).toString(36).padStart(7, '0') + (this.b >>> 0).toString(36).padStart(7, '0');
  }
}
