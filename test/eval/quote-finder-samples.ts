/**
 * The questions of the quote finder eval, drawn from the archived documents themselves (so offsets
 * are in the stored text): sentences inside quote marks, and sentences of narration (no quote
 * marks at all), each of at least {@link MIN_WORDS} words.
 */
import type { ArchivedDocument } from '../../functions/core/document.ts';
import { tokenize } from '../../functions/core/text/tokenize.ts';
import type { Random } from './quote-finder-variants.ts';

/** A sentence of a document the eval asks for. */
export interface Sample {
  documentId: string;
  text: string;
  start: number;
  end: number;
}

export const MIN_WORDS = 6;
const MAX_WORDS = 60;
const QUOTED = /"([^"\n]+)"|“([^”\n]+)”/g;
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

function sentencesIn(text: string, start: number, end: number): Sample[] {
  const out: Sample[] = [];
  for (const { segment, index } of segmenter.segment(text.slice(start, end))) {
    const lead = segment.length - segment.trimStart().length;
    const s = start + index + lead;
    const e = start + index + segment.trimEnd().length;
    const words = tokenize(text.slice(s, e)).length;
    if (e > s && words >= MIN_WORDS && words <= MAX_WORDS)
      out.push({ documentId: '', text: text.slice(s, e), start: s, end: e });
  }
  return out;
}

/** Sentences inside quote marks, and narration sentences (paragraph sentences with no quote mark). */
export function candidateSentences(document: ArchivedDocument): { quoted: Sample[]; narration: Sample[] } {
  const quoted: Sample[] = [];
  for (const m of document.text.matchAll(QUOTED)) {
    const start = m.index + 1;
    quoted.push(...sentencesIn(document.text, start, start + (m[1] ?? m[2]).length));
  }
  const narration: Sample[] = [];
  for (const p of document.paragraphs) {
    for (const s of sentencesIn(document.text, p.start, p.end)) if (!/["“”]/.test(s.text)) narration.push(s);
  }
  const tag = (list: Sample[]) => list.map((s) => ({ ...s, documentId: document.id }));
  return { quoted: tag(quoted), narration: tag(narration) };
}

/** Shuffles in place (Fisher–Yates) with the seeded generator. */
export function shuffle<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/**
 * A spread-out sample: documents in seeded order, one sentence from each per round, so `count`
 * samples come from as many different documents as possible.
 */
export function sampleSentences(perDocument: Sample[][], count: number, random: Random): Sample[] {
  const pools = shuffle(
    perDocument.filter((p) => p.length > 0).map((p) => shuffle([...p], random)),
    random,
  );
  const out: Sample[] = [];
  for (let round = 0; out.length < count; round++) {
    let added = false;
    for (const pool of pools) {
      if (round < pool.length && out.length < count) {
        out.push(pool[round]);
        added = true;
      }
    }
    if (!added) break;
  }
  return out;
}
