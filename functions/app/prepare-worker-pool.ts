/**
 * Parsing and normalising an upload runs off the request thread, in worker threads with a time
 * and a memory limit: one pathological file (HTML nested thousands deep, a 10 MB paragraph, a page
 * of quotes) may cost seconds of CPU, and on the request thread those seconds stall every other
 * request. A task over a limit ends its worker (`terminate`) and is refused as `too_complex`;
 * nothing has been stored by then, because storing starts only after the task's answer. The time
 * limit counts the CPU the worker's thread spends on the task (`thread-cpu-time.ts`), so an
 * upload is refused for what it costs, not for how busy the machine is.
 *
 * Plain `node:worker_threads` rather than piscina: the pool needed is a queue and a timer, and a
 * worker file of our own is one more esbuild entry in the Lambda bundle, where piscina would need
 * its own loader file shipped beside it.
 */
import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { VerbatimError, type ErrorCode } from '../core/errors.ts';
import type { PrepareTask, PrepareReply } from './prepare-task.ts';
import { threadCpuMs } from './thread-cpu-time.ts';

/**
 * CPU time one upload may spend being parsed and normalised before it is refused. CPU, not wall
 * time: at a load average of 40 on 2 cores ordinary articles took 25–58 s of wall time to parse
 * and were refused (`npm run soak:crash`); CPU is what a runaway parser burns, whatever the load.
 */
export const PREPARE_TIME_LIMIT_MS = 10_000;
/**
 * Wall-clock backstop for a task whose thread CPU cannot be read (not Linux) or that stops
 * computing without answering: generous, because on a starved machine a fair parse waits for a core.
 */
export const PREPARE_WALL_LIMIT_MS = 12 * PREPARE_TIME_LIMIT_MS;
/** How often the pool reads a busy worker's CPU time (one small `/proc` read). */
const CPU_CHECK_MS = 50;
/** Heap one worker may use (V8 old generation): an upload that needs more is refused. */
export const PREPARE_MEMORY_LIMIT_MB = 512;
/**
 * Added to a task's time limit when its worker is new: loading the parsers is not the upload's
 * fault (about 0.5 s from source with tsx on an idle machine, several seconds on a loaded one).
 */
export const WORKER_START_ALLOWANCE_MS = 15_000;
/** Workers per process: parsing is CPU-bound, and this machine class has two cores. */
export const PREPARE_WORKERS = Math.max(1, Math.min(2, availableParallelism()));

/** Options for {@link PrepareWorkerPool}; the defaults are the constants above. */
export interface PrepareWorkerPoolOptions {
  /** CPU milliseconds a task may use (wall milliseconds where thread CPU cannot be read). */
  timeLimitMs?: number;
  wallLimitMs?: number;
  memoryLimitMb?: number;
  size?: number;
}

/**
 * The first message a worker sends, before any task's reply: its thread's stat file, so the pool
 * can read its CPU time (null: not Linux, the pool counts wall time).
 */
export interface WorkerHello {
  threadStat: string | null;
}

const isHello = (message: unknown): message is WorkerHello =>
  typeof message === 'object' && message !== null && 'threadStat' in message;

