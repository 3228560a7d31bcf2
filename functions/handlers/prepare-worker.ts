/**
 * Entry point of a parsing worker thread (see `app/prepare-worker-pool.ts`): first tells the pool
 * where to read this thread's CPU time, then loads the parsers and answers each task message with
 * its outcome. On Lambda it is bundled as `prepare-worker.mjs` beside `index.mjs`.
 */
import { parentPort } from 'node:worker_threads';
import type { WorkerHello } from '../app/prepare-worker-pool.ts';
import type { PrepareTask } from '../app/prepare-task.ts';
import { currentThreadStatPath } from '../app/thread-cpu-time.ts';

if (!parentPort) throw new Error('prepare-worker runs as a worker thread, started by PrepareWorkerPool.');
const port = parentPort;
// Before the parsers load: loading them is most of a new worker's first task, and on a starved
// machine it took longer than the wall-clock allowance (the pool counts CPU only once it has this).
port.postMessage({ threadStat: currentThreadStatPath() } satisfies WorkerHello);
const { runPrepareTask } = await import('../app/prepare-task.ts');
// Tasks posted while the parsers loaded wait in the port's queue until this listener starts it.
port.on('message', async (task: PrepareTask) => {
  const { reply, transfer } = await runPrepareTask(task);
  port.postMessage(reply, transfer);
});
