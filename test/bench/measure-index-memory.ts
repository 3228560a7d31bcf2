/**
 * What a loaded shard holds per article, this tree's engine beside another checkout's (main's):
 * each builds one shard of the real corpus (2,518 articles, both corpora), writes it to the
 * embedded S3 (servers in a child process), reads it back as a cold reader does (directory, then
 * `loadAllPostings` through the SDK) and reports the array-buffer and heap bytes it keeps per
 * article after two full collections, with the shard file's bytes per article. One process per
 * engine and run; medians of `--runs`.
 *
 * Usage: `node --expose-gc --openssl-legacy-provider --import tsx test/bench/measure-index-memory.ts --baseline DIR [--runs 3]`
 * with DIR a checkout of the baseline (`git archive main | tar -x -C DIR`, its node_modules linked).
 */
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { startLocalArchive } from '../../functions/local/start-local-archive.ts';
import { readCorpora } from './bench-queries.ts';
import { median } from './percentiles.ts';

type Engine = typeof import('../../functions/core/search/index.ts');
type Codec = typeof import('../../functions/core/search/segment-codec.ts');

interface Figures {
  fileKB: number;
  arraysKB: number;
  heapKB: number;
}

/** The child: one engine's shard, written, read back cold and loaded whole; KB per article. */
async function child(root: string): Promise<Figures> {
  const engine = (await import(pathToFileURL(join(root, 'functions/core/search/index.ts')).href)) as Engine;
  const codec = (await import(pathToFileURL(join(root, 'functions/core/search/segment-codec.ts')).href)) as Codec;
  const local = await startLocalArchive({}, { persistent: false, serversInChild: true });
  const real = await readCorpora();
  const documents = real.map((a, i) => ({
    id: `d${i}`,
    title: a.title,
    text: a.text,
    speakers: [],
    publisher: a.corpus,
    publishedAt: '',
  }));
  const bytes = engine.encodeSegment(engine.buildSegment(documents));
  const head = bytes.slice(0, engine.headLength(bytes));
  await local.archive.blobs.put('index/memory-probe', bytes, 'application/octet-stream');
  const fileKB = bytes.byteLength / documents.length / 1024;
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('Run with --expose-gc.');
  const settle = async () => {
    await new Promise((r) => setTimeout(r, 200));
    gc();
    gc();
  };
  await settle();
  const before = process.memoryUsage();
  const segment = codec.decodeSegmentHead(
    head,
    async (start, end) => (await local.archive.blobs.getRange('index/memory-probe', start, end))!,
  );
  await segment.loadAllPostings();
  await settle();
  const after = process.memoryUsage();
  if (segment.documents.length !== documents.length) throw new Error('The shard did not load whole.');
  const perArticle = (n: number) => n / documents.length / 1024;
  return {
    fileKB,
    arraysKB: perArticle(after.arrayBuffers - before.arrayBuffers),
    heapKB: perArticle(after.heapUsed - before.heapUsed),
  };
}

async function parent(): Promise<void> {
  const { values } = parseArgs({ options: { baseline: { type: 'string' }, runs: { type: 'string' } } });
  if (!values.baseline) throw new Error('Usage: measure-index-memory.ts --baseline DIR [--runs N]');
  const roots = {
    baseline: resolve(values.baseline),
    branch: resolve(fileURLToPath(new URL('../..', import.meta.url))),
  };
  const runs = Number(values.runs ?? 3);
  const self = fileURLToPath(import.meta.url);
  const all: Record<string, Figures[]> = { baseline: [], branch: [] };
  for (let run = 0; run < runs; run++) {
    for (const [name, root] of Object.entries(roots)) {
      const out = execFileSync(process.execPath, [...process.execArgv, self, '--child', root], {
        encoding: 'utf8',
        env: {
          ...process.env,
          VERBATIM_CORPUS: process.env.VERBATIM_CORPUS ?? resolve(roots.branch, '../shared/corpus'),
        },
      });
      all[name].push(JSON.parse(out.trim().split('\n').pop()!) as Figures);
    }
  }
  for (const [name, figures] of Object.entries(all)) {
    const m = (pick: (f: Figures) => number) => median(figures.map(pick)).toFixed(2);
    console.log(
      `${name}: file ${m((f) => f.fileKB)} KB per article; loaded: arrays ${m((f) => f.arraysKB)} + heap ${m((f) => f.heapKB)} KB per article (median of ${runs})`,
    );
  }
}

const at = process.argv.indexOf('--child');
if (at >= 0) {
  console.log(JSON.stringify(await child(process.argv[at + 1])));
  process.exit(0);
} else await parent();
