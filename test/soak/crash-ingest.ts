/**
 * `npm run soak:crash`: concurrent ingest in child processes, each killed with SIGKILL at a random
 * moment, then every article uploaded again and the archive verified. 127.0.0.1 only (the servers
 * run in this process on random ports, in a throwaway folder), bounded in articles, rounds and
 * time, and it stops by itself. Prints one JSON line; exits 1 if anything was lost or left behind.
 *
 * Usage: npm run soak:crash -- [--articles 200] [--children 4] [--rounds 3] [--seed 1]
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { dynamoStores } from '../../functions/adapters/dynamo-stores.ts';
import { compactIndex } from '../../functions/app/compact-index.ts';
import { createArchive } from '../../functions/app/archive.ts';
import { ingestDocument } from '../../functions/app/ingest-document.ts';
import { verifyArchive } from '../../functions/app/verify-archive.ts';
import { startLocalArchive } from '../../functions/local/start-local-archive.ts';
import type { ChildArticle } from '../crash/ingest-child.ts';
import { runIngestChild } from '../crash/run-ingest-child.ts';

/** Caps, whatever the flags say: the machine is shared. */
const MAX_ARTICLES = 1_000;
const MAX_ROUNDS = 10;
const MAX_SECONDS = 300;
/** A child is killed at a random moment in this window after it starts (it needs a few seconds to boot on a busy machine). */
const KILL_WINDOW_MS: [number, number] = [3_000, 12_000];
const CHILD_CONCURRENCY = 8;

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '200' },
    children: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
  },
});
const count = Math.min(MAX_ARTICLES, Number(values.articles));
const childCount = Math.max(1, Math.min(8, Number(values.children)));
const rounds = Math.min(MAX_ROUNDS, Number(values.rounds));
let seed = Number(values.seed) >>> 0 || 1;
/** A small seeded generator (xorshift32): the same seed gives the same kill moments. */
function random(): number {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 2 ** 32;
}

async function loadArticles(): Promise<ChildArticle[]> {
  const corpus = process.env.VERBATIM_CORPUS || join(import.meta.dirname, '../../../shared/corpus');
  const lines = (await readFile(join(corpus, 'wikinews-2019-2020/articles.jsonl'), 'utf8').catch(() => ''))
    .split('\n')
    .filter(Boolean);
  const real = lines.map((line) => JSON.parse(line) as ChildArticle);
  // Past the corpus, made-up articles: each distinct, so each is its own document.
  return Array.from({ length: count }, (_, n) =>
    n < real.length
      ? { title: real[n].title, text: real[n].text }
      : {
          title: `Soak ${n}`,
          text: `Soak article ${n}: the council met ${n} times about the ferry, "and we will meet again," clerk Ana Ruiz said.`,
        },
  );
}

const started = Date.now();
const deadline = started + MAX_SECONDS * 1000;
const local = await startLocalArchive({}, { persistent: false });
const articles = await loadArticles();
const acknowledged = new Set<string>();
let kills = 0;
let ghostsSeen = 0;
/** Claims left pending by a kill, summed over rounds: proof the kills landed mid-ingest. */
let cutOff = 0;

/** Ids the index of a fresh process returns that no reader can open: ghosts. */
async function countGhosts(): Promise<number> {
  const fresh = createArchive({
    blobs: local.archive.blobs,
    ...dynamoStores(local.clients.dynamo, local.config.table),
    audit: local.archive.audit,
    maxUploadBytes: 10 << 20,
  });
  const index = await fresh.index.current();
  const ids = index.segments.flatMap((s) => s.documents.filter((_, n) => !s.isDead(n)).map((d) => d.id));
  const ready = new Set((await fresh.catalog.getMany(ids)).map((m) => m.id));
  return ids.filter((id) => !ready.has(id)).length;
}

try {
  for (let round = 0; round < rounds && Date.now() < deadline; round++) {
    // Every child gets a slice; all of them ingest at once, and all are killed at random moments.
    const runs = await Promise.all(
      Array.from({ length: childCount }, (_, c) => {
        const slice = articles.filter((_, n) => n % childCount === c);
        const killAfterMs = KILL_WINDOW_MS[0] + random() * (KILL_WINDOW_MS[1] - KILL_WINDOW_MS[0]);
        return runIngestChild(local.config, slice, { concurrency: CHILD_CONCURRENCY, killAfterMs });
      }),
    );
    for (const run of runs) {
      if (run.signal === 'SIGKILL') kills++;
      else if (run.code !== 0) throw new Error(`an ingest child failed:\n${run.stderr}`);
      for (const done of run.done) acknowledged.add(done.id);
    }
    ghostsSeen += await countGhosts();
    for await (const _ of local.archive.catalog.listPending()) cutOff++;
  }
  const logEntriesBeforeReupload = (await local.archive.log.read(0)).length;
  // Everything again, in this process: re-uploads of cut-off ingests must succeed, not 409.
  const encoder = new TextEncoder();
  let reuploadsAdded = 0;
  /** Every failed re-upload, with the answer it got: a lost document must say why. */
  const failures: Array<{ title: string; code: string; message: string; ms: number }> = [];
  const all = new Set<string>();
  let next = 0;
  await Promise.all(
    Array.from({ length: CHILD_CONCURRENCY }, async () => {
      while (next < articles.length) {
        const article = articles[next++];
        const startedAt = Date.now();
        try {
          const result = await ingestDocument(local.archive, {
            file: { bytes: encoder.encode(article.text), contentType: 'text/plain; charset=utf-8' },
            metadata: { title: article.title },
          });
          all.add(result.id);
          if (!result.duplicate) reuploadsAdded++;
        } catch (error) {
          const { code, name, message } = error as { code?: string; name?: string; message?: string };
          const failure = {
            title: article.title,
            code: code ?? name ?? 'error',
            message: String(message),
            ms: Date.now() - startedAt,
          };
          console.error(`re-upload failed: ${JSON.stringify(failure)}`);
          failures.push(failure);
        }
      }
    }),
  );
  const lost = [...acknowledged, ...all].filter((id, n, ids) => ids.indexOf(id) === n);
  const readable = new Set((await local.archive.catalog.getMany(lost)).map((m) => m.id));
  await compactIndex(local.archive);
  const report = await verifyArchive(local.archive);
  const ghostsLeft = await countGhosts();
  const result = {
    articles: articles.length,
    ingests: acknowledged.size + reuploadsAdded,
    acknowledgedBeforeKills: acknowledged.size,
    kills,
    cutOffIngests: cutOff,
    logEntriesBeforeReupload,
    lost: lost.filter((id) => !readable.has(id)).length + failures.length,
    reuploadFailures: failures.slice(0, 10),
    ghostsSeenAfterKills: ghostsSeen,
    ghostsLeft,
    verifyProblems: report.problems.length,
    problems: report.problems.slice(0, 10),
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
  console.log(JSON.stringify(result));
  process.exitCode = result.lost || result.ghostsLeft || result.ghostsSeenAfterKills || result.verifyProblems ? 1 : 0;
} finally {
  await local.close();
}
