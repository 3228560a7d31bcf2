/**
 * The listeners of one kind of event, for a store that tells others what it wrote (the ingest
 * log of its appends, the catalog of documents becoming ready).
 */
import type { Unsubscribe } from './ports.ts';

/**
 * @example
 * ```ts
 * const appended = new Listeners<LogEntry>();
 * const stop = appended.add((entry) => console.log(entry.seq));
 * appended.notify({ seq: 1, op: 'add', id: '3f2a9c0d4b1e8a77' });
 * stop();
 * ```
 */
export class Listeners<T> {
  private readonly listeners = new Set<(value: T) => void>();

  add(listener: (value: T) => void): Unsubscribe {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /**
   * Calls every listener with `value`. The write it reports has happened: a listener that throws
   * is reported on the console and must not make the write look failed to its caller.
   */
  notify(value: T): void {
    for (const listener of this.listeners) {
      try {
        listener(value);
      } catch (error) {
        console.error('A store listener failed:', error);
      }
    }
  }
}
