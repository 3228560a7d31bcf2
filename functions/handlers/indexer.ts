/**
 * Lambda entry point of the indexer, run on a schedule with reserved concurrency 1 (the single
 * index writer). A warm container keeps its index and only applies the log entries since.
 */
import { compactIndex } from '../app/compact-index.ts';
import { loadConfig } from '../config.ts';
import { archiveFromConfig } from './archive-from-config.ts';

const archive = archiveFromConfig(loadConfig(process.env));

export const handler = async () => {
  const result = await compactIndex(archive);
  console.log(JSON.stringify({ message: 'index compaction', ...result }));
  return result;
};
