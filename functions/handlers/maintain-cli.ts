/**
 * `npm run verify` and `npm run reindex` on the local archive (or on the storage the environment
 * names). verify prints every problem and exits 1 if there is any; reindex rebuilds the index
 * from the stored documents. On AWS the indexer Lambda does the same for `{ "action": … }`.
 *
 * Usage: maintain-cli.ts verify|reindex [--json] [--settle (verify: settle every cut-off ingest first)]
 */
import { parseArgs } from 'node:util';
import { reindexArchive } from '../app/reindex-archive.ts';
import { settleStaleClaims } from '../app/settle-claims.ts';
import { sweepUnusedPacks, verifyArchive, type VerifyReport } from '../app/verify-archive.ts';
import { VerbatimError } from '../core/errors.ts';
import { startLocalArchive } from '../local/start-local-archive.ts';

const USAGE = 'Usage: npm run verify [-- --json] [--settle]  |  npm run reindex';

function printReport(report: VerifyReport): void {
  for (const { id, key, problem } of report.problems) console.log(`${id ? `document ${id}` : key}: ${problem}`);
  console.log(
    `${report.problems.length === 0 ? 'OK' : 'PROBLEMS'}: ${report.documents} document(s), ${report.indexed} in the index, ` +
      `${report.logEntries} log entries, ${report.inProgress} ingest(s) in progress, ${report.problems.length} problem(s).`,
  );
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { json: { type: 'boolean' }, settle: { type: 'boolean' } },
  });
  const action = positionals[0];
  if (action !== 'verify' && action !== 'reindex') {
    console.log(USAGE);
    process.exitCode = 2;
    return;
  }
  const local = await startLocalArchive(process.env);
  try {
    if (action === 'verify') {
      if (values.settle) {
        // Every cut-off ingest whose lease ran out, logged or not: finished or rolled back first.
        const settled = await settleStaleClaims(local.archive);
        console.log(
          `Settled cut-off ingests: ${settled.finished.length} finished, ${settled.rolledBack.length} rolled back.`,
        );
        const packs = await sweepUnusedPacks(local.archive);
        console.log(`Deleted ${packs.length} pack(s) of originals no document uses.`);
      }
      const report = await verifyArchive(local.archive);
      if (values.json) console.log(JSON.stringify(report));
      else printReport(report);
      process.exitCode = report.problems.length > 0 ? 1 : 0;
    } else {
      const result = await reindexArchive(local.archive);
      console.log(
        values.json
          ? JSON.stringify(result)
          : `Reindexed ${result.documents} document(s) into ${result.shards} shard(s): snapshot v${result.version}, log through ${result.through}.`,
      );
    }
  } finally {
    await local.close();
  }
}

main().catch((error) => {
  // A running server holds the folder: one line naming it.
  console.error(error instanceof VerbatimError ? error.message : error);
  process.exitCode = 2;
});
