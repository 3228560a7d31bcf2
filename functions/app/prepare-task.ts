/**
 * What a parsing worker does, and the messages it exchanges with the pool. Both sides import
 * these types; only the worker runs {@link runPrepareTask}.
 */
import { createHash } from 'node:crypto';
import { encodeFingerprint } from '../core/copies/fingerprint-codec.ts';
import { linkFeatures, linkSubject, type LinkFeatures } from '../core/copies/link-features.ts';
import type { ArchivedDocument, DocumentMetadata } from '../core/document.ts';
import type { SourceFile } from '../core/formats/parse-source.ts';
import { VerbatimError } from '../core/errors.ts';
import { metadataOf, prepareDocument, readSourceText, type IngestRequest } from './prepare-document.ts';
import { digestStoredDocument } from './digest-stored-document.ts';

/**
 * A task: build the archived document of an upload, only read its text (the upload preview), or
 * digest a large stored document (its JSON bytes) for search: its passage view, and its encoded
 * segment when `withSegment` (see `digest-stored-document.ts`), or compute a stored document's link
 * fingerprints from its JSON (a large copy candidate).
 */
export type PrepareTask =
  | { kind: 'prepare'; request: IngestRequest; now: string }
  | { kind: 'read'; file: SourceFile }
  | { kind: 'digest'; json: Uint8Array; withSegment: boolean }
  | { kind: 'features'; json: Uint8Array };

/** The worker's answer: the value, or the error as data (errors do not cross threads intact). */
export type PrepareReply = { ok: true; value: unknown } | { ok: false; code?: string; message: string };

/**
 * A prepared document as it crosses back: its metadata, and the whole document already as the
 * JSON bytes to store. A 10 MB document as objects costs the request thread hundreds of ms (the
 * copy, then garbage collection over its paragraphs); as bytes it is moved, not copied.
 */
export interface PreparedDocument {
  metadata: DocumentMetadata;
  json: Uint8Array;
  /** What copy and same-story linking need of the text, computed here instead of on the request thread. */
  features: LinkFeatures;
  /** `features` encoded as they are filed (`fingerprint-codec.ts`), encoded here too. */
  fingerprint: Uint8Array;
  /** SHA-256 (hex) of `json`, hashed here so the request thread signs its PUT without hashing it. */
  jsonSha256: string;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Runs one task and describes its outcome as a message, with the buffers to move rather than copy. (markup or Markdown
 * nested deeper than the parsers recurse) is the upload's fault, so it is `too_complex`.
 *
 * @example
 * ```ts
 * const { reply, transfer } = await runPrepareTask(task);
 * parentPort.postMessage(reply, transfer);
 * ```
 */
export async function runPrepareTask(task: PrepareTask): Promise<{ reply: PrepareReply; transfer: ArrayBuffer[] }> {
  try {
    if (task.kind === 'read') return { reply: { ok: true, value: await readSourceText(task.file) }, transfer: [] };
    if (task.kind === 'digest') {
      const { message, transfer } = digestStoredDocument(task.json, task.withSegment);
      return { reply: { ok: true, value: message }, transfer };
    }
    if (task.kind === 'features') {
      const stored = JSON.parse(decoder.decode(task.json)) as ArchivedDocument;
      return { reply: { ok: true, value: linkSubject(stored) }, transfer: [] };
    }
    const document = await prepareDocument(task.request, new Date(task.now));
    const json = encoder.encode(JSON.stringify(document));
    const jsonSha256 = createHash('sha256').update(json).digest('hex');
    const metadata = metadataOf(document);
    const features = linkFeatures(document);
    const { id, title, publishedAt } = metadata;
    const fingerprint = encodeFingerprint({ id, title, publishedAt, features });
    const prepared: PreparedDocument = { metadata, json, jsonSha256, features, fingerprint };
    return {
      reply: { ok: true, value: prepared },
      transfer: [prepared.json.buffer as ArrayBuffer, fingerprint.buffer as ArrayBuffer],
    };
  } catch (error) {
    return { reply: failure(error), transfer: [] };
  }
}

/**
 * An error as data. A stack overflow (markup or Markdown nested deeper than a parser recurses) is
 * the upload's fault, so it is `too_complex`; anything unexpected keeps only its message.
 */
function failure(error: unknown): PrepareReply {
  if (error instanceof VerbatimError) return { ok: false, code: error.code, message: error.message };
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return {
      ok: false,
      code: 'too_complex',
      message: 'The upload is nested too deeply to read. Nothing was stored; simplify the file and try again.',
    };
  }
  return { ok: false, message: error instanceof Error ? error.message : String(error) };
}
