/**
 * The lines `npm run import` prints when it is done: the counts, then each rejected item and each
 * skipped file with the reason, in command-line wording.
 */
import type { ImportSummary } from '../app/import-documents.ts';
import { cliWording } from './cli-wording.ts';

/** How many rejected (and, separately, skipped) items are listed one by one; the rest are counted. */
export const MAX_LISTED_ITEMS = 50;

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

function listed(verb: string, entries: ImportSummary['rejected']): string[] {
  const lines = entries
    .slice(0, MAX_LISTED_ITEMS)
    .map(({ label, reason }) => `  ${verb} ${label}: ${cliWording(reason)}`);
  if (entries.length > MAX_LISTED_ITEMS) lines.push(`  … and ${entries.length - MAX_LISTED_ITEMS} more ${verb}`);
  return lines;
}

/**
 * @example
 * ```ts
 * for (const line of formatImportSummary(summary)) console.log(line);
 * ```
 */
export function formatImportSummary(summary: ImportSummary): string[] {
  const total = summary.added + summary.duplicates + summary.rejected.length;
  const rate = summary.seconds > 0 ? ` (${(total / summary.seconds).toFixed(0)}/s)` : '';
  const skipped = summary.skipped.length > 0 ? `; ${plural(summary.skipped.length, 'file')} in folders skipped` : '';
  return [
    `Imported ${plural(total, 'item')} in ${summary.seconds.toFixed(1)} s${rate}: ` +
      `${summary.added} added, ${summary.duplicates} already in the archive, ${summary.rejected.length} rejected${skipped}.`,
    ...listed('rejected', summary.rejected),
    ...listed('skipped', summary.skipped),
  ];
}
