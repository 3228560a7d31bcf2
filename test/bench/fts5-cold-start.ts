/**
 * An FTS5 cold start, run as its own process by the benchmark (`measureFts5ColdStart`): from
 * nothing to the first answered search on an existing database file. Prints one JSON line of
 * {@link Fts5ColdStartSplit} on stdout.
 *
 * Usage: `node --import tsx test/bench/fts5-cold-start.ts <dbfile> <query>`
 *
 * The SQLite module is imported dynamically, after the first timestamp, so loading the native
 * addon counts as opening rather than hiding before the first line of this file.
 */
const topOfFile = performance.now(); // ms since this process started (performance.timeOrigin)

/** Milliseconds of each phase of an FTS5 cold start. */
export interface Fts5ColdStartSplit {
  /** Loading better-sqlite3 (the native addon) and opening the database file read-only. */
  openMs: number;
  /**
   * The first search, with snippets as the FTS5 server answers. SQLite's own page cache is empty;
   * the OS file cache is probably not (the benchmark built or searched the file just before).
   */
  firstQueryMs: number;
  /** Process start (Node, the tsx loader) to the first answered search. */
  sinceProcessStartMs: number;
}

async function main(): Promise<Fts5ColdStartSplit> {
  const [file, query] = process.argv.slice(2);
  if (!file || !query) throw new Error('Usage: fts5-cold-start.ts <dbfile> <query>');
  const { Fts5Searcher } = await import('./fts5-baseline.ts');
  const searcher = Fts5Searcher.open(file);
  const opened = performance.now();
  searcher.searchWithSnippets(query, 10);
  const answered = performance.now();
  searcher.close();
  return { openMs: opened - topOfFile, firstQueryMs: answered - opened, sinceProcessStartMs: answered };
}

main().then(
  (split) => process.stdout.write(`${JSON.stringify(split)}\n`, () => process.exit(0)),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
