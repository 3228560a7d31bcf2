/**
 * A segment's stored texts (see `stored-text.ts`), block by block: held compressed in memory for a
 * segment built here or loaded whole (about a kilobyte per article), fetched by byte range while a
 * shard is only partly loaded (a cold start's first pages). Inflated blocks go to one cache per
 * process, bounded in bytes ({@link STORED_CACHE_BYTES}): a page inflates one block per hit, and
 * a page asked again inflates nothing.
 */
import { corrupt } from './shard-corrupt.ts';
import { encodeStoredBlock, STORED_BLOCK_DOCUMENTS, StoredBlock, type StoredText } from './stored-text.ts';

/**
 * Inflated stored blocks kept per process: 16 MB is about 800 blocks of 8 articles, the texts of
 * some hundred result pages, beside the ~100 MB of index a 25,000-article archive holds.
 */
export const STORED_CACHE_BYTES = 16 << 20;

/** How a shard's stored blocks are fetched: some by byte range (one round), or all at once. */
export interface StoredBlockReader {
  blocks(blocks: number[]): Promise<Uint8Array[]>;
  all(): Promise<Uint8Array[]>;
}

/** A least-recently-used map bounded by the bytes of what it holds. */
class ByteLru {
  private readonly entries = new Map<string, StoredBlock>();
  private held = 0;

  constructor(private readonly capacity: number) {}

  get(key: string): StoredBlock | undefined {
    const value = this.entries.get(key);
    if (value) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: StoredBlock): void {
    if (this.entries.has(key)) return;
    this.entries.set(key, value);
    this.held += value.bytes;
    for (const [oldest, block] of this.entries) {
      if (this.held <= this.capacity || oldest === key) break;
      this.entries.delete(oldest);
      this.held -= block.bytes;
    }
  }
}

const cache = new ByteLru(STORED_CACHE_BYTES);
let nextId = 0;

/**
 * @example
 * ```ts
 * const stored = StoredBlocks.build(documents.map((d) => encoder.encode(storedJson(d))));
 * (await stored.texts([0, 3]))[1].title;
 * ```
 */
export class StoredBlocks {
  /** Tells this segment's blocks apart from every other's in the shared cache. */
  private readonly id = nextId++;

  constructor(
    readonly documentCount: number,
    readonly blockDocuments: number,
    private readonly held: Array<Uint8Array | undefined>,
    private readonly reader: StoredBlockReader | null,
  ) {}

  /** Blocks of the documents' stored JSON, compressed. */
  static build(jsons: Uint8Array[], blockDocuments = STORED_BLOCK_DOCUMENTS): StoredBlocks {
    const held: Uint8Array[] = [];
    for (let from = 0; from < jsons.length; from += blockDocuments)
      held.push(encodeStoredBlock(jsons.slice(from, from + blockDocuments)));
    return new StoredBlocks(jsons.length, blockDocuments, held, null);
  }

  get blockCount(): number {
    return Math.ceil(this.documentCount / this.blockDocuments);
  }

  /** Whether every block is in memory (encoding and merging need them all). */
  get complete(): boolean {
    for (let b = 0; b < this.blockCount; b++) if (!this.held[b]) return false;
    return true;
  }

  /** Block `b` compressed, as a shard file holds it. */
  compressed(b: number): Uint8Array {
    const bytes = this.held[b];
    if (!bytes) throw new Error('Only a segment with all its stored texts can be encoded or merged.');
    return bytes;
  }

  /** Keeps every block, compressed (a whole shard's load brings them with the postings). */
  hold(blocks: Uint8Array[]): void {
    if (blocks.length !== this.blockCount) corrupt('stored blocks do not match the document count');
    blocks.forEach((bytes, b) => (this.held[b] ??= bytes));
  }

  /** Fetches every block not held (a merge reads them all; a loaded shard has them already). */
  async loadAll(): Promise<void> {
    if (this.complete || !this.reader) return;
    this.hold(await this.reader.all());
  }

  private inflated(b: number): StoredBlock | undefined {
    const key = `${this.id}:${b}`;
    let block = cache.get(key);
    if (!block && this.held[b]) cache.set(key, (block = new StoredBlock(this.held[b]!, b)));
    return block;
  }

  /** Document `d`'s stored JSON bytes, for a merge (every block must be held). */
  json(d: number): Uint8Array {
    const b = Math.floor(d / this.blockDocuments);
    this.compressed(b);
    return this.inflated(b)!.json(d - b * this.blockDocuments);
  }

  /**
   * The stored texts of `documents`, in order: the blocks neither held nor cached are fetched in
   * one round of byte ranges (neighbours coalesced).
   */
  async texts(documents: number[]): Promise<StoredText[]> {
    const found = new Map<number, StoredBlock>();
    const missing: number[] = [];
    for (const d of documents) {
      const b = Math.floor(d / this.blockDocuments);
      if (found.has(b) || missing.includes(b)) continue;
      const block = this.inflated(b);
      if (block) found.set(b, block);
      else missing.push(b);
    }
    if (missing.length > 0) {
      if (!this.reader) corrupt('a stored block is missing');
      const fetched = await this.reader.blocks(missing);
      missing.forEach((b, i) => {
        const block = new StoredBlock(fetched[i], b);
        cache.set(`${this.id}:${b}`, block);
        found.set(b, block);
      });
    }
    return documents.map((d) => {
      const b = Math.floor(d / this.blockDocuments);
      return found.get(b)!.text(d - b * this.blockDocuments);
    });
  }
}
