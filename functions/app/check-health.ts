/**
 * Health: the process answers (liveness), and it can serve (readiness) — storage reachable and the
 * search index loaded. Each check is bounded, so a probe never hangs on a stuck dependency.
 */
import type { Archive } from './archive.ts';

/** Longest a readiness check may take before it counts as failed. */
export const HEALTH_CHECK_TIMEOUT_MS = 2_000;

/** One readiness check's outcome. */
export interface HealthCheck {
  ok: boolean;
  ms: number;
  error?: string;
}

/** What `GET /api/health` answers. */
export interface Health {
  status: 'ok' | 'unavailable';
  live: true;
  ready: boolean;
  checks: { metadata: HealthCheck; blobs: HealthCheck; index: HealthCheck & { documents?: number } };
}

async function timed<T>(work: () => Promise<T>): Promise<HealthCheck & { value?: T }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${HEALTH_CHECK_TIMEOUT_MS} ms`)),
      HEALTH_CHECK_TIMEOUT_MS,
    );
  });
  try {
    const value = await Promise.race([work(), timeout]);
    return { ok: true, ms: Math.round(performance.now() - started), value };
  } catch (error) {
    return {
      ok: false,
      ms: Math.round(performance.now() - started),
      error: error instanceof Error ? error.message : String(error),
    };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * @example
 * ```ts
 * const health = await checkHealth(archive); // { status: 'ok', live: true, ready: true, checks: {…} }
 * ```
 */
export async function checkHealth(archive: Archive): Promise<Health> {
  const [metadata, blobs, index] = await Promise.all([
    timed(() => archive.manifest.get()),
    // A key that never exists: an answer of "none" proves the bucket is reachable and readable.
    timed(() => archive.blobs.get('health/probe')),
    timed(() => archive.index.current()),
  ]);
  const ready = metadata.ok && blobs.ok && index.ok;
  const strip = ({ value: _value, ...check }: HealthCheck & { value?: unknown }) => check;
  return {
    status: ready ? 'ok' : 'unavailable',
    live: true,
    ready,
    checks: {
      metadata: strip(metadata),
      blobs: strip(blobs),
      index: { ...strip(index), ...(index.value ? { documents: index.value.documentCount } : {}) },
    },
  };
}
