/**
 * Renders a span of document text with marks that may overlap: the passage a reader came for
 * (outermost), quotes, and matched words (innermost). Each kind is one level of nesting, and a mark
 * is one element clipped to its container, so overlapping ranges never produce mis-nested HTML and
 * an anchored mark (`id="at"`, `id="q-…"`) holds its whole text. Text is always a JSX child, so
 * hono/jsx escapes it.
 */
import type { Child } from 'hono/jsx';

/** A range of the text to mark; offsets are in the same coordinates as `start`/`end`. */
export interface TextMark {
  start: number;
  end: number;
  kind: 'target' | 'quote' | 'hit';
  /** Set only where the mark begins: element ids must be unique on the page. */
  id?: string;
  title?: string;
}

/** Outermost first. */
const LEVELS: TextMark['kind'][] = ['target', 'quote', 'hit'];

function element(mark: TextMark, starts: boolean, children: Child): Child {
  const id = starts ? mark.id : undefined;
  if (mark.kind === 'target') {
    return (
      <span class="target" id={id} tabindex={id ? -1 : undefined}>
        {children}
      </span>
    );
  }
  if (mark.kind === 'quote') {
    return (
      <mark class="quote" id={id} title={mark.title}>
        {children}
      </mark>
    );
  }
  return <mark class="hit">{children}</mark>;
}

function render(text: string, start: number, end: number, marks: TextMark[], level: number): Child[] {
  if (level === LEVELS.length) return start < end ? [text.slice(start, end)] : [];
  const own = marks
    .filter((m) => m.kind === LEVELS[level] && m.end > start && m.start < end && m.end > m.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const pieces: Child[] = [];
  let cursor = start;
  for (const mark of own) {
    // Marks of one kind should not overlap; if they do, the earlier one wins the shared words.
    const from = Math.max(cursor, mark.start);
    const to = Math.min(end, mark.end);
    if (to <= from) continue;
    pieces.push(...render(text, cursor, from, marks, level + 1));
    pieces.push(element(mark, from === mark.start, render(text, from, to, marks, level + 1)));
    cursor = to;
  }
  pieces.push(...render(text, cursor, end, marks, level + 1));
  return pieces;
}

/**
 * @example
 * ```tsx
 * <MarkedText text={document.text} start={p.start} end={p.end} marks={[{ start: 10, end: 20, kind: 'hit' }]} />
 * ```
 */
export function MarkedText(props: { text: string; start: number; end: number; marks: TextMark[] }) {
  return <>{render(props.text, props.start, props.end, props.marks, 0)}</>;
}
