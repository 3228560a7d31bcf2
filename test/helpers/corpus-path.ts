/**
 * Where suites that read the shared corpus find it: `VERBATIM_CORPUS`, or `../shared/corpus` beside
 * the repository, as every corpus-reading suite and bench takes it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The corpus folder. */
export const CORPUS = resolve(process.cwd(), process.env.VERBATIM_CORPUS ?? '../shared/corpus');

/**
 * One of the two seed reports (`seeds/` in the corpus), as text.
 *
 * @example
 * ```ts
 * readSeed('embassy-protest-report.txt');
 * ```
 */
export function readSeed(name: string): string {
  return readFileSync(resolve(CORPUS, 'seeds', name), 'utf8');
}
