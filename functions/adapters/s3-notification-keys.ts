/**
 * The object keys an S3 event notification names, as it reaches a queue: a JSON message of
 * `Records`, each with `s3.object.key` URL-encoded the way HTML forms are (a space is `+`). S3
 * also sends one `s3:TestEvent` when a notification is configured; it names no object.
 */

interface S3Notification {
  Event?: string;
  Records?: { eventName?: string; s3?: { object?: { key?: string } } }[];
}

/**
 * @example
 * ```ts
 * keysOfS3Notification('{"Records":[{"eventName":"ObjectCreated:Put","s3":{"object":{"key":"incoming/a+b.txt"}}}]}');
 * // => ['incoming/a b.txt']
 * ```
 */
export function keysOfS3Notification(message: string): string[] {
  let parsed: S3Notification;
  try {
    parsed = JSON.parse(message) as S3Notification;
  } catch {
    throw new Error(`A queue message is not an S3 event notification (not JSON): ${message.slice(0, 200)}`);
  }
  if (parsed.Event === 's3:TestEvent') return [];
  if (!Array.isArray(parsed.Records)) {
    throw new Error(`A queue message is not an S3 event notification (no Records): ${message.slice(0, 200)}`);
  }
  return parsed.Records.filter((record) => record.eventName?.startsWith('ObjectCreated:'))
    .map((record) => record.s3?.object?.key)
    .filter((key): key is string => typeof key === 'string')
    .map((key) => decodeURIComponent(key.replace(/\+/g, ' ')));
}
