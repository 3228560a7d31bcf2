/**
 * The cost of one search as the HTTP route pays it, in process (no sockets): a local archive of
 * the first `--documents` articles of each corpus, then the fixed query mix of
 * `load-search.ts` through `searchArchive`, round after round. Prints the median microseconds
 * per search over `--rounds`, of wall time and of this process's CPU time (the embedded servers
 * run in child processes, so this is the search's own work; on a shared machine CPU time is the
 * steadier figure), so a change to the result page can be measured beside its baseline without
 * the noise of a load generator.
 *
 *   node --openssl-legacy-provider --import tsx test/bench/measure-search-page.ts --rounds 9
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { importDocuments } from '../../functions/app/import-documents.ts';
import { ingestDocument } from '../../functions/app/ingest-document.ts';
import { searchArchive } from '../../functions/app/search-archive.ts';
import { readImportItems } from '../../functions/local/read-import-items.ts';
import { startLocalArchive } from '../../functions/local/start-local-archive.ts';
import { median } from './percentiles.ts';
import { LOAD_QUERIES } from './load-search-queries.ts';

const { values } = parseArgs({
  options: {
    documents: { type: 'string', default: '150' },
    rounds: { type: 'string', default: '9' },
    /** Searches per round (the mix repeated). */
    searches: { type: 'string', default: '1200' },
    corpus: {
      type: 'string',
      default: process.env.VERBATIM_CORPUS ?? resolve(import.meta.dirname, '../../../shared/corpus'),
    },
  },
});

async function* firstOfEach(paths: string[], count: number) {
  for (const path of paths) {
    let taken = 0;
    for await (const item of readImportItems([path])) {
      if (taken >= count) break;
      if (!('request' in item)) continue;
      taken++;
      yield item;
    }
  }
}

const local = await startLocalArchive({}, { persistent: false, serversInChild: true });
try {
  const paths = ['wikinews-2019-2020', 'bbc-news'].map((name) => join(values.corpus!, name, 'articles.jsonl'));
  const imported = await importDocuments(
    firstOfEach(paths, Number(values.documents)),
    (request) => ingestDocument(local.archive, request),
    { concurrency: 8 },
  );
  const searches = LOAD_QUERIES.map((q) => {
    const [words, rest] = q.split('&');
    return { q: words, offset: rest?.startsWith('offset=') ? Number(rest.slice(7)) : 0 };
  });
  const perSearch: number[] = [];
  const cpuPerSearch: number[] = [];
  for (let round = 0; round <= Number(values.rounds); round++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    for (let i = 0; i < Number(values.searches); i++) {
      const { q, offset } = searches[i % searches.length];
      await searchArchive(local.archive, { q, limit: 10, offset });
    }
    // Round 0 warms the index, the caches and the JIT.
    if (round === 0) continue;
    perSearch.push(((performance.now() - started) * 1000) / Number(values.searches));
    const used = process.cpuUsage(cpu);
    cpuPerSearch.push((used.user + used.system) / Number(values.searches));
  }
  console.log(
    JSON.stringify({
      documents: imported.added,
      rounds: perSearch.map(Math.round),
      medianMicrosecondsPerSearch: Math.round(median(perSearch)),
      cpuRounds: cpuPerSearch.map(Math.round),
      medianCpuMicrosecondsPerSearch: Math.round(median(cpuPerSearch)),
    }),
  );
} finally {
  await local.close();
}
