/**
 * Bounded concurrency for a list of independent round trips: the bulk path fans out a batch's
 * storage requests, and firing them all at once only queues them in the HTTP agent.
 */

/**
 * Runs `fn` over `items`, at most `limit` at a time (workers pulling the next item, so one slow
 * item never holds up the rest).
 *
 * @example
 * ```ts
 * await forEachAtMost(ids, 12, async (id) => void (await catalog.get(id)));
 * ```
 */
export async function forEachAtMost<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await fn(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
