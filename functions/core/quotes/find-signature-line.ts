import type { Attribution } from './find-attribution.ts';
import type { QuoteSpan } from './quote-span.ts';

/**
 * A source line after a quote is at most this many characters ("- Michelle Marks, Philadelphia."):
 * longer, it is a paragraph of narration that happens to open with a dash.
 */
const MAX_SIGNATURE_CHARS = 90;

// "- Bernie Sanders." / "— President Obama, tweeting after the speech.": a dash, a name of up to
// four capitalised words, and optionally a comma and a short description.
const SIGNATURE = /^[-–—―]\s*(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})(?:,[^\n]*)?\.?\s*$/u;

/**
 * For a quote that fills its line, the source line under it: fact-checks and collections of
 * quotes set the speaker on a line of their own, after a dash ("“…”⏎⏎- Bernie Sanders.").
 *
 * @example
 * ```ts
 * const text = '“Almost all new income goes to the top.”\n\n- Ana Ruiz.';
 * findSignatureLine(text, spans[0])?.mention; // 'Ana Ruiz'
 * ```
 */
export function findSignatureLine(text: string, span: QuoteSpan): Attribution | null {
  if (!/^[\s.,”"’]*$/.test(text.slice(span.end, span.lineEnd))) return null;
  if (!/^[\s“"‘]*$/.test(text.slice(span.lineStart, span.start))) return null;
  let p = span.lineEnd;
  while (p < text.length && /\s/.test(text[p])) p++;
  const lineEnd = text.indexOf('\n', p);
  const line = text.slice(p, lineEnd < 0 ? text.length : lineEnd);
  if (line.length > MAX_SIGNATURE_CHARS) return null;
  const m = SIGNATURE.exec(line);
  if (!m) return null;
  // The full stop closing the line is not part of the name, unless it ends an initial ("Jo A.").
  const name = /\p{L}{2}\.$/u.test(m[1]) ? m[1].slice(0, -1) : m[1];
  const mentionStart = p + line.indexOf(name);
  return { mention: name, mentionStart, mentionEnd: mentionStart + name.length, verb: null, side: 'after' };
}
