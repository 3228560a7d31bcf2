/**
 * `node --import tsx test/bench/measure-speaker-directory.ts [--runs 5] [--copies 1,10]`
 *
 * What the speaker directory costs to build at load (it is built in memory from the index's
 * document tables, never stored): the Wikinews + BBC corpora's speakers, as the index stores them,
 * and the same repeated under new ids (more documents, same names), median of several runs. Beside
 * it, the speaker facet over all documents (a search matching everything): per form, as before,
 * and per person, as the search now counts it (`countFacets`, publishers and years included).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { countFacets } from '../../functions/app/search-archive.ts';
import { extractQuotes } from '../../functions/core/quotes/extract-quotes.ts';
import type { StoredDocument } from '../../functions/core/search/segment.ts';
import { SpeakerDirectory } from '../../functions/core/speakers/speaker-directory.ts';
import { normalizeText } from '../../functions/core/text/normalize-text.ts';
import { splitParagraphs } from '../../functions/core/text/split-paragraphs.ts';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, copies: { type: 'string', default: '1,10' } },
});
const runs = Number(values.runs);
const corpus = process.env.VERBATIM_CORPUS ?? resolve(process.cwd(), '../shared/corpus');
const base: StoredDocument[] = [];
for (const file of [`${corpus}/wikinews-2019-2020/articles.jsonl`, `${corpus}/bbc-news/articles.jsonl`]) {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const article = JSON.parse(line) as { text: string; publisher?: string; source?: string };
    const text = normalizeText(article.text);
    const speakers = [
      ...new Set(
        extractQuotes(text, splitParagraphs(text))
          .map((q) => q.speaker)
          .filter((s): s is string => Boolean(s)),
      ),
    ];
    base.push({
      id: String(base.length),
      publisher: article.publisher ?? article.source ?? '',
      publishedAt: '',
      speakers,
    });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(work: () => void): number {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    // CPU time, not wall time: the machine is shared, and wall time there measures the neighbours.
    const started = process.cpuUsage();
    work();
    const used = process.cpuUsage(started);
    times.push((used.user + used.system) / 1000);
  }
  return median(times);
}

for (const copies of values.copies.split(',').map(Number)) {
  const documents = Array.from({ length: copies }, (_, c) => base.map((d) => ({ ...d, id: `${c}-${d.id}` }))).flat();
  const build = time(() => void SpeakerDirectory.build(documents));
  const plain = time(() => {
    const perForm = new Map<string, number>();
    for (const d of documents) for (const s of d.speakers) perForm.set(s, (perForm.get(s) ?? 0) + 1);
  });
  const perPerson = time(() => countFacets(documents));
  const forms = new Set(documents.flatMap((d) => d.speakers)).size;
  console.log(
    `${documents.length} documents, ${forms} speaker forms → directory build ${build.toFixed(1)} ms; ` +
      `facets over all: per form ${plain.toFixed(1)} ms, per person ${perPerson.toFixed(1)} ms (CPU, median of ${runs})`,
  );
}