interface Job {
  task: PrepareTask;
  transfer: ArrayBuffer[];
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

const tooComplex = (why: string) =>
  new VerbatimError(
    'too_complex',
    `The upload is too complex to read: ${why}. Nothing was stored; simplify the file (or split it) and try again.`,
  );

/**
 * The worker's code: `prepare-worker.mjs` beside the bundle on Lambda (the stack bundles it as a
 * second entry), or the TypeScript source when running from source (tsx, vitest). A worker does
 * not inherit a parent's module hooks, and `--import tsx` in a worker's execArgv does not reach
 * its entry, so from source a two-line bootstrap registers tsx and then imports the entry.
 */
interface TsxManifest {
  exports: { './esm/api': { import: { default: string } } };
}

function startWorker(options: WorkerOptions): Worker {
  if (!import.meta.url.endsWith('.ts')) {
    // The bundle ships the worker beside index.mjs; this module may itself sit in a chunk under chunks/.
    const root = /\/chunks\/[^/]+$/.test(import.meta.url) ? '../' : './';
    return new Worker(new URL(`${root}prepare-worker.mjs`, import.meta.url), options);
  }
  // tsx's ESM build of its API, found through its package.json exports (`require.resolve` gives the CJS one).
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const api = (JSON.parse(readFileSync(manifest, 'utf8')) as TsxManifest).exports['./esm/api'].import.default;
  const tsx = pathToFileURL(join(dirname(manifest), api)).href;
  const entry = new URL('../handlers/prepare-worker.ts', import.meta.url).href;
  // The hello first, in plain JavaScript: on a starved machine loading tsx and the entry took
  // longer than the start allowance, and until the hello the pool can only count wall time.
  const hello = `let threadStat = null; try { threadStat = '/proc/' + require('node:fs').readlinkSync('/proc/thread-self') + '/stat'; } catch {} require('node:worker_threads').parentPort.postMessage({ threadStat });`;
  const bootstrap = `${hello} import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}

/**
 * @example
 * ```ts
 * const pool = new PrepareWorkerPool();
 * const document = await pool.run({ kind: 'prepare', request, now: new Date().toISOString() });
 * ```
 */
export class PrepareWorkerPool {
  private readonly idle: Worker[] = [];
  private readonly queue: Job[] = [];
  private running = 0;
  private readonly timeLimitMs: number;
  private readonly wallLimitMs: number;
  private readonly memoryLimitMb: number;
  /** Each worker's thread stat file, once its hello has come. */
  private readonly statFiles = new WeakMap<Worker, string | null>();
  private readonly size: number;

  constructor(options: PrepareWorkerPoolOptions = {}) {
    this.timeLimitMs = options.timeLimitMs ?? PREPARE_TIME_LIMIT_MS;
    this.wallLimitMs = options.wallLimitMs ?? PREPARE_WALL_LIMIT_MS;
    this.memoryLimitMb = options.memoryLimitMb ?? PREPARE_MEMORY_LIMIT_MB;
    this.size = options.size ?? PREPARE_WORKERS;
  }

  /**
   * Runs a task in a worker, queued while every worker is busy; resolves to the task's answer.
   * The buffers in `transfer` are moved to the worker, not copied: the caller must not use them again.
   */
  run<T>(task: PrepareTask, transfer: ArrayBuffer[] = []): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ task, transfer, resolve: resolve as (value: unknown) => void, reject });
      this.next();
    });
  }

  /** Ends every idle worker (busy ones end when their task does). */
  async close(): Promise<void> {
    await Promise.all(this.idle.splice(0).map((worker) => worker.terminate()));
  }

  private spawn(): Worker {
    const worker = startWorker({ resourceLimits: { maxOldGenerationSizeMb: this.memoryLimitMb } });
    const onHello = (message: unknown) => {
      if (!isHello(message)) return;
      this.statFiles.set(worker, message.threadStat);
      worker.off('message', onHello);
    };
    worker.on('message', onHello);
    // An idle worker must not keep the process alive (a CLI ends when its work does).
    worker.unref();
    return worker;
  }

  private next(): void {
    if (this.queue.length === 0 || this.running >= this.size) return;
    const job = this.queue.shift()!;
    const reused = this.idle.pop();
    const worker = reused ?? this.spawn();
    const allowanceMs = reused ? 0 : WORKER_START_ALLOWANCE_MS;
    const clock = this.taskClock(worker, reused !== undefined);
    this.running += 1;
    worker.ref();
    let settled = false;
    const finish = (keep: boolean, outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearInterval(timer);
      // Only our own listeners: Worker keeps internal ones, and removing those stops its port.
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      this.running -= 1;
      if (keep) {
        worker.unref();
        this.idle.push(worker);
      } else {
        void worker.terminate();
      }
      outcome();
      this.next();
    };
    const onMessage = (reply: PrepareReply | WorkerHello) => {
      if (isHello(reply)) return; // a new worker's hello, which spawn() records
      if (reply.ok) finish(true, () => job.resolve(reply.value));
      else if (reply.code) finish(true, () => job.reject(new VerbatimError(reply.code as ErrorCode, reply.message)));
      else finish(true, () => job.reject(new Error(reply.message)));
    };
    const onError = (error: Error & { code?: string }) => {
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      finish(false, () =>
        job.reject(outOfMemory ? tooComplex(`it needs over ${this.memoryLimitMb} MB of memory`) : error),
      );
    };
    const onExit = (code: number) =>
      finish(false, () => job.reject(new Error(`The parsing worker exited with code ${code}.`)));
    const timer = setInterval(() => {
      const { ms, cpu } = clock.spent();
      if (ms <= this.timeLimitMs + allowanceMs && clock.wallMs() <= this.wallLimitMs + allowanceMs) return;
      const over = ms > this.timeLimitMs + allowanceMs ? this.timeLimitMs : this.wallLimitMs;
      const why = `reading it took over ${over / 1000} s${cpu && over === this.timeLimitMs ? ' of processor time' : ''}`;
      finish(false, () => job.reject(tooComplex(why)));
    }, CPU_CHECK_MS);
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(job.task, job.transfer);
  }

  /**
   * The time a task has used on `worker` so far: its thread's CPU since the task began (for a new
   * worker, since the thread began: loading counts against the start allowance), or wall time
   * where the thread's CPU cannot be read (`cpu: false`).
   */
  private taskClock(worker: Worker, reused: boolean): { spent(): { ms: number; cpu: boolean }; wallMs(): number } {
    const startedAt = Date.now();
    const cpuNow = () => {
      const stat = this.statFiles.get(worker);
      return stat ? threadCpuMs(stat) : null;
    };
    const cpuAtStart = reused ? cpuNow() : 0;
    const wallMs = () => Date.now() - startedAt;
    const spent = () => {
      const cpu = cpuNow();
      return cpu === null || cpuAtStart === null ? { ms: wallMs(), cpu: false } : { ms: cpu - cpuAtStart, cpu: true };
    };
    return { spent, wallMs };
  }
}

let shared: PrepareWorkerPool | null = null;

/**
 * The process's pool, started on first use: uploads share it, and so do the large stored
 * documents search digests (a search-only process starts no worker until it meets one).
 */
export function preparePool(): PrepareWorkerPool {
  shared ??= new PrepareWorkerPool();
  return shared;
}
