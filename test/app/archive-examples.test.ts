import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveExamples } from '../../functions/app/archive-examples.ts';
import { ingestDocument } from '../../functions/app/ingest-document.ts';
import { startLocalArchive, type LocalArchive } from '../../functions/local/start-local-archive.ts';

describe('search-help examples from the archive', () => {
  let local: LocalArchive;
  beforeAll(async () => {
    local = await startLocalArchive({}, { persistent: false });
  });
  afterAll(async () => {
    await local?.close();
  });

  it('has none for an empty archive, then names its most frequent publisher and speaker', async () => {
    expect(archiveExamples(await local.archive.index.current())).toEqual({ publisher: undefined, speaker: undefined });
    const encoder = new TextEncoder();
    const articles = [
      { publisher: 'Zephyr Courier', text: '"The dam will hold," said Priya Natarajan, the chief engineer.' },
      { publisher: 'Zephyr Courier', text: '"Water levels are falling," said Priya Natarajan on Monday.' },
      { publisher: 'Alpha Daily', text: 'The river rose overnight and fell by noon.' },
    ];
    for (const [i, { text, publisher }] of articles.entries()) {
      await ingestDocument(local.archive, { file: { bytes: encoder.encode(text), contentType: 'text/plain' }, metadata: { title: `Flood report ${i}`, publisher } });
    }
    expect(archiveExamples(await local.archive.index.current())).toEqual({ publisher: 'Zephyr Courier', speaker: 'Priya Natarajan' });
  });
});
