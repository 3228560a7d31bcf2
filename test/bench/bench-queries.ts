/**
 * The benchmark's fixed query set, built at run time from the corpus itself (so no corpus text is
 * ever committed) and deterministically (a seeded PRNG), so every run and every machine searches
 * for exactly the same 200 queries.
 *
 * Recipe (seed {@link QUERY_SEED}; articles in file order, Wikinews then BBC, after `--limit`):
 * - 100 keyword queries: pick an article uniformly; take words from its title (half the time) or
 *   its text; keep words of 4+ letters that are not stop words; use 1–3 distinct ones, lower-cased.
 * - 50 phrases: pick an article, 3–5 consecutive words of its text (at least one not a stop word,
 *   no quote marks or line breaks inside), searched in double quotes exactly as written.
 * - 50 quoted sentences: pick an article with quotations ("…" or “…”), take one whole sentence of
 *   5–40 words from inside the quote marks, and search it as a phrase.
 * Duplicate queries are redrawn. Every query remembers its source article so recall can be checked.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * Both corpora's articles, Wikinews then BBC, from `corpus` (default `$VERBATIM_CORPUS`, else
 * `../shared/corpus` beside the working directory), as the focused benches read them.
 */
export async function readCorpora(
  corpus = process.env.VERBATIM_CORPUS ?? resolve(process.cwd(), '../shared/corpus'),
): Promise<CorpusArticle[]> {
  const files = ['wikinews-2019-2020/articles.jsonl', 'bbc-news/articles.jsonl'];
  return (await Promise.all(files.map((file) => readCorpus(join(corpus, file))))).flat();
}

/** The seed of the query PRNG: change it and every figure changes meaning, so don't. */
export const QUERY_SEED = 0x5eed_2025;

/** One article of a corpus file, addressed by file and position (blank lines skipped). */
export interface CorpusArticle {
  corpus: string;
  ordinal: number;
  title: string;
  text: string;
}

export type QueryKind = 'keyword' | 'phrase' | 'sentence';

/** A benchmark query and the article it was drawn from. */
export interface BenchQuery {
  kind: QueryKind;
  q: string;
  source: { corpus: string; ordinal: number };
}

/** How many queries of each kind the set holds. */
export const QUERY_MIX: Record<QueryKind, number> = { keyword: 100, phrase: 50, sentence: 50 };

// Common English words and newsroom filler: a keyword query of these alone would match everything.
const STOP_WORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being ' +
    'below between both but by can could did do does doing down during each few for from further had has ' +
    'have having he her here hers him his how i if in into is it its itself just me more most my no nor ' +
    'not now of off on once only or other our ours out over own same she should since so some such than ' +
    'that the their theirs them then there these they this those through to too under until up very was ' +
    'we were what when where which while who whom why will with would you your said says told year years ' +
    'mr mrs ms new one two three last first'
  )
    .trim()
    .split(/\s+/),
);
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/**
 * Reads one corpus JSONL file, in file order, keeping at most `limit` articles. Positions count
 * non-blank lines, exactly as the import reader does, so they identify the same items.
 */
export async function readCorpus(path: string, limit = Infinity): Promise<CorpusArticle[]> {
  const corpus = basename(dirname(path));
  const lines = (await readFile(path, 'utf8')).split('\n').filter((line) => line.trim() !== '');
  return lines.slice(0, limit).map((line, ordinal) => {
    const record = JSON.parse(line) as { title?: string; text?: string };
    return { corpus, ordinal, title: record.title ?? '', text: record.text ?? '' };
  });
}

/** mulberry32: tiny, fast and good enough to pick words; the same seed gives the same queries. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = (text: string) =>
  [...text.matchAll(WORD)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
const isContent = (word: string) => /^\p{L}{4,}$/u.test(word) && !STOP_WORDS.has(word.toLowerCase());

function keywordQuery(article: CorpusArticle, random: () => number): string | null {
  const source = random() < 0.5 ? article.title : article.text;
  const candidates = [
    ...new Set(
      words(source)
        .map((w) => w.word.toLowerCase())
        .filter(isContent),
    ),
  ];
  if (candidates.length === 0) return null;
  const count = Math.min(candidates.length, 1 + Math.floor(random() * 3));
  const chosen: string[] = [];
  while (chosen.length < count) {
    const word = candidates[Math.floor(random() * candidates.length)];
    if (!chosen.includes(word)) chosen.push(word);
  }
  return chosen.join(' ');
}

function phraseQuery(article: CorpusArticle, random: () => number): string | null {
  const tokens = words(article.text);
  const length = 3 + Math.floor(random() * 3);
  if (tokens.length < length) return null;
  const first = Math.floor(random() * (tokens.length - length + 1));
  const span = tokens.slice(first, first + length);
  const phrase = article.text.slice(span[0].start, span[span.length - 1].end);
  // Quote marks would end the phrase early in the query parser; a line break crosses paragraphs.
  if (/["“”\n]/.test(phrase) || !span.some((t) => isContent(t.word))) return null;
  return `"${phrase}"`;
}

function sentenceQuery(article: CorpusArticle, random: () => number): string | null {
  const quoted = [...article.text.matchAll(/"([^"\n]{15,1000})"|“([^“”\n]{15,1000})”/g)].map((m) => m[1] ?? m[2]);
  const sentences = quoted
    .flatMap((inside) => inside.split(/(?<=[.!?])\s+(?=[\p{Lu}\d])/u))
    .map((s) => s.trim())
    .filter((s) => !/["“”‘]/.test(s) && words(s).length >= 5 && words(s).length <= 40);
  if (sentences.length === 0) return null;
  return `"${sentences[Math.floor(random() * sentences.length)]}"`;
}

const BUILDERS: Record<QueryKind, (article: CorpusArticle, random: () => number) => string | null> = {
  keyword: keywordQuery,
  phrase: phraseQuery,
  sentence: sentenceQuery,
};

/**
 * @example
 * ```ts
 * const queries = buildQueries([...wikinews, ...bbc]); // 200 queries, the same every time
 * ```
 */
export function buildQueries(articles: CorpusArticle[], seed = QUERY_SEED): BenchQuery[] {
  const random = seededRandom(seed);
  const usable = articles.filter((a) => a.text.trim() !== '');
  if (usable.length === 0) throw new Error('The corpus has no articles with text to build queries from.');
  const queries: BenchQuery[] = [];
  const seen = new Set<string>();
  for (const kind of Object.keys(QUERY_MIX) as QueryKind[]) {
    let made = 0;
    // Bounded, so a tiny --limit corpus without quotations yields fewer queries instead of hanging.
    for (let attempt = 0; made < QUERY_MIX[kind] && attempt < QUERY_MIX[kind] * 200; attempt++) {
      const article = usable[Math.floor(random() * usable.length)];
      const q = BUILDERS[kind](article, random);
      if (q === null || seen.has(q)) continue;
      seen.add(q);
      queries.push({ kind, q, source: { corpus: article.corpus, ordinal: article.ordinal } });
      made++;
    }
  }
  return queries;
}
