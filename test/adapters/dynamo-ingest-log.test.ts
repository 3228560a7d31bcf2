import { describe, expect, it } from 'vitest';
import { DynamoIngestLog } from '../../functions/adapters/dynamo-ingest-log.ts';
import type { LogEntry } from '../../functions/core/ports.ts';
import { useScratchArchive } from '../helpers/scratch-archive.ts';

const scratch = useScratchArchive();

describe('DynamoIngestLog on dynalite', () => {
  it('appends log entries gaplessly, batching those that arrive together, across processes', async () => {
    const store = scratch.archive.log;
    // A second log over the same table: what another Lambda container is.
    const other = new DynamoIngestLog(scratch.local.clients.dynamo, scratch.config.table);
    const entries = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? store : other).append({ op: 'add', id: `doc${i}` })),
    );
    const log = await store.read(0);
    expect(log.map((e) => e.id).sort()).toEqual(entries.map((e) => e.id).sort());
    expect(new Set(log.map((e) => e.id)).size).toBe(40);
    const seqs = [...new Set(log.map((e) => e.seq))];
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect(seqs.length).toBeLessThan(40);
    for (const entry of entries) expect(log.find((e) => e.id === entry.id)!.seq).toBe(entry.seq);
    const last = seqs[seqs.length - 1];
    expect((await store.read(last - 1)).every((e) => e.seq === last)).toBe(true);
  });

  it('tells its listeners of each entry it appended, once written, and not of others’ appends', async () => {
    const log = new DynamoIngestLog(scratch.local.clients.dynamo, scratch.config.table);
    const other = new DynamoIngestLog(scratch.local.clients.dynamo, scratch.config.table);
    const heard: LogEntry[] = [];
    const stop = log.onAppend((entry) => heard.push(entry));
    const [a, b] = await Promise.all([
      log.append({ op: 'add', id: 'heard-a' }),
      log.append({ op: 'delete', id: 'heard-b' }),
    ]);
    await other.append({ op: 'add', id: 'unheard' });
    expect(heard).toEqual([a, b]);
    // Told before the appender resumes: its reader knows to read the log by then.
    let seenBeforeResume = false;
    const stopCheck = log.onAppend((entry) => (seenBeforeResume ||= entry.id === 'heard-c'));
    await log.append({ op: 'add', id: 'heard-c' });
    expect(seenBeforeResume).toBe(true);
    stop();
    stopCheck();
    await log.append({ op: 'add', id: 'after-stop' });
    expect(heard.map((e) => e.id)).toEqual(['heard-a', 'heard-b', 'heard-c']);
  });
});
