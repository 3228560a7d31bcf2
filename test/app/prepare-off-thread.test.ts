import { afterAll, describe, expect, it } from 'vitest';
import { prepareOffThread } from '../../functions/app/prepare-off-thread.ts';
import { PrepareWorkerPool } from '../../functions/app/prepare-worker-pool.ts';
import type { PrepareTask } from '../../functions/app/prepare-task.ts';

/** A real pool that counts the tasks handed to it. */
class CountingPool extends PrepareWorkerPool {
  tasks = 0;
  override run<T>(task: PrepareTask, transfer: ArrayBuffer[] = []): Promise<T> {
    this.tasks++;
    return super.run<T>(task, transfer);
  }
}

const pool = new CountingPool({ size: 1 });
afterAll(() => pool.close());
const small = { file: { bytes: new TextEncoder().encode('“It holds,” said Ana Ruiz.'), contentType: 'text/plain' } };

describe('prepareOffThread: where a small plain-text upload is parsed', () => {
  it('on the calling thread by default, and in the pool when a batch asks for it, with the same document', async () => {
    const now = new Date(0);
    const here = await prepareOffThread(small, now, pool);
    expect(pool.tasks).toBe(0);
    const inPool = await prepareOffThread(small, now, pool, 'pool');
    expect(pool.tasks).toBe(1);
    expect(inPool.metadata).toEqual(here.metadata);
    expect(Buffer.from(inPool.json).equals(Buffer.from(here.json))).toBe(true);
  });
});
