import { describe, expect, it } from 'vitest';
import { runFuzz } from './fuzz-requests.ts';

describe('fuzzed requests against the real local server', () => {
  it('never answer 5xx, never answer an API error without the JSON error body, never go unanswered', async () => {
    const summary = await runFuzz({ count: 400, seconds: 60, seed: 20261201, concurrency: 4 });
    expect(summary.examples).toEqual([]);
    expect(summary.requests).toBe(400);
    expect(summary).toMatchObject({ serverErrors: 0, nonJsonErrors: 0, unanswered: 0 });
    // The run reached the parsers and the protocol layer, not only the auth check.
    for (const status of ['400', '401', '404', '405', '431'])
      expect(summary.byStatus[status], status).toBeGreaterThan(0);
  }, 120_000);
});
