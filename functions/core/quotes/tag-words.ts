import { createRequire } from 'node:module';

/**
 * One word of a phrase with its universal part-of-speech tag (`NOUN`, `PROPN`, `VERB`, `ADP`,
 * `CCONJ`…) and where it starts in the phrase.
 */
export interface TaggedWord {
  text: string;
  pos: string;
  start: number;
}

interface WinkDoc {
  tokens(): { out(what: unknown): string[] };
}
interface Wink {
  readDoc(text: string): WinkDoc;
  its: { value: unknown; pos: unknown };
}

// wink-nlp and its English model are loaded on first use, with a plain require that the bundler
// leaves alone: the model is 3.6 MB of JavaScript, and parsing it at start would add ~45 ms to every
// cold start, search included, though only ingest needs it (measured in test/bench/measure-tagger.ts).
const nodeRequire = createRequire(import.meta.url);

/** The packages loaded lazily here; the Lambda bundle ships them beside itself (infra/constructs/api.ts). */
export const LAZY_MODULES = ['wink-nlp', 'wink-eng-lite-web-model'] as const;
let wink: Wink | null = null;

function load(): Wink {
  if (!wink) {
    const [nlpPackage, modelPackage] = LAZY_MODULES;
    const winkNLP = nodeRequire(nlpPackage) as (model: unknown) => Wink;
    wink = winkNLP(nodeRequire(modelPackage));
  }
  return wink;
}

/** Distinct phrases whose tags are remembered; cleared when full so memory stays bounded. */
const MAX_CACHED_PHRASES = 20_000;
/** Longer phrases are not tagged: a speaker phrase is a few words, and tagging cost grows with length. */
export const MAX_TAGGED_CHARS = 200;
const cache = new Map<string, TaggedWord[]>();

/**
 * Part-of-speech tags for a short phrase (a speaker mention), from wink-nlp's English model.
 * Results are cached per phrase, since the same speakers recur across an archive.
 *
 * @example
 * ```ts
 * tagWords('But he').map((w) => w.pos); // ['CCONJ', 'PRON']
 * ```
 */
export function tagWords(phrase: string): TaggedWord[] {
  const hit = cache.get(phrase);
  if (hit) return hit;
  if (phrase.length > MAX_TAGGED_CHARS) return [];
  const nlp = load();
  const doc = nlp.readDoc(phrase);
  const texts = doc.tokens().out(nlp.its.value);
  const tags = doc.tokens().out(nlp.its.pos);
  const words: TaggedWord[] = [];
  let at = 0;
  for (let i = 0; i < texts.length; i++) {
    const found = phrase.indexOf(texts[i], at);
    const start = found >= 0 ? found : at;
    words.push({ text: texts[i], pos: tags[i], start });
    at = start + texts[i].length;
  }
  if (cache.size >= MAX_CACHED_PHRASES) cache.clear();
  cache.set(phrase, words);
  return words;
}
