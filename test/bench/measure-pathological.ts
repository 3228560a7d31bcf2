/**
 * Focused bench for issue 10's first bullet: what pathological uploads cost, and what moving
 * parsing into a worker costs ordinary ingest. Measures one source tree (`--root`, default this
 * one), so that the same script measures another checkout (e.g. `main`) in the same run:
 *
 *   node --openssl-legacy-provider --import tsx test/bench/measure-pathological.ts --root /tmp/main-tree --corpus-limit 600
 *
 * Prints one JSON line: per pathological input, the request's time and the longest event-loop
 * stall (`monitorEventLoopDelay`), the search for `said` afterwards (time, stall), and the corpus
 * ingest rate (`importDocuments` + `ingestDocument` at concurrency 8, as `npm run import`).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formOf, pathologicalUploads, type PathologicalUpload } from '../fixtures/pathological-uploads.ts';

const { values } = parseArgs({
  options: {
    root: { type: 'string', default: resolve(import.meta.dirname, '../..') },
    only: { type: 'string', default: '' },
    'corpus-limit': { type: 'string', default: '600' },
    corpus: {
      type: 'string',
      default: process.env.VERBATIM_CORPUS ?? resolve(import.meta.dirname, '../../../shared/corpus'),
    },
  },
});
const root = resolve(values.root!);
const load = (path: string) => import(join(root, path));
const { startLocalArchive } = await load('functions/local/start-local-archive.ts');
const { createApp } = await load('functions/http/create-app.ts');
const { importDocuments } = await load('functions/app/import-documents.ts');
const { ingestDocument } = await load('functions/app/ingest-document.ts');
const { readImportItems } = await load('functions/local/read-import-items.ts');

/** Runs `work` and returns its time and the longest event-loop stall while it ran, in ms. */
async function watch<T>(work: () => Promise<T>): Promise<{ ms: number; stallMs: number; value: T }> {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const started = performance.now();
  const value = await work();
  const ms = Math.round(performance.now() - started);
  // A stall is recorded when the loop runs again: give it a tick before reading.
  await new Promise((resolve) => setTimeout(resolve, 20));
  delay.disable();
  return { ms, stallMs: Math.round(delay.max / 1e6), value };
}

const dataDir = mkdtempSync(join(tmpdir(), 'verbatim-patho-'));
const local = await startLocalArchive(
  { VERBATIM_DATA_DIR: dataDir, VERBATIM_API_TOKEN: undefined },
  { persistent: false },
);
const app = createApp({ archive: local.archive });
const only = values.only ? new RegExp(values.only) : null;
const results: Record<string, unknown> = {};
try {
  await app.request('/api/search?q=warm');
  for (const upload of pathologicalUploads().filter((u: PathologicalUpload) => !only || only.test(u.name))) {
    const form = formOf(upload);
    const post = await watch(async () => {
      const response = await app.request(upload.path, { method: 'POST', body: form });
      return `${response.status}${response.status >= 400 ? ` ${((await response.json()) as any).error.code}` : ''}`;
    });
    const search = await watch(async () => (await app.request('/api/search?q=said')).status);
    results[upload.name] = {
      answer: post.value,
      ms: post.ms,
      stallMs: post.stallMs,
      searchMs: search.ms,
      searchStallMs: search.stallMs,
    };
    console.error(upload.name, JSON.stringify(results[upload.name]));
  }
  const limit = Number(values['corpus-limit']);
  if (limit > 0) {
    const paths = ['wikinews-2019-2020', 'bbc-news'].map((name) => join(values.corpus!, name, 'articles.jsonl'));
    async function* items() {
      for (const path of paths) {
        let n = 0;
        for await (const item of readImportItems([path])) if (n++ < limit) yield item;
      }
    }
    const ingest = await watch(() =>
      importDocuments(items(), (request: unknown) => ingestDocument(local.archive, request), { concurrency: 8 }),
    );
    const summary = ingest.value as { added: number; duplicates: number; rejected: unknown[]; seconds: number };
    const documents = summary.added + summary.duplicates + summary.rejected.length;
    results.corpusIngest = {
      documents,
      docsPerSecond: Math.round((documents / summary.seconds) * 10) / 10,
      stallMs: ingest.stallMs,
    };
    console.error('corpus ingest', JSON.stringify(results.corpusIngest));
  }
} finally {
  await local.close();
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(JSON.stringify({ root, results }));
process.exit(0);
