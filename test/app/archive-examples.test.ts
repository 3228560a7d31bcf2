import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveExamples, phraseIn } from '../../functions/app/archive-examples.ts';
import { ingestDocument } from '../../functions/app/ingest-document.ts';
import { searchArchive } from '../../functions/app/search-archive.ts';
import { startLocalArchive, type LocalArchive } from '../../functions/local/start-local-archive.ts';

describe('search-help examples from the archive', () => {
  let local: LocalArchive;
  beforeAll(async () => {
    local = await startLocalArchive({}, { persistent: false });
  });
  afterAll(async () => {
    await local?.close();
  });

  it('takes a phrase of plain words, never across punctuation or a hyphenated word', () => {
    expect(phraseIn('Storm-damaged deck, repaired. The harbour bridge reopened')).toBe('The harbour bridge');
    expect(phraseIn('Up 4.2 per cent, rates fell')).toBeUndefined();
    expect(phraseIn('“Kyiv’s embassy was hit by fragments”')).toBe('embassy was hit');
  });

  it('has none for an empty archive, then names its publisher, speaker and a phrase, and each finds something', async () => {
    const archive = local.archive;
    expect(await archiveExamples(archive, await archive.index.current())).toEqual({
      publisher: undefined,
      speaker: undefined,
      phrase: undefined,
    });
    const encoder = new TextEncoder();
    const articles = [
      {
        publisher: 'Zephyr Courier',
        text: 'Dam report one\n\n"The dam will hold," said Priya Natarajan, the chief engineer.',
      },
      {
        publisher: 'Zephyr Courier',
        text: 'Dam report two\n\n"Water levels are falling," said Priya Natarajan on Monday.',
      },
      { publisher: 'Alpha Daily', text: 'River report\n\nThe river rose overnight and fell by noon.' },
    ];
    for (const [i, { text, publisher }] of articles.entries()) {
      await ingestDocument(archive, {
        file: { bytes: encoder.encode(text), contentType: 'text/plain' },
        metadata: { title: `Flood report ${i}`, publisher },
      });
    }
    const examples = await archiveExamples(archive, await archive.index.current());
    // The newest document has no quote: its phrase comes from the text after the title line.
    expect(examples).toEqual({ publisher: 'Zephyr Courier', speaker: 'Priya Natarajan', phrase: 'The river rose' });
    for (const q of [`"${examples.phrase}"`, `publisher:"${examples.publisher}"`, `speaker:"${examples.speaker}"`]) {
      expect((await searchArchive(archive, { q, limit: 10, offset: 0 })).total, q).toBeGreaterThan(0);
    }

    await ingestDocument(archive, {
      file: {
        bytes: encoder.encode('Dam report three\n\nEngineers said: "Overflow gates opened at dawn."'),
        contentType: 'text/plain',
      },
      metadata: { title: 'Flood report 3' },
    });
    const quoted = await archiveExamples(archive, await archive.index.current());
    expect(quoted.phrase).toBe('Overflow gates opened');
    expect((await searchArchive(archive, { q: `"${quoted.phrase}"`, limit: 10, offset: 0 })).total).toBe(1);
  });
});
