/**
 * What search needs of a large stored document, cut out of its JSON in a parsing worker: the
 * passage view (see `core/search/passage-view.ts`) and, when the document is fresh, its index
 * segment. Parsing 12 MB of stored JSON and indexing 250 K characters would otherwise cost the
 * thread that answers requests 100–200 ms idle, and several times that on a loaded machine.
 */
import type { ArchivedDocument } from '../core/document.ts';
import {
  encodeSegment,
  passageViewOf,
  segmentsOf,
  toIndexableDocument,
  type PassageView,
} from '../core/search/index.ts';

/**
 * A digest as it crosses threads: the view without its paragraphs, which travel packed as
 * `[start, end, …]` in a moved buffer (a document of tiny paragraphs has up to 100,000 of them,
 * slow to clone as objects), and the segment's encoded bytes, moved too.
 */
export interface DigestMessage {
  view: Omit<PassageView, 'paragraphs'>;
  paragraphs: Int32Array;
  segment: Uint8Array | null;
}

const decoder = new TextDecoder();

/**
 * Parses a stored document's JSON and digests it (runs in the worker), with the buffers to move.
 *
 * @example
 * ```ts
 * const { message, transfer } = digestStoredDocument(json, true);
 * port.postMessage(message, transfer);
 * ```
 */
export function digestStoredDocument(
  json: Uint8Array,
  withSegment: boolean,
): { message: DigestMessage; transfer: ArrayBuffer[] } {
  const document = JSON.parse(decoder.decode(json)) as ArchivedDocument;
  const { paragraphs: spans, ...view } = passageViewOf(document);
  const paragraphs = new Int32Array(spans.length * 2);
  spans.forEach((paragraph, i) => {
    paragraphs[2 * i] = paragraph.start;
    paragraphs[2 * i + 1] = paragraph.end;
  });
  const segments = withSegment
    ? segmentsOf([toIndexableDocument(document)]).map((segment) => encodeSegment(segment))
    : [];
  const segment = segments[0] ?? null;
  const transfer = [paragraphs.buffer, ...(segment ? [segment.buffer as ArrayBuffer] : [])];
  return { message: { view, paragraphs, segment }, transfer };
}

/**
 * The view of a {@link DigestMessage} as search reads it (on the request thread: a few
 * milliseconds at most, for the largest views).
 */
export function viewOfDigest(message: DigestMessage): PassageView {
  const paragraphs = new Array<{ start: number; end: number }>(message.paragraphs.length / 2);
  for (let i = 0; i < paragraphs.length; i++)
    paragraphs[i] = { start: message.paragraphs[2 * i], end: message.paragraphs[2 * i + 1] };
  return { ...message.view, paragraphs };
}
