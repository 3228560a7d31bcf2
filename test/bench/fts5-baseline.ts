/**
 * The benchmark's baseline: SQLite FTS5 over the same documents, searched with the same queries
 * translated to FTS5 syntax. FTS5 is what a "just use SQLite" design would get, so our engine's
 * figures are read next to it.
 *
 * Tokenizer `unicode61 remove_diacritics 2` splits on the same characters as {@link toFtsQuery}
 * (letters and digits form words, everything else separates) and folds case and accents as our
 * index does, so both engines see the same words.
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';

/** A document as FTS5 stores it: `id` is returned by searches, never matched. */
export interface Fts5Doc {
  id: string;
  title: string;
  text: string;
}

/** A search hit with FTS5's own snippet of the text (matches wrapped in `<mark>`). */
export interface Fts5Hit {
  id: string;
  title: string;
  snippet: string;
}

/** The benchmark's tokenizer: the same words as Verbatim's, no stemming. */
export const FTS5_TOKENIZER = 'unicode61 remove_diacritics 2';
/** FTS5 with the Porter stemmer over the same words: the word-forms eval's baseline. */
export const FTS5_PORTER_TOKENIZER = `porter ${FTS5_TOKENIZER}`;

/**
 * Builds a fresh FTS5 database file (an existing file is replaced) and returns its size and the
 * build time, including the final merge of the index segments.
 *
 * @example
 * ```ts
 * const { bytes, buildMs } = buildFts5('/tmp/bench.db', [{ id: 'a1', title: 'Budget', text: '…' }]);
 * ```
 */
export function buildFts5(
  file: string,
  docs: Fts5Doc[],
  tokenizer: string = FTS5_TOKENIZER,
): { bytes: number; buildMs: number } {
  for (const stale of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(stale)) rmSync(stale);
  }
  const started = performance.now();
  const db = new Database(file);
  try {
    // A benchmark build is thrown away if it fails, so crash safety is only lost time here.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.exec(`CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, text, tokenize = '${tokenizer}')`);
    const insert = db.prepare('INSERT INTO docs (id, title, text) VALUES (?, ?, ?)');
    db.transaction((all: Fts5Doc[]) => {
      for (const doc of all) insert.run(doc.id, doc.title, doc.text);
    })(docs);
    // Merges the segments into one b-tree, the read-optimal shape a static archive would ship.
    db.exec("INSERT INTO docs(docs) VALUES('optimize')");
  } finally {
    db.close();
  }
  const buildMs = performance.now() - started;
  return { bytes: statSync(file).size, buildMs };
}

const WORD = /[\p{L}\p{N}]+/gu;

/** An FTS5 string literal: inside double quotes nothing is an operator, `""` is a literal quote. */
const ftsString = (value: string) => `"${value.replaceAll('"', '""')}"`;

/**
 * Translates a benchmark query into an FTS5 MATCH expression meaning what our engine makes of it:
 * a query wrapped in double quotes is a phrase of its words; anything else (or a quoted single
 * word) is all of its words (ANDed), the last one as a prefix when it has 4 or more characters.
 * Every word is quoted, so `AND`, `NOT`, `near` or punctuation are never read as syntax. Null
 * when there are no words.
 *
 * @example
 * ```ts
 * toFtsQuery('budget deficit treasury'); // '"budget" "deficit" "treasury"*'
 * toFtsQuery('"the minister said, on tuesday"'); // '"the minister said on tuesday"'
 * toFtsQuery('"..."'); // null
 * ```
 */
export function toFtsQuery(q: string): string | null {
  const trimmed = q.trim();
  const words = (trimmed.match(WORD) ?? []).map((w) => w.toLowerCase());
  if (words.length === 0) return null;
  const isPhrase = trimmed.length >= 2 && /^["“”]/.test(trimmed) && /["“”]$/.test(trimmed);
  // Our parser reads a one-word phrase as a plain word (so it can still be a prefix); so does this.
  if (isPhrase && words.length > 1) return ftsString(words.join(' '));
  // Mirrors the engine's default: only the last word is a prefix, and only from 4 characters.
  return words
    .map((word, i) => (i === words.length - 1 && word.length >= 4 ? `${ftsString(word)}*` : ftsString(word)))
    .join(' ');
}

/**
 * A read-only FTS5 database, ranked by BM25 with the title weighted twice the text (as our engine
 * boosts titles). Statements are prepared once and reused, as a long-running server would.
 *
 * @example
 * ```ts
 * const fts = Fts5Searcher.open('/tmp/bench.db');
 * fts.search('budget deficit').ids; // up to 10 ids, best first
 * fts.close();
 * ```
 */
export class Fts5Searcher {
  private idsStatement?: Database.Statement<[string, number], { id: string }>;
  private hitsStatement?: Database.Statement<[string, number], Fts5Hit>;

  private constructor(private readonly db: Database.Database) {}

  /** Opens an existing database built by {@link buildFts5}. */
  static open(file: string): Fts5Searcher {
    return new Fts5Searcher(new Database(file, { readonly: true, fileMustExist: true }));
  }

  /** Ids of the best `limit` matches; none when the query has no words. */
  search(q: string, limit = 10): { ids: string[]; total?: never } {
    const match = toFtsQuery(q);
    if (match === null) return { ids: [] };
    this.idsStatement ??= this.db.prepare(
      'SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 0.0, 2.0, 1.0) LIMIT ?',
    );
    return { ids: this.idsStatement.all(match, limit).map((row) => row.id) };
  }

  /** The best `limit` matches with their titles and a snippet of the text around the match. */
  searchWithSnippets(q: string, limit = 10): Fts5Hit[] {
    const match = toFtsQuery(q);
    if (match === null) return [];
    this.hitsStatement ??= this.db.prepare(
      "SELECT id, title, snippet(docs, 2, '<mark>', '</mark>', '…', 24) AS snippet FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 0.0, 2.0, 1.0) LIMIT ?",
    );
    return this.hitsStatement.all(match, limit);
  }

  close(): void {
    this.db.close();
  }
}

/**
 * The SQLite library version better-sqlite3 is built with, for the report.
 *
 * @example
 * ```ts
 * fts5Version(); // '3.50.4'
 * ```
 */
export function fts5Version(): string {
  const db = new Database(':memory:');
  try {
    return (db.prepare('SELECT sqlite_version() AS version').get() as { version: string }).version;
  } finally {
    db.close();
  }
}
