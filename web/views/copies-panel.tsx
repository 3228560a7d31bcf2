/**
 * The document page's copy group: the other copies of this article with what tells them apart
 * (format, publisher, date and its source, similarity), earliest first, each with a link to what
 * changed between it and this copy; and that comparison, sentence by sentence with the changed
 * words marked.
 */
import type { LinkedDocument } from '../../functions/app/list-copies.ts';
import type { CopyDiff } from '../../functions/core/copies/diff-copies.ts';
import { formatDate } from '../../functions/core/cite-document.ts';
import { formatName } from './citation.ts';
import { dateSourceLabel, plural } from './format.ts';

/** Unchanged stretches longer than this are shortened to their ends. */
const SAME_PREVIEW_CHARS = 160;

/** What the comparison panel needs: the other copy and the diff from it to this one. */
export interface CopyComparison {
  other: LinkedDocument;
  /** Null when the two texts differ too much to draw a diff. */
  diff: CopyDiff | null;
}

const dateOf = (d: LinkedDocument) =>
  d.publishedAt
    ? `${formatDate(d.publishedAt)} (${dateSourceLabel(d.publishedAtSource)})`
    : `undated; archived ${formatDate(d.ingestedAt)}`;

/**
 * @example
 * ```tsx
 * <CopiesPanel documentId="3f2a9c0d4b1e8a77" copies={copies} />
 * ```
 */
export function CopiesPanel(props: { documentId: string; copies: LinkedDocument[] }) {
  if (props.copies.length === 0) return null;
  return (
    <section class="panel" aria-labelledby="copies-title" id="copies">
      <h2 id="copies-title">Copies ({props.copies.length})</h2>
      <p class="muted small">
        The same article archived again, in another format or with small changes. Earliest first.
      </p>
      <ul class="related-list copies-list">
        {props.copies.map((copy) => (
          <li>
            <a href={`/documents/${copy.id}`}>{copy.title}</a>
            <span class="muted small">
              {' '}
              {[
                formatName(copy.contentType),
                copy.publisher ?? 'unknown publisher',
                dateOf(copy),
                `${Math.round(copy.similarity * 100)}% the same`,
              ].join(' · ')}
            </span>{' '}
            <a class="small" href={`/documents/${props.documentId}?compare=${copy.id}#changes`}>
              What changed
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * @example
 * ```tsx
 * <CopyChanges comparison={{ other, diff }} />
 * ```
 */
export function CopyChanges(props: { comparison: CopyComparison }) {
  const { other, diff } = props.comparison;
  return (
    <section class="panel copy-changes" aria-labelledby="changes-title" id="changes">
      <h2 id="changes-title">What changed from the {formatName(other.contentType)} copy</h2>
      <p class="small">
        From <a href={`/documents/${other.id}`}>{other.title}</a> ({other.publisher ?? 'unknown publisher'},{' '}
        {dateOf(other)}) to this copy.{' '}
        {diff
          ? `${plural(diff.changed, 'sentence')} changed, ${plural(diff.added, 'sentence')} added, ${plural(diff.removed, 'sentence')} removed.`
          : 'The texts differ too much to compare sentence by sentence.'}
        {diff?.truncated ? ' Only the beginning of the texts was compared.' : ''}
      </p>
      {diff ? (
        <div class="copy-diff">
          {diff.parts.map((part) =>
            part.kind === 'same' ? (
              <p class="copy-diff__same muted">{shorten(part.text)}</p>
            ) : part.kind === 'changed' ? (
              <p class="copy-diff__changed">
                {part.words.map((w) =>
                  w.op === 'kept' ? w.text : w.op === 'added' ? <ins>{w.text}</ins> : <del>{w.text}</del>,
                )}
              </p>
            ) : part.kind === 'added' ? (
              <p class="copy-diff__added">
                <ins>{part.text}</ins>
              </p>
            ) : (
              <p class="copy-diff__removed">
                <del>{part.text}</del>
              </p>
            ),
          )}
        </div>
      ) : null}
    </section>
  );
}

function shorten(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length <= SAME_PREVIEW_CHARS) return trimmed;
  return `${trimmed.slice(0, SAME_PREVIEW_CHARS / 2)} … ${trimmed.slice(-SAME_PREVIEW_CHARS / 2)}`;
}
