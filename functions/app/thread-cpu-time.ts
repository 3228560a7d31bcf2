/**
 * CPU time of one thread, read from Linux's `/proc`. The parsing pool limits what an upload costs
 * by the CPU its worker thread spends, not by the wall clock: on a loaded machine (the soak ran at a
 * load average of 40 on 2 cores) an ordinary article waits for a core far longer than it computes,
 * and a wall-clock limit refused it as `too_complex`. Node 20 has no per-thread CPU clock
 * (`process.cpuUsage()` is the whole process's), so the worker names its own thread's stat file
 * and the pool reads it; elsewhere than Linux there is none, and the pool falls back to wall time.
 */
import { readFileSync, readlinkSync } from 'node:fs';

/** Linux's USER_HZ, the unit of `utime`/`stime` in a stat file: 100 on every architecture Node runs on. */
const TICKS_PER_SECOND = 100;

/**
 * The stat file of the calling thread (`/proc/<pid>/task/<tid>/stat`), or null where `/proc` has none.
 *
 * @example
 * ```ts
 * parentPort.postMessage({ threadStat: currentThreadStatPath() }); // in a worker, told to its pool
 * ```
 */
export function currentThreadStatPath(): string | null {
  try {
    // `/proc/thread-self` is a link to `<pid>/task/<tid>`, which stays valid from other threads.
    return `/proc/${readlinkSync('/proc/thread-self')}/stat`;
  } catch {
    return null;
  }
}

/**
 * CPU milliseconds (user + system) the thread has used since it started, in steps of 10 ms; null
 * once the thread is gone or the file cannot be read.
 *
 * @example
 * ```ts
 * const spent = (threadCpuMs(statPath) ?? 0) - startedAtCpu;
 * ```
 */
export function threadCpuMs(statPath: string): number | null {
  try {
    const stat = readFileSync(statPath, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // fields 14 (utime) and 15 (stime)
    return Number.isFinite(ticks) ? (ticks * 1000) / TICKS_PER_SECOND : null;
  } catch {
    return null;
  }
}
