/**
 * `npm run soak:pathological`: starts a real local server (the `npm start` app and embedded
 * storage, on 127.0.0.1 with a throwaway data folder), uploads every pathological input
 * (test/fixtures/pathological-uploads.ts) and searches it, watching the server's event loop
 * (`monitorEventLoopDelay`), while a probe asks it a cheap search every few milliseconds (the
 * probe's longest wait is what another user saw, stall and queueing together).
 * Bounded: `--rounds` (1–5) passes over the inputs, and it stops by itself after SOAK_TIME_LIMIT_MS.
 * The last line is a JSON summary; the exit code is 1 when any answer was a 5xx or a search failed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { createApp } from '../../functions/http/create-app.ts';
import { startLocalArchive } from '../../functions/local/start-local-archive.ts';
import { formOf, pathologicalUploads, variantOf } from '../fixtures/pathological-uploads.ts';

/** The whole run stops after this, whatever is left. */
const SOAK_TIME_LIMIT_MS = 300_000;
/** How often the probe asks; its answer time minus nothing is the stall it saw. */
const PROBE_EVERY_MS = 20;
const MAX_ROUNDS = 5;

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '1' } } });
const rounds = Math.min(MAX_ROUNDS, Math.max(1, Number(values.rounds) || 1));
const started = performance.now();
const dataDir = mkdtempSync(join(tmpdir(), 'verbatim-soak-'));

// The server runs in this process, as `npm start` runs it (same app, same embedded storage), so
// its event loop can be watched directly; the client's own work here is small (forms are built
// before they are sent).
const local = await startLocalArchive({ VERBATIM_DATA_DIR: dataDir });
const server = serve({ fetch: createApp({ archive: local.archive }).fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((resolve) => server.once('listening', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

// A first upload and search load the parsers, start the parsing worker and open the index: a
// cold start, which every server pays once, not a stall a document causes. Done before probing.
const warmUp = formOf({
  name: 'warm-up',
  path: '/api/documents',
  fileName: 'warm-up.txt',
  contentType: 'text/plain',
  bytes: new TextEncoder().encode('The soak began, the operator said.'),
});
await fetch(`${base}/api/documents`, { method: 'POST', body: warmUp }).then((r) => r.arrayBuffer());
await fetch(`${base}/api/search?q=said`).then((r) => r.arrayBuffer());

let phase = 'idle';
let longest = { ms: 0, during: 'idle' };
let longestStall = { ms: 0, during: 'none' };
let probes = 0;
const perInput = new Map<string, number>();
let probing = true;
const probe = (async () => {
  while (probing) {
    const sent = performance.now();
    await fetch(`${base}/api/search?q=probe`).then((r) => r.arrayBuffer());
    const waited = performance.now() - sent;
    probes++;
    if (waited > longest.ms) longest = { ms: Math.round(waited), during: phase };
    perInput.set(phase, Math.max(perInput.get(phase) ?? 0, Math.round(waited)));
    await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS));
  }
})();

const answers: Record<string, number> = {};
let failures = 0;
let uploads = 0;
const inputs = pathologicalUploads();
try {
  outer: for (let round = 1; round <= rounds; round++) {
    for (const input of inputs) {
      if (performance.now() - started > SOAK_TIME_LIMIT_MS) break outer;
      const upload = round === 1 ? input : variantOf(input, round);
      const body = formOf(upload);
      phase = upload.name;
      const delay = monitorEventLoopDelay({ resolution: 10 });
      delay.enable();
      const sent = performance.now();
      const response = await fetch(`${base}${upload.path}`, { method: 'POST', body });
      const answer = (await response.json()) as { error?: { code: string } };
      const search = await fetch(`${base}/api/search?q=said`);
      await search.arrayBuffer();
      // A stall is recorded when the loop runs again: give it a tick before reading.
      await new Promise((resolve) => setTimeout(resolve, 20));
      delay.disable();
      phase = 'idle';
      uploads++;
      const stall = Math.round(delay.max / 1e6);
      if (stall > longestStall.ms) longestStall = { ms: stall, during: upload.name };
      const waited = perInput.get(upload.name) ?? 0;
      const key = `${response.status}${answer.error ? ` ${answer.error.code}` : ''}`;
      answers[key] = (answers[key] ?? 0) + 1;
      if (response.status >= 500 || search.status !== 200) failures++;
      console.log(
        `${upload.name}: ${key} in ${Math.round(performance.now() - sent)} ms; search ${search.status}; event loop stalled at most ${stall} ms; probe waited at most ${waited} ms`,
      );
    }
  }
} finally {
  probing = false;
  await probe;
  server.close();
  await local.close();
  rmSync(dataDir, { recursive: true, force: true });
}

console.log(
  JSON.stringify({
    soak: 'pathological-uploads',
    rounds,
    uploads,
    answers,
    failures,
    probes,
    longestStallMs: longestStall.ms,
    longestStallDuring: longestStall.during,
    longestProbeWaitMs: longest.ms,
    longestProbeWaitDuring: longest.during,
    elapsedMs: Math.round(performance.now() - started),
  }),
);
process.exit(failures > 0 ? 1 : 0);
