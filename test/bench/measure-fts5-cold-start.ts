/**
 * Spawns `fts5-cold-start.ts` as a new Node process, and times it from the outside too (spawn to
 * exit), which adds what the child cannot see: process creation before its clock starts, and exit.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Fts5ColdStartSplit } from './fts5-cold-start.ts';

/** The script to bundle and run. */
export const FTS5_COLD_START_SCRIPT = fileURLToPath(new URL('./fts5-cold-start.ts', import.meta.url));

/** The child's own split plus the parent's wall time from spawn to exit. */
export interface Fts5ColdStart extends Fts5ColdStartSplit {
  wallMs: number;
}

/**
 * @example
 * ```ts
 * const { sinceProcessStartMs, wallMs } = await measureFts5ColdStart('/tmp/bench.db', 'embassy protest');
 * ```
 */
export function measureFts5ColdStart(bundle: string, file: string, query: string): Promise<Fts5ColdStart> {
  const started = performance.now();
  const child = spawn(process.execPath, [bundle, file, query], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      const wallMs = performance.now() - started;
      if (code !== 0) return reject(new Error(`fts5-cold-start.ts exited with ${code}:\n${stderr.trim()}`));
      try {
        resolve({ ...(JSON.parse(stdout.trim().split('\n').pop()!) as Fts5ColdStartSplit), wallMs });
      } catch {
        reject(new Error(`fts5-cold-start.ts printed no result:\n${stdout}\n${stderr}`));
      }
    });
  });
}
