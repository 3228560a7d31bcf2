/**
 * The bench corpora as the ingest would store them, without a store: every item through
 * `prepareDocument` (speakers found, duplicates once), for in-process checks that need the bench's
 * documents in seconds rather than the bench's ingest.
 */
import { basename, dirname } from 'node:path';
import { prepareDocument } from '../../functions/app/ingest-document.ts';
import type { ArchivedDocument } from '../../functions/core/document.ts';
import { readImportItems } from '../../functions/local/read-import-items.ts';
import { itemKey } from './measure-ingest.ts';

/** The prepared documents by id, and which id each corpus item (`itemKey`) became. */
export interface PreparedCorpus {
  documents: Map<string, ArchivedDocument>;
  idOfItem: Map<string, string>;
}

/**
 * @example
 * ```ts
 * const { documents, idOfItem } = await prepareCorpus(['../shared/corpus/bbc-news/articles.jsonl']);
 * ```
 */
export async function prepareCorpus(paths: string[]): Promise<PreparedCorpus> {
  const idOfItem = new Map<string, string>();
  const documents = new Map<string, ArchivedDocument>();
  const now = new Date();
  for (const path of paths) {
    let ordinal = 0;
    for await (const item of readImportItems([path])) {
      const key = itemKey(basename(dirname(path)), ordinal++);
      if (!('request' in item)) continue;
      const document = await prepareDocument(item.request, now).catch(() => null);
      if (!document) continue;
      idOfItem.set(key, document.id);
      if (!documents.has(document.id)) documents.set(document.id, document);
    }
  }
  return { documents, idOfItem };
}
