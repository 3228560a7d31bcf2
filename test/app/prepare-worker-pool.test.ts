import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { PrepareWorkerPool } from '../../functions/app/prepare-worker-pool.ts';
import type { PreparedDocument } from '../../functions/app/prepare-task.ts';

const encoder = new TextEncoder();
const textFile = (text: string) => ({ bytes: encoder.encode(text), contentType: 'text/plain; charset=utf-8' });
/** HTML just under the nesting cap: legal, but Readability needs seconds for it here. */
const slowHtml = `<html><body>${'<div>'.repeat(250)}<p>Deep, the man said.</p>${'</div>'.repeat(250)}</body></html>`;

const pools: PrepareWorkerPool[] = [];
const pool = (options: ConstructorParameters<typeof PrepareWorkerPool>[0]) => {
  const created = new PrepareWorkerPool(options);
  pools.push(created);
  return created;
};
afterAll(() => Promise.all(pools.map((p) => p.close())));

describe('PrepareWorkerPool', () => {
  it('prepares a document in a worker: metadata, and the document as JSON bytes', async () => {
    const prepared = await pool({}).run<PreparedDocument>({
      kind: 'prepare',
      request: { file: textFile('“We rebuilt it,” said Ana Ruiz.') },
      now: new Date(0).toISOString(),
    });
    expect(prepared.metadata).toMatchObject({ quoteCount: 1, ingestedAt: '1970-01-01T00:00:00.000Z' });
    const document = JSON.parse(new TextDecoder().decode(prepared.json));
    expect(document.quotes[0]).toMatchObject({ text: 'We rebuilt it,', speaker: 'Ana Ruiz' });
    expect(document.id).toBe(prepared.metadata.id);
  });

  it('refuses a task over the time limit as too_complex, and the next task still runs', async () => {
    const strict = pool({ timeLimitMs: 150, size: 1 });
    await strict.run({ kind: 'read', file: textFile('warm up') }); // the worker's start is not the task's time
    await expect(
      strict.run({ kind: 'read', file: { bytes: encoder.encode(slowHtml), contentType: 'text/html' } }),
    ).rejects.toMatchObject({ code: 'too_complex' });
    await expect(strict.run<{ text: string }>({ kind: 'read', file: textFile('Still here.') })).resolves.toMatchObject({
      text: 'Still here.',
    });
  });

  it('counts the worker thread’s CPU, not the wall clock: a starved machine does not make a document too complex', async () => {
    // Readability on 150 nested divs: a few hundred ms of CPU here, well under the limit.
    const html = `<html><body>${'<div>'.repeat(150)}<p>Deep, the man said.</p>${'</div>'.repeat(150)}</body></html>`;
    const limitMs = 600;
    const cpuBound = pool({ timeLimitMs: limitMs, size: 1 });
    await cpuBound.run({ kind: 'read', file: textFile('warm up') });
    // Busy processes on every core, as at the soak's load average of 40: the worker waits for a core.
    const busy = Array.from({ length: 6 }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
    try {
      const started = Date.now();
      await expect(
        cpuBound.run<{ text: string }>({
          kind: 'read',
          file: { bytes: encoder.encode(html), contentType: 'text/html' },
        }),
      ).resolves.toMatchObject({ text: 'Deep, the man said.' });
      // The task outlasted the limit in wall time: a wall-clock limit would have refused it.
      expect(Date.now() - started).toBeGreaterThan(limitMs);
    } finally {
      for (const child of busy) child.kill('SIGKILL');
    }
  });

  it('refuses a task over the memory limit as too_complex', async () => {
    const small = pool({ memoryLimitMb: 16, size: 1 });
    const big = 'Paragraph of words that the tokenizer, furniture filter and quote finder all read.\n\n'.repeat(
      120_000,
    );
    await expect(
      small.run({ kind: 'prepare', request: { file: textFile(big) }, now: new Date().toISOString() }),
    ).rejects.toMatchObject({ code: 'too_complex' });
  });

  it('passes a parser’s refusal through with its code', async () => {
    await expect(pool({}).run({ kind: 'read', file: textFile('   ') })).rejects.toMatchObject({
      code: 'empty_document',
    });
  });
});
