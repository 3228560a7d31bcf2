/**
 * Lambda entry point of the indexer, run on a schedule with reserved concurrency 1 (the single
 * index writer). A warm container keeps its index and only applies the log entries since.
 *
 * The scheduled event compacts (and sweeps cut-off ingests and orphaned shards). An operator can
 * invoke it with `{ "action": "verify" }`, `{ "action": "reindex" }` or `{ "action": "settle" }` instead — the same checks
 * and rebuild as `npm run verify` / `npm run reindex`, with no extra infrastructure.
 */
import { compactIndex } from '../app/compact-index.ts';
import { reindexArchive } from '../app/reindex-archive.ts';
import { settleStaleClaims } from '../app/settle-claims.ts';
import { verifyArchive } from '../app/verify-archive.ts';
import { loadConfig } from '../config.ts';
import { archiveFromConfig } from '../compose/archive-from-config.ts';

const archive = archiveFromConfig(loadConfig(process.env));

/** What an operator may ask for; anything else (the schedule's event) compacts. */
type IndexerEvent = { action?: 'verify' | 'reindex' | 'settle' | 'compact' } | null | undefined;

export const handler = async (event?: IndexerEvent) => {
  const action = event && typeof event === 'object' && 'action' in event ? event.action : 'compact';
  if (action === 'verify') {
    const report = await verifyArchive(archive);
    console.log(
      JSON.stringify({
        message: 'verify',
        ok: report.problems.length === 0,
        ...report,
        problems: report.problems.slice(0, 100),
      }),
    );
    return { ok: report.problems.length === 0, ...report };
  }
  if (action === 'settle') {
    // Every cut-off ingest, logged or not (a scan of the table; the schedule only settles logged ones).
    const settled = await settleStaleClaims(archive);
    console.log(JSON.stringify({ message: 'settle', ...settled }));
    return settled;
  }
  if (action === 'reindex') {
    const result = await reindexArchive(archive);
    console.log(JSON.stringify({ message: 'reindex', ...result }));
    return result;
  }
  const result = await compactIndex(archive);
  console.log(JSON.stringify({ message: 'index compaction', ...result }));
  return result;
};
