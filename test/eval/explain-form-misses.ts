/**
 * `node --import tsx test/eval/explain-form-misses.ts [-- --seeds 1,2,3,4] [--limit 40] [--keywords] [--porter-finds]`
 *
 * Why the word-forms eval misses what it misses, for tuning ranking on seeds other than the fixed
 * one: recall@10 per seed beside FTS5 `porter` on the same documents, then each missed query with
 * the rank its article got (and FTS5's), and for it and the three documents ranked first, per query
 * word and field (title, text): the field's length, the count of the word as typed with its document
 * frequency, and the counts of its other forms. `--keywords` does the same for the fixed keyword
 * queries; `--porter-finds` lists only the misses FTS5 `porter` finds in its top 10. Prints text;
 * nothing is written.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseQuery, SearchIndex, toIndexQuery } from '../../functions/core/search/index.ts';
import { FIELD_COUNT, FIELDS, wordOf, type Segment } from '../../functions/core/search/segment.ts';
import { exactKeys, formKeys } from '../../functions/core/search/word-form-keys.ts';
import { formsOf } from '../../functions/core/search/word-stems.ts';
import { tokenize } from '../../functions/core/text/tokenize.ts';
import { buildFts5, Fts5Searcher, FTS5_PORTER_TOKENIZER } from '../bench/fts5-baseline.ts';
import { buildShards, keywordQueriesOf, loadFormEvalCorpus } from './form-eval-corpus.ts';
import { buildFormQueries } from './word-form-queries.ts';

const { values } = parseArgs({
  options: {
    seeds: { type: 'string' },
    limit: { type: 'string' },
    keywords: { type: 'boolean' },
    'porter-finds': { type: 'boolean' },
  },
});
const seeds = (values.seeds ?? '1,2,3,4').split(',').map(Number);
const limit = Number(values.limit ?? 40);
/** Ranks looked at for a missed article, so a miss far down the list still gets its rank. */
const DEPTH = 500;

/** For one document: per query word, per field, what it has of the word and its forms. */
function evidence(segments: Segment[], words: string[], id: string): string {
  const s = segments.findIndex((segment) => segment.has(id));
  const segment = segments[s];
  const document = segment.documentNumber(id);
  const countIn = (term: number) => {
    if (term < 0) return 0;
    const { documents, counts } = segment.postings(term)!;
    const at = documents.indexOf(document);
    return at < 0 ? 0 : counts[at];
  };
  return words
    .map((word) => {
      const exact = exactKeys(segments, word);
      const forms = formKeys(segments, formsOf(word));
      const fields = ['title', 'text'].map((name) => {
        const f = FIELDS.indexOf(name as (typeof FIELDS)[number]);
        const others = [...forms[f]]
          .map(([key, located]) => `${wordOf(key)}:${countIn(located.terms[s])}`)
          .filter((entry) => !entry.endsWith(':0'));
        const typed = `${word}:${countIn(exact[f]?.terms[s] ?? -1)}/df ${exact[f]?.frequency ?? 0}`;
        return `${name} (${segment.fieldLengths[document * FIELD_COUNT + f]} words) ${typed} ${others.join(' ')}`;
      });
      return `    [${word}] ${fields.join(' | ')}`;
    })
    .join('\n');
}

async function main(): Promise<void> {
  const corpus = await loadFormEvalCorpus(resolve(process.cwd(), '../shared/corpus'));
  const titleOf = new Map(corpus.documents.map((d) => [d.id, d.title]));
  const segments = buildShards(corpus.documents);
  const index = new SearchIndex(segments.map((segment, n) => ({ key: `explain-${n}`, segment })));
  const scratch = await mkdtemp(join(tmpdir(), 'verbatim-misses-'));
  try {
    buildFts5(join(scratch, 'porter.db'), corpus.documents, FTS5_PORTER_TOKENIZER);
    const porter = Fts5Searcher.open(join(scratch, 'porter.db'));
    const ranked = async (q: string, k: number) => {
      const hits = await index.search(toIndexQuery(parseQuery(q)));
      return hits.top(k).map((hit) => ({ id: hits.document(hit).id, score: hits.score(hit) }));
    };
    const sets = seeds.map((seed) => ({
      name: `seed ${seed}`,
      queries: buildFormQueries(corpus.articles, 400, seed).map((f) => ({ q: f.q, id: corpus.ids[f.source] })),
    }));
    if (values.keywords) sets.push({ name: 'keywords', queries: keywordQueriesOf(corpus) });
    const misses: Array<{ set: string; q: string; id: string }> = [];
    for (const { name, queries } of sets) {
      let found = 0;
      let porterFound = 0;
      for (const { q, id } of queries) {
        const porterHit = porter.search(q, 10).ids.includes(id);
        if ((await ranked(q, 10)).some((hit) => hit.id === id)) found++;
        else if (porterHit || !values['porter-finds']) misses.push({ set: name, q, id });
        if (porterHit) porterFound++;
      }
      const recall = (n: number) => (n / queries.length).toFixed(4);
      console.log(`${name}: recall@10 Verbatim ${recall(found)}, FTS5 porter ${recall(porterFound)}`);
    }
    for (const { set, q, id } of misses.slice(0, limit)) {
      const top = await ranked(q, DEPTH);
      const rank = top.findIndex((hit) => hit.id === id) + 1;
      const porterRank = porter.search(q, DEPTH).ids.indexOf(id) + 1;
      const words = tokenize(q).map((token) => token.folded);
      console.log(`\n${set} "${q}": rank ${rank || `> ${DEPTH}`}, FTS5 porter ${porterRank || `> ${DEPTH}`}`);
      console.log(
        `  target "${titleOf.get(id)}" ${top[rank - 1]?.score.toFixed(2) ?? ''}\n${evidence(segments, words, id)}`,
      );
      for (const hit of top.slice(0, 3))
        console.log(`  above "${titleOf.get(hit.id)}" ${hit.score.toFixed(2)}\n${evidence(segments, words, hit.id)}`);
    }
    porter.close();
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`Explaining misses failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
    process.exit(1);
  },
);
