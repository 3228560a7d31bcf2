/**
 * `npm run import` (the bulk path) killed with SIGKILL in the middle of its batches, then run
 * again: every article ends up archived exactly once, and `npm run verify` finds nothing wrong —
 * no lost document, no ghost, no half-written one.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runEntryPoint } from '../helpers/run-entry-point.ts';

/** Enough articles for several batches of 100: the kill lands while some are stored and some not. */
const ARTICLES = 400;
/** Documents (their normalised JSON, one object each) stored when the import is killed. */
const KILL_AFTER_DOCUMENTS = 150;
let dataDir = '';

const run = (script: string, args: string[]) =>
  runEntryPoint(script, args, {
    VERBATIM_DATA_DIR: dataDir,
    VERBATIM_API_TOKEN: '',
    VERBATIM_S3_ENDPOINT: '',
    VERBATIM_DYNAMODB_ENDPOINT: '',
  });

/**
 * Objects stored so far under `documents/` (s3rver keeps each key as files in the data folder):
 * the bulk path packs a batch's originals into one object, so the JSON is what counts per article.
 */
async function storedDocuments(): Promise<number> {
  const dir = join(dataDir, 's3', 'verbatim-local', 'documents');
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
    // Past the first batch of 100: some batches are done, others are being written.
    for (let waited = 0; (await storedDocuments()) < KILL_AFTER_DOCUMENTS; waited += 50) {
      if (waited > 120_000 || first.child.exitCode !== null)
        throw new Error(`the import never started storing: ${first.output.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Killed while it was still writing: some documents stored, not all, the process not done.
    expect(first.child.exitCode).toBeNull();
    first.child.kill('SIGKILL');
    await first.exited;
    expect(await storedDocuments()).toBeLessThan(ARTICLES);

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
  }, 300_000);
});
