import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../functions/core/formats/parse-source.ts';
import { VerbatimError } from '../../functions/core/errors.ts';
import { cliWording } from '../../functions/local/cli-wording.ts';
import { formatImportSummary, MAX_LISTED_ITEMS } from '../../functions/local/format-import-summary.ts';
import { readImportItems } from '../../functions/local/read-import-items.ts';

async function collect(paths: string[]) {
  const items = [];
  for await (const item of readImportItems(paths)) items.push(item);
  return items;
}

describe('npm run import output', () => {
  it('lists the files of a folder it skips, with why, and still reads the articles', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'import-skip-'));
    await mkdir(join(folder, 'sub'));
    await writeFile(join(folder, 'a.txt'), 'An article.');
    await writeFile(join(folder, 'sub', 'b.md'), '# B\n\nText.');
    await writeFile(join(folder, 'photo.png'), 'png');
    await writeFile(join(folder, '.DS_Store'), 'x');
    const items = await collect([folder]);
    const byLabel = Object.fromEntries(items.map((item) => [item.label.slice(folder.length + 1), item]));
    expect(Object.keys(byLabel).sort()).toEqual(['.DS_Store', 'a.txt', 'photo.png', 'sub/b.md']);
    expect(byLabel['photo.png']).toEqual({
      label: join(folder, 'photo.png'),
      skipped: expect.stringContaining('".png" is not an article format'),
    });
    expect(byLabel['.DS_Store']).toMatchObject({ skipped: 'hidden file' });
    expect('request' in byLabel['a.txt'] && 'request' in byLabel['sub/b.md']).toBe(true);
  });

  it("rewords the upload page's advice in rejections for the command line", async () => {
    const error = await parseSource({ bytes: new Uint8Array(), contentType: 'text/plain' }).catch((e) => e);
    expect(error).toBeInstanceOf(VerbatimError);
    expect(error.message).toContain('Choose the file again, or paste the text');
    const worded = cliWording(error.message);
    expect(worded).toBe('The file is empty. Check the file on disk, or import the text as a .txt file.');
    expect(cliWording('Open it in Word, save it again as .docx, and upload the new file.')).toBe(
      'Open it in Word, save it again as .docx, and import the new file.',
    );
    expect(cliWording('No text was found. Check that it is the right file, or paste the text instead.')).not.toMatch(
      /paste|upload/i,
    );
  });

  it('prints counts with correct plurals, then rejected and skipped items in CLI wording', () => {
    const lines = formatImportSummary({
      added: 1,
      duplicates: 0,
      rejected: [{ label: 'empty.txt', reason: 'The file is empty. Choose the file again, or paste the text.' }],
      skipped: Array.from({ length: MAX_LISTED_ITEMS + 2 }, (_, i) => ({
        label: `f${i}.csv`,
        reason: 'not an article',
      })),
      seconds: 0.5,
    });
    expect(lines[0]).toBe(
      'Imported 2 items in 0.5 s (4/s): 1 added, 0 already in the archive, 1 rejected; 52 files in folders skipped.',
    );
    expect(lines[1]).toBe(
      '  rejected empty.txt: The file is empty. Check the file on disk, or import the text as a .txt file.',
    );
    expect(lines.filter((line) => line.startsWith('  skipped '))).toHaveLength(MAX_LISTED_ITEMS);
    expect(lines.at(-1)).toBe('  … and 2 more skipped');
    expect(formatImportSummary({ added: 1, duplicates: 0, rejected: [], skipped: [], seconds: 1 })[0]).toMatch(
      /^Imported 1 item in/,
    );
  });
});
