/**
 * Entry point of a parsing worker thread (see `app/prepare-worker-pool.ts`): answers each task
 * message with its outcome. On Lambda it is bundled as `prepare-worker.mjs` beside `index.mjs`.
 */
import { parentPort } from 'node:worker_threads';
import { runPrepareTask, type PrepareTask } from '../app/prepare-task.ts';

if (!parentPort) throw new Error('prepare-worker runs as a worker thread, started by PrepareWorkerPool.');
const port = parentPort;
port.on('message', async (task: PrepareTask) => {
  const { reply, transfer } = await runPrepareTask(task);
  port.postMessage(reply, transfer);
});
