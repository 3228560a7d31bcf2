/**
 * The bulk import job's use case over real s3rver and dynalite: files under `incoming/` are
 * archived, deduplicated and deleted from there; refused files stay with their reason; the job's
 * Lambda handler turns S3 notifications on a queue into keys and reports only what may pass.
 */
import { describe, expect, it } from 'vitest';
import { importIncoming, IMPORT_JOB_ACTOR } from '../../functions/app/import-incoming.ts';
import { readDocument, readOriginal } from '../../functions/app/read-document.ts';
import { MAX_BATCH_DOCUMENTS } from '../../functions/app/upload-limits.ts';
import { ENV } from '../../functions/config.ts';
import { useScratchArchive } from '../helpers/scratch-archive.ts';

const scratch = useScratchArchive();
const encode = (text: string) => new TextEncoder().encode(text);
const report = encode('The harbour board met on Tuesday. "We will decide in spring," said chair Rosa Lind.\n');

/** An S3 event notification as it reaches the queue (keys URL-encoded, a space as +). */
function notification(...keys: string[]): string {
  return JSON.stringify({
    Records: keys.map((key) => ({
      eventName: 'ObjectCreated:Put',
      s3: { object: { key: encodeURIComponent(key).replace(/%20/g, '+').replace(/%2F/g, '/') } },
    })),
  });
}

describe('importIncoming', () => {
  it('archives what it can read, once, and keeps each refused file with its reason', async () => {
    const { archive } = scratch;
    await archive.blobs.put('incoming/2024/harbour report.txt', report, 'application/octet-stream');
    await archive.blobs.put('incoming/2024/copy-of-report.txt', report, 'text/plain');
    await archive.blobs.put(
      'incoming/2024/ferry.html',
      '<html><head><title>Ferry timetable changes</title></head><body><article><p>The winter ferry runs twice a day from Monday, the operator said in a statement to passengers.</p></article></body></html>',
      'text/html; charset=utf-8',
    );
    await archive.blobs.put('incoming/2024/empty.txt', new Uint8Array(), 'text/plain');
    await archive.blobs.put('incoming/2024/notes.xyz', encode('not a format'), 'application/octet-stream');
    const outcomes = await importIncoming(archive, [
      'incoming/2024/harbour report.txt',
      'incoming/2024/copy-of-report.txt',
      'incoming/2024/ferry.html',
      'incoming/2024/empty.txt',
      'incoming/2024/notes.xyz',
      'incoming/2024/never-uploaded.txt',
      'documents/not-incoming.json',
    ]);
    expect(outcomes.map((o) => [o.status, o.retry])).toEqual([
      [201, false],
      [200, false],
      [201, false],
      [422, false],
      [415, false],
      [404, false],
      [400, false],
    ]);
    const [first, duplicate, html] = outcomes;
    expect(duplicate.documentId).toBe(first.documentId);
    // Byte-exact originals, readable as documents.
    expect(new Uint8Array((await readOriginal(archive, first.documentId!)).body)).toEqual(report);
    expect((await readDocument(archive, html.documentId!)).title).toBe('Ferry timetable changes');
    // Archived files leave incoming/; refused ones stay for their uploader.
    const left: string[] = [];
    for await (const { key } of archive.blobs.list('incoming/')) left.push(key);
    expect(left.sort()).toEqual(['incoming/2024/empty.txt', 'incoming/2024/notes.xyz']);
    expect(outcomes[4].error?.message).toMatch(/notes\.xyz/);
    // Every attempt is audited under the job's name, except a notification for a file already gone.
    const audit = (await archive.audit.list({ limit: 20 })).entries.filter((e) => e.actor === IMPORT_JOB_ACTOR);
    expect(audit.map((e) => e.status).sort()).toEqual([200, 201, 201, 400, 415, 422]);
  });

  it('imports more files than one batch holds, in batches', async () => {
    const keys = Array.from({ length: MAX_BATCH_DOCUMENTS + 1 }, (_, n) => `incoming/many/${n}.txt`);
    await Promise.all(
      keys.map((key, n) =>
        scratch.archive.blobs.put(key, encode(`Item ${n}: the council met about road ${n} today.`), 'text/plain'),
      ),
    );
    const outcomes = await importIncoming(scratch.archive, keys);
    expect(outcomes.filter((o) => o.status === 201)).toHaveLength(MAX_BATCH_DOCUMENTS + 1);
    expect(new Set(outcomes.map((o) => o.documentId)).size).toBe(MAX_BATCH_DOCUMENTS + 1);
  }, 180_000);
});

describe('the import job handler', () => {
  it('imports the files a queue batch announces and hands back only the messages worth a retry', async () => {
    const { config, archive } = scratch;
    process.env[ENV.bucket] = config.bucket;
    process.env[ENV.table] = config.table;
    process.env[ENV.s3Endpoint] = config.s3Endpoint;
    process.env[ENV.dynamoEndpoint] = config.dynamoEndpoint;
    const { handler } = await import('../../functions/handlers/import-queue.ts');
    await archive.blobs.put(
      'incoming/queue/lighthouse keeper.txt',
      encode('The lighthouse keeper retired on Friday after forty years at the point.'),
      'text/plain',
    );
    await archive.blobs.put('incoming/queue/blank.txt', encode('   '), 'text/plain');
    const result = await handler({
      Records: [
        { messageId: 'm1', body: notification('incoming/queue/lighthouse keeper.txt') },
        { messageId: 'm2', body: notification('incoming/queue/blank.txt') },
        { messageId: 'm3', body: JSON.stringify({ Event: 's3:TestEvent' }) },
        { messageId: 'm4', body: 'not json' },
      ],
    });
    // The archived and the refused file are done with; the unreadable message goes back (and on
    // to the dead-letter queue after three tries).
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'm4' }]);
    const left: string[] = [];
    for await (const { key } of archive.blobs.list('incoming/queue/')) left.push(key);
    expect(left).toEqual(['incoming/queue/blank.txt']);
  });
});
