/**
 * Entry point of a parsing worker thread (see `app/prepare-worker-pool.ts`): first tells the pool
 * where to read this thread's CPU time, then answers each task message with its outcome. On
 * Lambda it is bundled as `prepare-worker.mjs` beside `index.mjs`.
 */
import { parentPort } from 'node:worker_threads';
import type { WorkerHello } from '../app/prepare-worker-pool.ts';
import { runPrepareTask, type PrepareTask } from '../app/prepare-task.ts';
import { currentThreadStatPath } from '../app/thread-cpu-time.ts';

if (!parentPort) throw new Error('prepare-worker runs as a worker thread, started by PrepareWorkerPool.');
const port = parentPort;
port.postMessage({ threadStat: currentThreadStatPath() } satisfies WorkerHello);
port.on('message', async (task: PrepareTask) => {
  const { reply, transfer } = await runPrepareTask(task);
  port.postMessage(reply, transfer);
});
