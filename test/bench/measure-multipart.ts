/**
 * Reading a multipart upload on the request thread: Hono's `parseBody` (undici's form-data
 * parser) against @remix-run/multipart-parser, which hands out each part's raw bytes (what strict
 * UTF-8 for text fields needs). One 10 MB file and two text fields, median of `--runs`:
 *
 *   node --import tsx test/bench/measure-multipart.ts --runs 7
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Hono } from 'hono';
import { parseMultipartRequest } from '@remix-run/multipart-parser';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '7' }, mb: { type: 'string', default: '10' } },
});
const bytes = new TextEncoder().encode('The council said road 12 would close. '.repeat((Number(values.mb) << 20) / 38));
const form = new FormData();
form.set('title', 'A title');
form.set('publisher', 'A publisher');
form.set('file', new File([bytes], 'big.txt', { type: 'text/plain' }));
const encoded = new Response(form);
const type = encoded.headers.get('content-type')!;
const body = new Uint8Array(await encoded.arrayBuffer());

const app = new Hono()
  .post('/hono', async (c) => c.json({ size: ((await c.req.parseBody()).file as File).size }))
  .post('/remix', async (c) => {
    let size = 0;
    for await (const part of parseMultipartRequest(c.req.raw, { maxFileSize: 1 << 30 }))
      if (part.isFile) size = part.size;
    return c.json({ size });
  });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const times: Record<string, number[]> = { hono: [], remix: [] };
const stalls: Record<string, number[]> = { hono: [], remix: [] };
for (let run = 0; run < Number(values.runs); run++) {
  for (const name of Object.keys(times)) {
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const started = performance.now();
    const answer = (await (
      await app.request(`/${name}`, { method: 'POST', body, headers: { 'content-type': type } })
    ).json()) as { size: number };
    times[name].push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 10));
    delay.disable();
    stalls[name].push(delay.max / 1e6);
    if (answer.size !== bytes.byteLength) throw new Error(`${name} read ${answer.size} bytes`);
  }
}
const medians = (all: Record<string, number[]>) =>
  Object.fromEntries(Object.entries(all).map(([name, xs]) => [name, Math.round(median(xs) * 10) / 10]));
const [ms, stall] = [medians(times), medians(stalls)];
const ratio = (m: Record<string, number>) => Math.round((m.remix / m.hono) * 100) / 100;
console.log(
  JSON.stringify({
    mb: Number(values.mb),
    runs: Number(values.runs),
    medianMs: ms,
    msRatio: ratio(ms),
    medianStallMs: stall,
    stallRatio: ratio(stall),
  }),
);
