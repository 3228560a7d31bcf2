/**
 * `npm run import` (the bulk path) killed with SIGKILL in the middle of its batches, then run
 * again: every article ends up archived exactly once, and `npm run verify` finds nothing wrong —
 * no lost document, no ghost, no half-written one — and every one is readable and found by search.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../functions/app/read-document.ts';
import { searchArchive } from '../../functions/app/search-archive.ts';
import { startLocalArchive } from '../../functions/local/start-local-archive.ts';
import { freshArchiveEnv } from '../bench/fresh-archive-env.ts';
import { runEntryPoint } from '../helpers/run-entry-point.ts';

/** Enough articles for several batches of 100: the kill lands while some are stored and some not. */
const ARTICLES = 400;
const BATCH = 100;
let dataDir = '';

const run = (script: string, args: string[]) =>
  runEntryPoint(script, args, {
    VERBATIM_DATA_DIR: dataDir,
    VERBATIM_API_TOKEN: '',
    VERBATIM_S3_ENDPOINT: '',
    VERBATIM_DYNAMODB_ENDPOINT: '',
  });

/**
 * Packs stored so far (s3rver keeps each key as files in the data folder): the bulk path writes a
 * batch's originals and JSON as one object, so a pack is what counts per batch.
 */
async function storedPacks(): Promise<number> {
  const dir = join(dataDir, 's3', 'verbatim-local', 'originals', 'packs');
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((name) => name.endsWith('._S3rver_object')).length;
}

afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('a bulk import killed mid-batch', () => {
  it('leaves each document whole or absent, and a rerun completes the import', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'verbatim-bulk-kill-'));
    const file = join(dataDir, 'articles.jsonl');
    const lines = Array.from({ length: ARTICLES }, (_, i) =>
      JSON.stringify({
        title: `Ledger entry ${i}`,
        text: `Entry ${i} of the ledger was filed. "Entry ${i} is complete," clerk Rosa Imbert said.`,
      }),
    );
    await writeFile(file, `${lines.join('\n')}\n`);

    const first = run('functions/handlers/import-cli.ts', [file]);
    // Past the first batch: some batches are done, others are being written.
    for (let waited = 0; (await storedPacks()) < 1; waited += 20) {
      if (waited > 120_000 || first.child.exitCode !== null)
        throw new Error(`the import never started storing: ${first.output.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // Killed while it was still writing: some documents stored, not all, the process not done.
    expect(first.child.exitCode).toBeNull();
    first.child.kill('SIGKILL');
    await first.exited;
    expect(await storedPacks()).toBeLessThan(ARTICLES / BATCH);

    const rerun = run('functions/handlers/import-cli.ts', [file]);
    expect(await rerun.exited, rerun.output.stderr).toBe(0);
    const summary = rerun.output.stdout;
    const added = Number(/(\d+) added/.exec(summary)?.[1] ?? 0);
    const already = Number(/(\d+) already/.exec(summary)?.[1] ?? 0);
    expect(added + already, summary).toBe(ARTICLES);
    // Some articles were never stored before the kill, so the rerun had to add them.
    expect(added).toBeGreaterThan(0);

    const verify = run('functions/handlers/maintain-cli.ts', ['verify', '--json']);
    expect(await verify.exited, verify.output.stdout + verify.output.stderr).toBe(0);
    const report = JSON.parse(verify.output.stdout.trim().split('\n').at(-1)!) as {
      documents?: number;
      problems: unknown[];
    };
    expect(report.problems).toEqual([]);

    // Every article readable and found, whichever run stored it.
    const local = await startLocalArchive(freshArchiveEnv(dataDir), { persistent: true });
    try {
      for (const i of [0, ARTICLES / 2, ARTICLES - 1]) {
        const page = await searchArchive(local.archive, { q: `"Entry ${i} is complete"`, limit: 5, offset: 0 });
        expect(page.results).toHaveLength(1);
        const document = await readDocument(local.archive, page.results[0].id);
        expect(document.text).toContain(`Entry ${i} of the ledger was filed.`);
      }
    } finally {
      await local.close();
    }
  }, 300_000);
});
