/** An SQLite FTS5 cold start: `fts5-cold-start.ts`, bundled, run as a new Node process. */
import { fileURLToPath } from 'node:url';
import type { Fts5ColdStartSplit } from './fts5-cold-start.ts';
import { runJsonChild } from './run-json-child.ts';

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
export async function measureFts5ColdStart(bundle: string, file: string, query: string): Promise<Fts5ColdStart> {
  const { result, wallMs } = await runJsonChild<Fts5ColdStartSplit>([bundle, file, query]);
  return { ...result, wallMs };
}
