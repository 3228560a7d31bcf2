/**
 * Search's reads of large stored documents, off the request thread. The first search after a
 * 10 MB upload used to parse its 12 MB of stored JSON twice on the thread that answers every
 * request (to index it, then to cut its passages) and index its first 250 K characters there:
 * 100–200 ms idle, up to seconds on a loaded machine. A worker of the process's prepare pool now
 * parses it once and sends back its index segment and its passage view, which this thread only
 * views; the view is kept for the pages that follow.
 */
import type { ArchivedDocument } from '../core/document.ts';
import {
  decodeSegment,
  segmentsOf,
  toIndexableDocument,
  type IndexedDocuments,
  type PassageView,
  type Segment,
} from '../core/search/index.ts';
import type { DocumentLoader } from './document-loader.ts';
import { viewOfDigest, type DigestMessage } from './digest-stored-document.ts';
import { preparePool, type PrepareWorkerPool } from './prepare-worker-pool.ts';

/**
 * A stored document's JSON up to this size is parsed and indexed on the request thread: an
 * ordinary article (the corpora's longest is ~110 KB of JSON) costs ~1 ms there, less than the
 * hand-off to a worker and back on a busy machine; 256 KB of JSON costs at most ~5 ms.
 */
export const IN_THREAD_PARSE_MAX_BYTES = 256 * 1024;

/**
 * One large document digested in a worker. Its bytes are moved there when they fill their buffer
 * (copying 12 MB costs this thread ~10 ms), so `json` must not be used again. If the worker fails,
 * the document is read again and digested here, stalling this thread once: a worker that died or
 * ran out of time must not make the document unsearchable. Null if it is gone by then.
 */
async function digest(
  id: string,
  json: Uint8Array,
  withSegment: boolean,
  loader: DocumentLoader,
  pool: () => PrepareWorkerPool,
) {
  const owned = json.byteOffset === 0 && json.byteLength === json.buffer.byteLength;
  try {
    const task = { kind: 'digest', json, withSegment } as const;
    const message = await pool().run<DigestMessage>(task, owned ? [json.buffer as ArrayBuffer] : []);
    const digested = { view: viewOfDigest(message), segment: message.segment ? decodeSegment(message.segment) : null };
    loader.rememberView(digested.view);
    return digested;
  } catch (error) {
    console.warn(`Digesting document ${id} in a worker failed (${error}); reading it on the request thread.`);
    const document = await loader.get(id);
    if (!document) return null;
    return { view: document, segment: withSegment ? segmentsOf([toIndexableDocument(document)])[0] : null };
  }
}

/**
 * The documents among `ids` that can be read, indexed, in log order: small ones here (and cached
 * in the loader, as a result page needs them next), large ones in a worker, one task each (their
 * passage views cached in the loader).
 *
 * @example
 * ```ts
 * const { segments, found } = await indexOffThread(['3f2a…'], loader);
 * index.applySegments(segments, []);
 * ```
 */
export async function indexOffThread(
  ids: string[],
  loader: DocumentLoader,
  pool: () => PrepareWorkerPool = preparePool,
): Promise<IndexedDocuments> {
  const loaded = await loader.getManyOrBytes(ids, IN_THREAD_PARSE_MAX_BYTES);
  // Segments in log order, whatever order the loads finished in: document numbers break ties in
  // ranking. Each run of small documents is one segment (or a few), each large one its own.
  const found = new Set(loaded.keys());
  const parts: (Segment[] | Promise<Segment[]>)[] = [];
  let run: ArchivedDocument[] = [];
  for (const id of ids) {
    const value = loaded.get(id);
    if (value === undefined) continue;
    if (!(value instanceof Uint8Array)) {
      run.push(value);
      continue;
    }
    parts.push(
      segmentsOf(run.map(toIndexableDocument)),
      digest(id, value, true, loader, pool).then((digested) => {
        if (!digested) found.delete(id);
        return digested ? [digested.segment!] : [];
      }),
    );
    run = [];
  }
  parts.push(segmentsOf(run.map(toIndexableDocument)));
  const segments = (await Promise.all(parts)).flat();
  return { segments, found };
}

/**
 * What a result page shows of each document among `ids` that can be read: the loader's cached
 * document or view, a small document parsed here, or a large one's view cut out in a worker.
 *
 * @example
 * ```ts
 * findPassages((await passageViews(['3f2a…'], loader)).get('3f2a…')!, query);
 * ```
 */
export async function passageViews(
  ids: string[],
  loader: DocumentLoader,
  pool: () => PrepareWorkerPool = preparePool,
): Promise<Map<string, PassageView>> {
  const views = new Map<string, PassageView>();
  const missing = ids.filter((id) => {
    const view = loader.viewOf(id);
    if (view) views.set(id, view);
    return !view;
  });
  const loaded = await loader.getManyOrBytes(missing, IN_THREAD_PARSE_MAX_BYTES);
  const digested = [...loaded].map(async ([id, value]) => {
    const view = value instanceof Uint8Array ? (await digest(id, value, false, loader, pool))?.view : value;
    if (view) views.set(id, view);
  });
  await Promise.all(digested);
  return views;
}
