/**
 * The command-line options and PolNeAR records shared by the tuning scripts
 * (classify-quote-errors.ts, dump-quote-errors.ts): train and dev only, never test.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PolnearRecord } from './score-extraction.ts';

/** The value after `--name` on the command line, if given. */
export function option(name: string, argv = process.argv.slice(2)): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

/**
 * The tuning splits named by `--split` (train, dev or both, the default). Throws for test: it
 * is for the final measurement only and is never read while tuning.
 *
 * @example
 * ```ts
 * const { splits, records } = loadTuningSplits();
 * ```
 */
export function loadTuningSplits(): { splits: ('train' | 'dev')[]; records: PolnearRecord[] } {
  const which = option('split') ?? 'both';
  if (which !== 'train' && which !== 'dev' && which !== 'both')
    throw new Error(`--split must be train, dev or both (the test split is for the final measurement only)`);
  const splits: ('train' | 'dev')[] = which === 'both' ? ['train', 'dev'] : [which];
  const path = resolve(process.cwd(), process.env.VERBATIM_POLNEAR ?? '../shared/eval/polnear/polnear.jsonl');
  const records = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as PolnearRecord)
    .filter((r): r is PolnearRecord & { split: 'train' | 'dev' } => splits.includes(r.split as 'train' | 'dev'))
    // The archive's light normalisation, as eval-quotes.ts does.
    .map((r) => ({ ...r, text: r.text.normalize('NFC').replace(/\r\n/g, '\n') }));
  return { splits, records };
}
