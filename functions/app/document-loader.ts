/**
 * Loads normalised documents from the blob store, keeping the most recently used in memory:
 * search results need their text for passages, and the same documents come up again and again.
 *
 * Where a document's JSON is (its own object, or a range of a bulk batch's pack) is in its
 * catalog record, so a load the caller gives no record for first reads the records of all the
 * ids it misses, in one batch (`catalog.getMany`). An id without a ready record is looked for as
 * its own object, as before packs: only ready documents have packed JSON worth reading.
 */
import type { ArchivedDocument } from '../core/document.ts';
import { forEachAtMost } from '../core/for-each-at-most.ts';
import { rememberRecent } from '../core/remember-recent.ts';
import type { BlobStore, CatalogedMetadata, DocumentCatalog } from '../core/ports.ts';
import type { PassageView } from '../core/search/index.ts';
import { readDocumentJson } from './document-json.ts';

/** Where a JSON is: the part of a record {@link readDocumentJson} reads. */
type Located = Pick<CatalogedMetadata, 'id' | 'json'>;

/**
 * Passage views of large documents kept (see `core/search/passage-view.ts`): each holds at most
 * about 120 K characters and 1,000 quotes, so these few cost a few MB at most.
 */
const VIEW_CAPACITY = 32;

/** Below the SDK's default of 50 sockets, leaving room for other requests. */
const PARALLEL_LOADS = 32;

/**
 * @example
 * ```ts
 * const loader = new DocumentLoader(blobs, catalog);
 * const document = await loader.get('3f2a…'); // null when there is no such document
 * ```
 */
export class DocumentLoader {
  private readonly cache = new Map<string, ArchivedDocument>();
  private readonly views = new Map<string, PassageView>();

  constructor(
    private readonly blobs: BlobStore,
    private readonly catalog: Pick<DocumentCatalog, 'getMany'>,
    private readonly capacity = 1000,
  ) {}

  /** One document; `record`, when the caller has it, saves reading it. */
  async get(id: string, record?: Located): Promise<ArchivedDocument | null> {
    const cached = this.touch(id);
    if (cached) return cached;
    const bytes = await readDocumentJson(this.blobs, record ?? (await this.locate([id]))[0]);
    return bytes ? this.parse(bytes) : null;
  }

  /** The cached copy, made the most recently used. */
  private touch(id: string): ArchivedDocument | undefined {
    const cached = this.cache.get(id);
    if (cached) rememberRecent(this.cache, id, cached, this.capacity);
    return cached;
  }

  /** Where each id's JSON is, by its ready record (an id without one: its own object). */
  private async locate(ids: string[]): Promise<Located[]> {
    const records = new Map((await this.catalog.getMany(ids)).map((m) => [m.id, m]));
    return ids.map((id) => records.get(id) ?? { id });
  }

  /**
   * The stored JSON of each id (missing ones left out), read a bounded number at a time: for
   * what parses it elsewhere (a worker).
   */
  async jsonBytes(ids: string[]): Promise<Map<string, Uint8Array>> {
    const found = new Map<string, Uint8Array>();
    if (ids.length === 0) return found;
    // Each id once: a batch read refuses a repeated key.
    const located = await this.locate([...new Set(ids)]);
    await forEachAtMost(located, PARALLEL_LOADS, async (record) => {
      const bytes = await readDocumentJson(this.blobs, record);
      if (bytes) found.set(record.id, bytes);
    });
    return found;
  }

  /** A stored document's JSON, parsed and remembered. */
  private parse(bytes: Uint8Array): ArchivedDocument {
    const document = JSON.parse(new TextDecoder().decode(bytes)) as ArchivedDocument;
    this.remember(document);
    return document;
  }

  /**
   * Loads several documents, a bounded number at a time (a phrase check may need thousands, and
   * firing them all at once only queues them in the HTTP agent); missing ones are left out.
   */
  async getMany(ids: string[]): Promise<Map<string, ArchivedDocument>> {
    const found = new Map<string, ArchivedDocument>();
    const missing: string[] = [];
    for (const id of ids) {
      const cached = this.touch(id);
      if (cached) found.set(id, cached);
      else missing.push(id);
    }
    for (const [id, bytes] of await this.jsonBytes(missing)) found.set(id, this.parse(bytes));
    return found;
  }

  /**
   * {@link getMany}, except that a document not in the cache whose stored JSON is over `parseUpTo`
   * bytes comes back as those bytes, unparsed and not cached: parsing 12 MB of JSON costs the
   * thread ~80 ms, so the caller hands them to a worker instead (see `digest-off-thread.ts`).
   */
  async getManyOrBytes(ids: string[], parseUpTo: number): Promise<Map<string, ArchivedDocument | Uint8Array>> {
    const found = new Map<string, ArchivedDocument | Uint8Array>();
    for (const id of ids) {
      const cached = this.cache.get(id);
      if (cached) found.set(id, cached);
    }
    for (const [id, bytes] of await this.jsonBytes(ids.filter((id) => !found.has(id))))
      found.set(id, bytes.byteLength <= parseUpTo ? this.parse(bytes) : bytes);
    return found;
  }

  /** The cached copy of a document, if any (its recency unchanged): for what only wants it when it is cheap. */
  cached(id: string): ArchivedDocument | undefined {
    return this.cache.get(id);
  }

  /** Puts a document the caller already has into the cache (e.g. right after ingesting it). */
  remember(document: ArchivedDocument): void {
    rememberRecent(this.cache, document.id, document, this.capacity);
  }

  /** What search shows of a document, if at hand: the cached document itself, or its cached view. */
  viewOf(id: string): PassageView | undefined {
    const view = this.views.get(id);
    if (view) this.rememberView(view);
    return view ?? this.cache.get(id);
  }

  /** Keeps a large document's passage view (a worker cut it out of the stored JSON). */
  rememberView(view: PassageView): void {
    rememberRecent(this.views, view.id, view, VIEW_CAPACITY);
  }

  forget(id: string): void {
    this.cache.delete(id);
    this.views.delete(id);
  }
}
