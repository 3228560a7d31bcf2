/**
 * Copy detection, measured (`node --openssl-legacy-provider --import tsx test/bench/bench-copies.ts`):
 *
 * 1. ingest rate with copy detection against the same ingest without it, alternating runs on
 *    fresh archives, through the real import path (`--runs N`, `--limit N` per corpus file);
 * 2. near-duplicate groups in the Wikinews + BBC corpora (exact duplicates left out), with a
 *    seeded sample of pairs to read;
 * 3. recall on synthetic copies (headline changed, a paragraph dropped, a sentence reworded, the
 *    format changed to HTML) at similarity ≥ 0.8, and false copies among 1,000 random pairs, using
 *    the same band keys and the same rule as ingest.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importDocuments } from '../../functions/app/import-documents.ts';
import { ingestDocument, prepareDocument, readSourceText } from '../../functions/app/ingest-document.ts';
import { judgeCopy } from '../../functions/core/copies/judge-copy.ts';
import { bandKeys, jaccard, minHashSignature, shingleSet } from '../../functions/core/copies/min-hash.ts';
import { mergeBandIds } from '../../functions/core/copies/link-store.ts';
import { startLocalArchive } from '../../functions/local/start-local-archive.ts';
import { readImportItems } from '../../functions/local/read-import-items.ts';
import { seededRandom } from './bench-queries.ts';
import { freshArchiveEnv } from './fresh-archive-env.ts';

const argument = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const corpus = process.env.VERBATIM_CORPUS ?? '../shared/corpus';
const paths = [`${corpus}/wikinews-2019-2020/articles.jsonl`, `${corpus}/bbc-news/articles.jsonl`];
const limit = argument('limit', Infinity);
const runs = argument('runs', 2);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function* items() {
  for (const path of paths) {
    let n = 0;
    for await (const item of readImportItems([path])) {
      if (n++ >= limit) break;
      yield item;
    }
  }
}

/** Articles per second through the import path into a fresh archive, with or without copy detection. */
async function ingestRate(withCopies: boolean): Promise<number> {
  const dataDir = await mkdtemp(join(tmpdir(), 'verbatim-copies-'));
  const env = freshArchiveEnv(dataDir);
  const local = await startLocalArchive(env, { persistent: true });
  try {
    const archive = withCopies ? local.archive : { ...local.archive, links: undefined };
    const summary = await importDocuments(items(), (request) => ingestDocument(archive, request), { concurrency: 8 });
    return (summary.added + summary.duplicates) / summary.seconds;
  } finally {
    await local.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

interface Doc {
  id: string;
  title: string;
  text: string;
  shingles: Set<number>;
  keys: string[];
}

function describeDoc(title: string, text: string, id = '0000'): Doc {
  const shingles = shingleSet(text);
  return { id, title, text, shingles, keys: bandKeys(minHashSignature(shingles)) };
}

/** Whether ingest would link `a` to `b`: a shared band key, then the rule. */
const detected = (a: Doc, b: Doc) =>
  a.keys.some((key) => b.keys.includes(key)) && judgeCopy(a.shingles, b.shingles).copy;

async function corpusDocs(): Promise<Doc[]> {
  const seen = new Set<string>();
  const docs: Doc[] = [];
  for await (const item of items()) {
    if (!('request' in item)) continue;
    const document = await prepareDocument(item.request, new Date()).catch(() => null);
    if (!document || seen.has(document.sha256)) continue; // exact duplicates: caught by the hash already
    seen.add(document.sha256);
    docs.push(describeDoc(document.title, document.text, document.id));
  }
  return docs;
}

function nearDuplicateGroups(docs: Doc[]) {
  // As the DynamoDB band items: each key keeps its latest few documents.
  const bands = new Map<string, string[]>();
  const indexOf = new Map(docs.map((doc, i) => [doc.id, i]));
  const parent = docs.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const pairs: Array<[number, number, number]> = [];
  docs.forEach((doc, i) => {
    const candidates = new Set<number>();
    for (const key of doc.keys) {
      const held = bands.get(key) ?? [];
      for (const id of held) candidates.add(indexOf.get(id)!);
      bands.set(key, mergeBandIds(held, [doc.id]));
    }
    for (const j of candidates) {
      const verdict = judgeCopy(doc.shingles, docs[j].shingles);
      if (!verdict.copy) continue;
      pairs.push([j, i, verdict.similarity]);
      parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, number[]>();
  docs.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]));
  return { pairs, groups: [...groups.values()].filter((g) => g.length > 1) };
}

function syntheticCopies(
  docs: Doc[],
  random: () => number,
): Promise<Array<{ kind: string; original: Doc; copy: Doc }>> {
  const eligible = docs.filter((d) => d.text.split('\n\n').length >= 4);
  const picked = Array.from(
    { length: Math.min(300, eligible.length) },
    () => eligible[Math.floor(random() * eligible.length)],
  );
  const rewrite = (p: string) =>
    p.replace(
      /\b(said|says|told|the|a|was|is|has|have)\b/g,
      (w) =>
        ({
          said: 'stated',
          says: 'states',
          told: 'informed',
          the: 'this',
          a: 'one',
          was: 'had been',
          is: 'remains',
          has: 'had',
          have: 'had',
        })[w] ?? w,
    );
  return Promise.all(
    picked.flatMap((original) => {
      const paragraphs = original.text.split('\n\n');
      const drop = 1 + Math.floor(random() * (paragraphs.length - 1));
      const reword = 1 + Math.floor(random() * (paragraphs.length - 1));
      const html = `<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>${paragraphs[0]}</h1>${paragraphs
        .slice(1)
        .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
        .join('')}</article><footer>© Syndicate</footer></body></html>`;
      return [
        Promise.resolve({
          kind: 'headline changed',
          original,
          copy: describeDoc(
            '',
            [`Update: ${paragraphs[0].split(' ').reverse().join(' ')}`, ...paragraphs.slice(1)].join('\n\n'),
          ),
        }),
        Promise.resolve({
          kind: 'paragraph dropped',
          original,
          copy: describeDoc('', paragraphs.filter((_, i) => i !== drop).join('\n\n')),
        }),
        Promise.resolve({
          kind: 'sentence reworded',
          original,
          copy: describeDoc('', paragraphs.map((p, i) => (i === reword ? rewrite(p) : p)).join('\n\n')),
        }),
        readSourceText({ bytes: new TextEncoder().encode(html), contentType: 'text/html' }).then(({ text }) => ({
          kind: 'format changed (HTML)',
          original,
          copy: describeDoc('', text),
        })),
      ];
    }),
  );
}

async function main() {
  const rates = { without: [] as number[], with: [] as number[] };
  for (let run = 0; run < runs; run++) {
    rates.without.push(await ingestRate(false));
    rates.with.push(await ingestRate(true));
  }
  console.log(
    `ingest, articles/s over ${runs} alternating runs: without copies ${rates.without.map((r) => r.toFixed(1)).join(', ')}; with ${rates.with.map((r) => r.toFixed(1)).join(', ')}`,
  );
  console.log(`  median ratio with/without: ${(median(rates.with) / median(rates.without)).toFixed(3)}`);

  const docs = await corpusDocs();
  const { pairs, groups } = nearDuplicateGroups(docs);
  console.log(
    `corpus: ${docs.length} distinct texts; ${pairs.length} copy pairs in ${groups.length} near-duplicate groups (sizes ${groups
      .map((g) => g.length)
      .sort((a, b) => b - a)
      .join(', ')})`,
  );
  const random = seededRandom(0xc0_71e5);
  const sample = [...pairs].sort(() => random() - 0.5).slice(0, 30);
  for (const [a, b, similarity] of sample)
    console.log(`  ${similarity.toFixed(3)}  ${docs[a].title.slice(0, 70)}  |  ${docs[b].title.slice(0, 70)}`);

  const synthetic = await syntheticCopies(docs, random);
  const byKind = new Map<string, { eligible: number; found: number }>();
  for (const { kind, original, copy } of synthetic) {
    if (jaccard(original.shingles, copy.shingles) < 0.8) continue;
    const entry = byKind.get(kind) ?? { eligible: 0, found: 0 };
    entry.eligible++;
    if (detected(copy, original)) entry.found++;
    byKind.set(kind, entry);
  }
  let eligible = 0;
  let found = 0;
  for (const [kind, entry] of byKind) {
    console.log(`  synthetic ${kind}: ${entry.found}/${entry.eligible} found at similarity ≥ 0.8`);
    eligible += entry.eligible;
    found += entry.found;
  }
  console.log(
    `synthetic copies: recall ${(found / eligible).toFixed(4)} (${found}/${eligible}; ${synthetic.length} made)`,
  );

  const grouped = new Set(groups.flat());
  let falseCopies = 0;
  for (let n = 0; n < 1000; n++) {
    const a = Math.floor(random() * docs.length);
    const b = Math.floor(random() * docs.length);
    if (a === b || (grouped.has(a) && grouped.has(b))) continue;
    if (detected(docs[a], docs[b])) falseCopies++;
  }
  console.log(`random pairs: ${falseCopies} of 1,000 judged copies`);
}

await main();
