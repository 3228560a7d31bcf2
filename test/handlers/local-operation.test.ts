import type { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../functions/local/data-folder-lock.ts';
import { runEntryPoint } from '../helpers/run-entry-point.ts';

let dataDir = '';
const children: Array<ReturnType<typeof spawn>> = [];

/** Runs one of the package's entry points as `npm start` / `npm run import` would. */
function run(script: string, args: string[] = []) {
  const started = runEntryPoint(script, args, { VERBATIM_DATA_DIR: dataDir, PORT: '0', VERBATIM_API_TOKEN: '' });
  children.push(started.child);
  return started;
}

async function lockUrl(): Promise<string> {
  for (let waited = 0; waited < 60_000; waited += 200) {
    // No lock yet: null. The lock is replaced in one step (rename), so it always parses.
    const lock = await readFile(join(dataDir, LOCK_FILE), 'utf8').then(
      (text) => JSON.parse(text) as { url: string | null },
      () => null,
    );
    if (lock?.url) return lock.url;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the server never announced its URL');
}

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('npm start and npm run import on one data folder', () => {
  it('a second server names the first in one line; an import goes through the running server', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'verbatim-local-op-'));
    const first = run('functions/handlers/local.ts');
    const url = await lockUrl();

    const second = run('functions/handlers/local.ts');
    expect(await second.exited).toBe(1);
    const lines = second.output.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`pid ${first.child.pid}`);
    expect(lines[0]).toContain(url);

    const file = join(dataDir, 'articles.jsonl');
    await writeFile(
      file,
      `${JSON.stringify({ title: 'Kiln reopens', text: 'The pottery kiln at Oxwich reopened on Monday after repairs.' })}\n`,
    );
    const imported = run('functions/handlers/import-cli.ts', [file]);
    expect(await imported.exited).toBe(0);
    expect(imported.output.stdout).toContain(`Importing through the running server at ${url}`);
    expect(imported.output.stdout).toContain('1 added');
    const search = (await (await fetch(`${url}/api/search?q=oxwich`)).json()) as { total: number };
    expect(search.total).toBe(1);

    // An upload whose request is in flight when the server is told to stop still gets its answer
    // and is stored: its body arrives in two parts, the second after the SIGTERM.
    const encoder = new TextEncoder();
    let body!: ReadableStreamDefaultController<Uint8Array>;
    const stream = new ReadableStream<Uint8Array>({ start: (controller) => void (body = controller) });
    body.enqueue(encoder.encode('{"title":"Late ferry","text":"The ferry to Oxwich'));
    const upload = fetch(`${url}/api/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    await new Promise((resolve) => setTimeout(resolve, 500));
    first.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    body.enqueue(encoder.encode(' left late on Tuesday, the harbour master said."}'));
    body.close();
    expect((await upload).status).toBe(201);
    expect(await first.exited).toBe(0);
    expect(await readFile(join(dataDir, LOCK_FILE), 'utf8').catch(() => null)).toBeNull();

    const again = run('functions/handlers/local.ts');
    const ferry = (await (await fetch(`${await lockUrl()}/api/search?q=ferry`)).json()) as { total: number };
    expect(ferry.total).toBe(1);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  }, 120_000);
});
