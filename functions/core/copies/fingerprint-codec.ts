/**
 * A document's link fingerprints as bytes, stored beside its band keys so that a candidate's are
 * read by key, a whole batch's in one request, instead of fetching its stored document and
 * tokenizing it again. Those fetches were most of what copy and same-story detection added to a
 * bulk import (README, Figures). Layout, every number a LEB128 varint:
 *
 * version · publishedAt (length, UTF-8; 0: none) · title (length, UTF-8) ·
 * band keys (count; each band, then its 32-bit hash) · shingles (count; ascending, as gaps) ·
 * story words (count; each its length, UTF-8, then count × 2 + 1 when it is a name, count × 2 if not)
 *
 * A name is kept as a flag on a counted word: the scoring reads a vector's names only among its
 * counted words, so the decoded vector scores exactly as the one it was encoded from.
 */
import type { LinkSubject } from './link-features.ts';
import type { StoryVector } from './story-similarity.ts';

/**
 * Bumped whenever what the fingerprints are computed from changes (shingle size, hash seeds,
 * bands, the story vector's words): an older version decodes as unknown, and the caller computes
 * the document's fingerprints from its text again.
 */
export const FINGERPRINT_VERSION = 1;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A growing byte buffer: one array of numbers per fingerprint cost more than the rest together. */
class FingerprintWriter {
  private bytes = new Uint8Array(4096);
  private at = 0;

  private room(n: number): void {
    if (this.at + n <= this.bytes.length) return;
    const larger = new Uint8Array(Math.max(this.bytes.length * 2, this.at + n));
    larger.set(this.bytes.subarray(0, this.at));
    this.bytes = larger;
  }

  varint(value: number): void {
    this.room(8);
    while (value >= 0x80) {
      this.bytes[this.at++] = (value & 0x7f) | 0x80;
      value = Math.floor(value / 0x80);
    }
    this.bytes[this.at++] = value;
  }

  text(text: string): void {
    let ascii = true;
    for (let i = 0; i < text.length && ascii; i++) ascii = text.charCodeAt(i) < 0x80;
    // Nearly every word is ASCII: its bytes are its char codes, no encoder call for a short word.
    const bytes = ascii ? null : encoder.encode(text);
    const length = bytes ? bytes.length : text.length;
    this.varint(length);
    this.room(length);
    if (bytes) this.bytes.set(bytes, this.at);
    else for (let i = 0; i < length; i++) this.bytes[this.at + i] = text.charCodeAt(i);
    this.at += length;
  }

  finish(): Uint8Array {
    return this.bytes.slice(0, this.at);
  }
}

/**
 * @example
 * ```ts
 * const bytes = encodeFingerprint(linkSubject(document)); // about 2.3 KB for a news article
 * decodeFingerprint(document.id, bytes)!.features.shingles.size; // as before
 * ```
 */
export function encodeFingerprint(subject: LinkSubject): Uint8Array {
  const out = new FingerprintWriter();
  out.varint(FINGERPRINT_VERSION);
  out.text(subject.publishedAt ?? '');
  out.text(subject.title);
  const { keys, shingles, story } = subject.features;
  out.varint(keys.length);
  for (const key of keys) {
    const colon = key.indexOf(':');
    out.varint(Number(key.slice(0, colon)));
    out.varint(parseInt(key.slice(colon + 1), 16));
  }
  out.varint(shingles.size);
  let previous = 0;
  for (const shingle of Uint32Array.from(shingles).sort()) {
    out.varint(shingle - previous);
    previous = shingle;
  }
  out.varint(story.counts.size);
  for (const [word, count] of story.counts) {
    out.text(word);
    out.varint(count * 2 + (story.entities.has(word) ? 1 : 0));
  }
  return out.finish();
}

/** Reads what {@link encodeFingerprint} wrote; throws past the end (a truncated item). */
class FingerprintReader {
  private at = 0;
  constructor(private readonly bytes: Uint8Array) {}

  varint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (this.at >= this.bytes.length) throw new RangeError('fingerprint truncated');
      const byte = this.bytes[this.at++];
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
    }
  }

  text(): string {
    const length = this.varint();
    const end = this.at + length;
    if (end > this.bytes.length) throw new RangeError('fingerprint truncated');
    // A word of ASCII bytes is its char codes: a decoder call per short word was most of decoding.
    let ascii = '';
    for (let i = this.at; i < end; i++) {
      const byte = this.bytes[i];
      if (byte >= 0x80) return decoder.decode(this.bytes.subarray(this.at, (this.at = end)));
      ascii += String.fromCharCode(byte);
    }
    this.at = end;
    return ascii;
  }

  get done(): boolean {
    return this.at === this.bytes.length;
  }
}

/**
 * The subject `bytes` encode, or null when they are of another {@link FINGERPRINT_VERSION} or
 * malformed (the caller then computes it from the document's text).
 *
 * @example
 * ```ts
 * decodeFingerprint('3f2a9c0d4b1e8a77', bytes)?.features.keys.length; // => BANDS
 * ```
 */
export function decodeFingerprint(id: string, bytes: Uint8Array): LinkSubject | null {
  const read = new FingerprintReader(bytes);
  try {
    if (read.varint() !== FINGERPRINT_VERSION) return null;
    const publishedAt = read.text() || null;
    const title = read.text();
    const keys = Array.from({ length: read.varint() }, () => {
      const band = read.varint();
      return `${band}:${read.varint().toString(16).padStart(8, '0')}`;
    });
    const shingles = new Set<number>();
    let shingle = 0;
    for (let n = read.varint(); n > 0; n--) shingles.add((shingle += read.varint()));
    const story: StoryVector = { counts: new Map(), entities: new Set() };
    for (let n = read.varint(); n > 0; n--) {
      const word = read.text();
      const flagged = read.varint();
      story.counts.set(word, Math.floor(flagged / 2));
      if (flagged % 2 === 1) story.entities.add(word);
    }
    return read.done ? { id, title, publishedAt, features: { keys, shingles, story } } : null;
  } catch {
    return null;
  }
}
