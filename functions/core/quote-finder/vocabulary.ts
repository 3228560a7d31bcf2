/**
 * Interns word forms and keys as small integers, so aligning a claim against thousands of
 * document words compares numbers, and per-document arrays can be compact typed arrays.
 */
import { keyWeight, wordForm, wordKey } from '../text/word-keys.ts';

/** Ids of one word: its exact folded form and its key (lemma or stem). */
export interface WordIds {
  form: number;
  key: number;
}

/**
 * One per process (or per cache): ids are only comparable within the same vocabulary.
 *
 * @example
 * ```ts
 * const vocabulary = new Vocabulary();
 * vocabulary.word('Said').key === vocabulary.word('says').key; // true
 * ```
 */
export class Vocabulary {
  private readonly forms = new Map<string, WordIds>();
  /** Words as written, to skip folding the same spelling again (most words of a text repeat). */
  private readonly surfaces = new Map<string, WordIds>();
  private readonly keys = new Map<string, number>();
  /** Weight by key id; a key is a function word if its first form was. */
  private readonly weights: number[] = [];

  /** Ids for a word as written (folded here). */
  word(surface: string): WordIds {
    const known = this.surfaces.get(surface);
    if (known) return known;
    const form = wordForm(surface);
    let ids = this.forms.get(form);
    if (!ids) {
      const keyText = wordKey(form);
      let key = this.keys.get(keyText);
      if (key === undefined) {
        key = this.keys.size;
        this.keys.set(keyText, key);
        this.weights[key] = keyWeight(form);
      }
      ids = { form: this.forms.size, key };
      this.forms.set(form, ids);
    }
    this.surfaces.set(surface, ids);
    return ids;
  }

  /**
   * Ids for a word of a query, without interning it: a word no document has gets a negative id,
   * unique within `scratch` (one per query), so queries cannot grow the vocabulary.
   */
  lookup(surface: string, scratch: Map<string, number>): WordIds & { weight: number } {
    const known = this.surfaces.get(surface) ?? this.forms.get(wordForm(surface));
    if (known) return { ...known, weight: this.weight(known.key) };
    const form = wordForm(surface);
    const keyText = wordKey(form);
    const temporary = (name: string) => {
      let id = scratch.get(name);
      if (id === undefined) scratch.set(name, (id = -1 - scratch.size));
      return id;
    };
    return {
      form: temporary(`form:${form}`),
      key: this.keys.get(keyText) ?? temporary(`key:${keyText}`),
      weight: keyWeight(form),
    };
  }

  /** Ranking weight of a key id. */
  weight(key: number): number {
    return this.weights[key] ?? 1;
  }

  /** Number of distinct forms interned so far. */
  get size(): number {
    return this.forms.size;
  }
}
