/**
 * The bounded caches' one rule of recency: a `Map` iterates in insertion order, so re-inserting a
 * key moves it to the end, and the first key is always the least recently used one to drop.
 */

/**
 * Keeps `value` under `key` as the most recently used entry of `map`, dropping the least recently
 * used one when the map holds more than `capacity`.
 *
 * @example
 * ```ts
 * rememberRecent(cache, document.id, document, 1000);
 * ```
 */
export function rememberRecent<K, V>(map: Map<K, V>, key: K, value: V, capacity: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > capacity) map.delete(map.keys().next().value!);
}
