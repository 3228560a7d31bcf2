/**
 * A separate process that ingests articles into an archive whose servers another process runs
 * (the endpoints come from the environment), printing one JSON line per finished ingest. With
 * `CRASH_AFTER_LOG=n` it kills itself with SIGKILL right after its n-th ingest-log append — the
 * moment between "logged" and "ready" that used to leave ghosts. Used by the crash test and by
 * `npm run soak:crash`.
 *
 * Usage: node --import tsx test/crash/ingest-child.ts <articles.json> (an array of { title, text })
 */
import { readFile } from 'node:fs/promises';
import { ingestDocument } from '../../functions/app/ingest-document.ts';
import { loadConfig } from '../../functions/config.ts';
import type { LogEntry } from '../../functions/core/ports.ts';
import { archiveFromConfig } from '../../functions/compose/archive-from-config.ts';

/** One article as the crash tests hand it to a child. */
export interface ChildArticle {
  title: string;
  text: string;
}

const articles = JSON.parse(await readFile(process.argv[2], 'utf8')) as ChildArticle[];
const archive = archiveFromConfig(loadConfig(process.env));
const crashAfterLog = Number(process.env.CRASH_AFTER_LOG || 0);
const concurrency = Number(process.env.CHILD_CONCURRENCY || 1);

if (crashAfterLog > 0) {
  const append = archive.log.append.bind(archive.log);
  let appended = 0;
  archive.log.append = async (entry: Omit<LogEntry, 'seq'>) => {
    const written = await append(entry);
    if (++appended >= crashAfterLog) process.kill(process.pid, 'SIGKILL');
    return written;
  };
}

let next = 0;
const encoder = new TextEncoder();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < articles.length) {
      const article = articles[next++];
      const result = await ingestDocument(archive, {
        file: { bytes: encoder.encode(article.text), contentType: 'text/plain; charset=utf-8' },
        metadata: { title: article.title },
      });
      process.stdout.write(`${JSON.stringify({ id: result.id, duplicate: result.duplicate })}\n`);
    }
  }),
);
process.exit(0);
