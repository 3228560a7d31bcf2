/**
 * LEB128 varints — 7 bits a byte, the high bit set on all but the last — as word positions
 * (`positions.ts`) and shard directories (`shard-directory.ts`) store small numbers: a gap or a
 * block's size takes one or two bytes instead of four.
 */

/** Appends `value` (≥ 0) to `out` as a varint. */
export function pushVarint(out: number[], value: number): void {
  while (value >= 0x80) {
    out.push((value & 0x7f) | 0x80);
    value = Math.floor(value / 0x80);
  }
  out.push(value);
}

/**
 * Reads varints one after another from a byte string.
 *
 * @example
 * ```ts
 * const reader = new VarintReader(Uint8Array.from([0xac, 0x02, 5]));
 * [reader.varint(), reader.varint()]; // [300, 5]
 * ```
 */
export class VarintReader {
  protected at = 0;
  constructor(protected readonly bytes: Uint8Array) {}

  /** The next varint (past the end: NaN, which a caller checking its counts refuses). */
  varint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = this.bytes[this.at++];
      if (byte === undefined) return NaN;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
    }
  }

  /** The next `length` bytes. */
  take(length: number): Uint8Array {
    const out = this.bytes.subarray(this.at, this.at + length);
    this.at += length;
    return out;
  }

  /** Where the reader is in the byte string (the end once everything was read). */
  get offset(): number {
    return this.at;
  }
}
