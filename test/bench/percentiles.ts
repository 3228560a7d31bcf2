/**
 * Summary statistics for latency samples. Nearest-rank percentiles: with 200 samples p99 is the
 * second-slowest query, a real observation rather than an interpolation between two.
 */

/** Percentiles of one set of samples, in the samples' unit (milliseconds here). */
export interface Percentiles {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

/**
 * The nearest-rank percentile `p` (0–100) of samples sorted ascending.
 *
 * @example
 * ```ts
 * percentile([1, 2, 3, 4], 50); // 2
 * ```
 */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

/**
 * @example
 * ```ts
 * summarize([3, 1, 2]); // { n: 3, p50: 2, p95: 3, p99: 3, mean: 2 }
 * ```
 */
export function summarize(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, x) => sum + x, 0) / Math.max(1, sorted.length);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    mean,
  };
}

/**
 * The median of numbers (the mean of the middle two for an even count): used across runs, so one
 * run disturbed by a neighbour on the shared machine does not move the reported figure.
 *
 * @example
 * ```ts
 * median([5, 1, 3]); // 3
 * ```
 */
export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median of each percentile across runs. */
export function medianPercentiles(runs: Percentiles[]): Percentiles {
  return {
    n: median(runs.map((r) => r.n)),
    p50: median(runs.map((r) => r.p50)),
    p95: median(runs.map((r) => r.p95)),
    p99: median(runs.map((r) => r.p99)),
    mean: median(runs.map((r) => r.mean)),
  };
}
