/**
 * The word-level difference between a claimed quote and the original, read left to right as the
 * original with the claim's deviations marked. Colour is never the only signal: each change also
 * carries hidden words for screen readers and a tooltip, and the legend names the styles.
 */
import type { DiffOp } from '../../functions/app/find-quotes.ts';

function Op(props: { op: DiffOp }) {
  const { op } = props;
  if (op.op === 'kept') return <span class="diff-kept">{op.original ?? op.claim}</span>;
  if (op.op === 'added') {
    return (
      <del class="diff-added" title="In the claim, not in the original">
        <span class="visually-hidden">claimed, not in the original: </span>
        {op.claim}
      </del>
    );
  }
  if (op.op === 'missing') {
    return (
      <ins class="diff-missing" title="In the original, missing from the claim">
        <span class="visually-hidden">in the original, missing from the claim: </span>
        {op.original}
      </ins>
    );
  }
  return (
    <span class="diff-changed">
      <del class="diff-added" title="The claim's word">
        <span class="visually-hidden">claimed: </span>
        {op.claim}
      </del>
      <ins class="diff-missing" title="The original word">
        <span class="visually-hidden">original: </span>
        {op.original}
      </ins>
    </span>
  );
}

/**
 * @example
 * ```tsx
 * <QuoteDiff diff={result.diff} />
 * ```
 */
export function QuoteDiff(props: { diff: DiffOp[] }) {
  return (
    <p class="diff">
      {props.diff.map((op, i) => (
        <>
          {i > 0 ? ' ' : ''}
          <Op op={op} />
        </>
      ))}
    </p>
  );
}

/** What the diff's styles mean. */
export function DiffLegend() {
  return (
    <p class="diff-legend small">
      <span>
        <ins class="diff-missing">original</ins> in the source but missing from the claim
      </span>
      <span>
        <del class="diff-added">claimed</del> in the claim but not in the source
      </span>
    </p>
  );
}
