/**
 * How quotes get misremembered, one generator per kind, seeded so every run asks the same
 * questions. Each takes the original sentence and returns the claim, or null when the sentence
 * offers no place for that change (the sample then uses the next sentence).
 */

/** A seeded pseudo-random generator (mulberry32): numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
export type Variant = (sentence: string, random: Random) => string | null;

const pick = <T>(items: T[], random: Random): T => items[Math.floor(random() * items.length)];
const words = (s: string) => s.split(/\s+/).filter(Boolean);
const isWord = (w: string) => /^[\p{L}’']+$/u.test(w);
/** Positions `k` distinct indices in [0, n), in order. */
function positions(n: number, k: number, random: Random): number[] {
  const all = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all.slice(0, k).sort((a, b) => a - b);
}
const share = (n: number) => Math.max(1, Math.round(n * 0.15));

const FILLERS = ['really', 'very', 'just', 'actually', 'all', 'also', 'truly', 'certainly', 'simply', 'now'];
const FORMS: Record<string, string> = {
  said: 'says',
  says: 'said',
  say: 'said',
  is: 'was',
  was: 'is',
  are: 'were',
  were: 'are',
  has: 'had',
  have: 'had',
  had: 'has',
  will: 'would',
  would: 'will',
  can: 'could',
  could: 'can',
  do: 'did',
  does: 'did',
  did: 'does',
};
const CLAUSE_WORDS = new Set(['and', 'but', 'because', 'while', 'so', 'which', 'when', 'if']);

/** The kinds of change, as the eval reports them. `exact` and `narration` are asked as they are. */
export const VARIANTS: Record<string, Variant> = {
  exact: (s) => s,
  /** Drops ~15% of the words (at least one). */
  drop: (s, random) => {
    const w = words(s);
    const gone = new Set(positions(w.length, share(w.length), random));
    return w.filter((_, i) => !gone.has(i)).join(' ');
  },
  /** Adds ~15% filler words (at least one). */
  add: (s, random) => {
    const w = words(s);
    for (const at of positions(w.length + 1, share(w.length), random).reverse()) w.splice(at, 0, pick(FILLERS, random));
    return w.join(' ');
  },
  /** Swaps two adjacent words. */
  swap: (s, random) => {
    const w = words(s);
    const places = w
      .slice(0, -1)
      .map((_, i) => i)
      .filter((i) => isWord(w[i]) && isWord(w[i + 1]) && w[i].toLowerCase() !== w[i + 1].toLowerCase());
    if (places.length === 0) return null;
    const i = pick(places, random);
    [w[i], w[i + 1]] = [w[i + 1], w[i]];
    return w.join(' ');
  },
  /** Puts the second clause first: split at a comma or a conjunction in the middle, else in the middle. */
  reorder: (s) => {
    const w = words(s);
    const lo = Math.ceil(w.length * 0.25);
    const hi = Math.floor(w.length * 0.75);
    let at = -1;
    for (let i = lo; i <= hi && at < 0; i++)
      if (/[,;:]$/.test(w[i - 1]) || CLAUSE_WORDS.has(w[i].toLowerCase())) at = i;
    if (at < 0) at = Math.floor(w.length / 2);
    const first = w
      .slice(0, at)
      .join(' ')
      .replace(/[,;:.]+$/, '');
    const second = w
      .slice(at)
      .join(' ')
      .replace(/[,;:.!?]+$/, '');
    return `${second[0].toUpperCase()}${second.slice(1)}, ${first[0].toLowerCase()}${first.slice(1)}.`;
  },
  /** Changes one word's form: a verb's tense or person, or a noun's number. */
  form: (s, random) => {
    const w = words(s);
    const verbs = w.map((x, i) => i).filter((i) => FORMS[w[i].toLowerCase()]);
    const nouns = w
      .map((x, i) => i)
      .filter((i) => /^[a-z]{4,}$/.test(w[i]) && !w[i].endsWith('ss') && !w[i].endsWith('ing'));
    if (verbs.length + nouns.length === 0) return null;
    const i = pick([...verbs, ...nouns], random);
    const bare = w[i].toLowerCase();
    w[i] = FORMS[bare] ?? (bare.endsWith('s') ? w[i].slice(0, -1) : `${w[i]}s`);
    return w.join(' ');
  },
  /** Other punctuation, quote marks or case. */
  punct: (s, random) => {
    const style = Math.floor(random() * 3);
    if (style === 0) return s.toLowerCase().replace(/[^\p{L}\p{N}\s'’-]/gu, '');
    if (style === 1) return `“${s.replace(/'/g, '’').replace(/[.,;:!?]+$/, '')}!”`;
    const flipped = s[0] === s[0].toUpperCase() ? s[0].toLowerCase() : s[0].toUpperCase();
    return `"${flipped}${s
      .slice(1)
      .replace(/,/g, ' -')
      .replace(/[.,;:!?]+$/, '')}..."`;
  },
  /** A contiguous 60% piece. */
  fragment: (s, random) => {
    const w = words(s);
    const k = Math.ceil(w.length * 0.6);
    const at = Math.floor(random() * (w.length - k + 1));
    return w.slice(at, at + k).join(' ');
  },
  narration: (s) => s,
};
