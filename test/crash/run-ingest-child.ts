/**
 * Starts {@link ./ingest-child.ts} against an archive's servers and collects what it reports.
 * The child talks to the same s3rver and dynalite over HTTP, as another process on the machine.
 */
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { ENV, type Config } from '../../functions/config.ts';
import type { ChildArticle } from './ingest-child.ts';

/** How a child run ended, and the ingests it reported as done before that. */
export interface ChildRun {
  done: Array<{ id: string; duplicate: boolean }>;
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/**
 * @example
 * ```ts
 * const run = await runIngestChild(config, [{ title, text }], { crashAfterLog: 1 });
 * run.signal; // 'SIGKILL'
 * ```
 */
export async function runIngestChild(
  config: Config,
  articles: ChildArticle[],
  options: { crashAfterLog?: number; killAfterMs?: number; concurrency?: number } = {},
): Promise<ChildRun> {
  const file = join(tmpdir(), `verbatim-child-${randomUUID()}.json`);
  await writeFile(file, JSON.stringify(articles));
  const env = {
    ...process.env,
    [ENV.bucket]: config.bucket,
    [ENV.table]: config.table,
    [ENV.s3Endpoint]: config.s3Endpoint,
    [ENV.dynamoEndpoint]: config.dynamoEndpoint,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    CRASH_AFTER_LOG: String(options.crashAfterLog ?? 0),
    CHILD_CONCURRENCY: String(options.concurrency ?? 1),
  };
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'ingest-child.ts'), file], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run: ChildRun = { done: [], code: null, signal: null, stderr: '' };
  let partial = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop()!;
    for (const line of lines) if (line.trim()) run.done.push(JSON.parse(line));
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (run.stderr += chunk));
  const timer = options.killAfterMs === undefined ? null : setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ ...run, code, signal });
    });
  });
}
