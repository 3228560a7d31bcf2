/**
 * The api function as `cdk synth` ships it (esbuild with code splitting), loaded in a fresh Node
 * process the way Lambda loads it. A search's cold start must not evaluate any upload parser:
 * each module file Node loaded is mapped, through its source map, to the sources it holds. Then
 * the same process archives a PDF and a DOCX through the bundle, so the parser chunks shipped
 * beside the handler are shown to load when an upload needs them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compactIndex } from '../../functions/app/compact-index.ts';
import { ingestDocument } from '../../functions/app/ingest-document.ts';
import { startLocalArchive, type LocalArchive } from '../../functions/local/start-local-archive.ts';
import { bundleScript } from '../bench/bundle-script.ts';
import { COLD_START_SCRIPT, measureColdStart, type ColdStart } from '../bench/measure-cold-start.ts';
import { makeDocx } from '../fixtures/formats/make-docx.ts';
import { makePdf } from '../fixtures/formats/make-pdf.ts';
import { apiGatewayEvent } from '../helpers/api-gateway-event.ts';
import { findShippedHandler, synthAssembly, type ShippedHandler } from '../helpers/shipped-handler.ts';

// CDK's CloudFormation validation adds ~5 s per synth and checks nothing asserted here.
process.env.CDK_VALIDATION = 'false';

/** Packages only an upload needs: PDF, DOCX, HTML and Markdown parsing and their DOM. */
const HEAVY = /node_modules\/(unpdf|mammoth|@mozilla\/readability|linkedom|micromark[^/]*|mdast-util-[^/]*)\//;
/** What only an upload, an export or a copy comparison needs (see the lazy imports in http/routes). */
const UPLOAD_PATH =
  /node_modules\/(chrono-node|csv-stringify|diff)\/|functions\/app\/(ingest-document|ingest-batch|prepare-document)\.ts|functions\/core\/quotes\//;
/** The pages' views and the JSX runtime: only a page request imports them (web-routes.ts). */
const PAGES = /web\/views\/.*\.tsx$|node_modules\/hono\/dist\/jsx\//;
const TOKEN = 'shipped-bundle-test-token-0123456789';

/** Every source file the loaded module files were built from, read from their source maps. */
function sourcesOf(moduleUrls: string[]): string[] {
  return moduleUrls.flatMap((url) => {
    const file = fileURLToPath(url);
    const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[] };
    return map.sources;
  });
}

/** A multipart upload as API Gateway delivers a binary body: base64. */
function uploadEvent(name: string, contentType: string, bytes: Uint8Array) {
  const boundary = 'verbatim-shipped-bundle';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  const body = Buffer.concat([Buffer.from(head), Buffer.from(bytes), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return apiGatewayEvent('POST', '/api/documents', {
    body: body.toString('base64'),
    isBase64Encoded: true,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, authorization: `Bearer ${TOKEN}` },
  });
}

let outdir: string;
let local: LocalArchive;
let shipped: ShippedHandler;
let cold: ColdStart;

beforeAll(async () => {
  outdir = await mkdtemp(join(tmpdir(), 'verbatim-shipped-'));
  shipped = findShippedHandler(synthAssembly(join(outdir, 'cdk.out')));
  const child = await bundleScript(COLD_START_SCRIPT, join(outdir, 'cold-start.mjs'));
  local = await startLocalArchive({}, { persistent: false });
  const text = (what: string) =>
    new TextEncoder().encode(
      `The harbour board met on Tuesday about ${what}. "We will decide in spring," said chair Rosa Lind.`,
    );
  for (const what of ['the lighthouse', 'the ferry timetable', 'dredging the channel']) {
    await ingestDocument(local.archive, { file: { bytes: text(what), contentType: 'text/plain; charset=utf-8' } });
  }
  await compactIndex(local.archive);
  const pdf = makePdf({
    pages: [
      [
        'Lighthouse keeper retires after forty years',
        '',
        '"I will miss the storms most of all," said keeper Ola Nystrom.',
      ],
    ],
    info: { title: 'Lighthouse keeper retires' },
  });
  const docx = await makeDocx({
    paragraphs: [
      'Gull Point council approved a new seawall on Monday.',
      '"The sea will not wait," said councillor Ines Duarte.',
    ],
    title: 'Council approves seawall',
  });
  const events = join(outdir, 'then-events.json');
  await writeFile(
    events,
    JSON.stringify([
      uploadEvent('keeper.pdf', 'application/pdf', pdf),
      uploadEvent('seawall.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', docx),
      apiGatewayEvent('GET', '/api/search', { query: 'q=harbour&limit=1000' }),
      apiGatewayEvent('GET', '/', { query: 'q=harbour' }),
    ]),
  );
  cold = await measureColdStart(
    child,
    shipped,
    { ...local.config, apiTokens: [{ name: 'default', token: TOKEN }] },
    'harbour board',
    { traceModules: true, thenEventsFile: events },
  );
}, 180_000);
afterAll(async () => {
  await local?.close();
  if (outdir) await rm(outdir, { recursive: true, force: true });
});

describe('the shipped api bundle', () => {
  it('answers a search on its cold start without evaluating any upload parser', () => {
    expect(cold.firstQueryTotal).toBe(3);
    const loaded = cold.modulesAtAnswer!.filter((url) => fileURLToPath(url).startsWith(shipped.assetDir));
    expect(loaded.map((url) => fileURLToPath(url))).toContain(shipped.file);
    const sources = sourcesOf(loaded);
    // The search engine is there (the check can see sources), and no parser is.
    expect(sources.some((s) => s.includes('functions/core/search/'))).toBe(true);
    expect(sources.filter((s) => HEAVY.test(s))).toEqual([]);
    // Nor the rest of the upload path: ingest, quote extraction, date parsing, the CSV writer and
    // the copy diff are imported on first use (document-routes.ts, upload-limits.ts).
    expect(sources.filter((s) => UPLOAD_PATH.test(s))).toEqual([]);
    // Nor the pages: an API call renders no HTML.
    expect(sources.filter((s) => PAGES.test(s))).toEqual([]);
    // zod's messages in English only: its other locales are not shipped (split-bundle-code.ts).
    expect(new Set(sources.filter((s) => /zod\/v4\/locales\//.test(s)).map((s) => s.split('/').pop()))).toEqual(
      new Set(['en.js']),
    );
  });

  it('still explains a bad request in English with only zod’s English locale shipped', () => {
    const bad = cold.then![2]!;
    expect(bad.statusCode).toBe(400);
    const { error } = JSON.parse(bad.body) as { error: { code: string; message: string } };
    expect(error.code).toBe('bad_request');
    expect(error.message).toMatch(/limit/i);
    expect(error.message).toMatch(/100/);
  });

  it('renders a page through the bundle, loading the views on that first page request', () => {
    const searchPage = cold.then![3]!;
    expect(searchPage.statusCode).toBe(200);
    expect(searchPage.body).toMatch(/<!doctype html>/i);
    expect(searchPage.body).toMatch(/harbour/i);
    const loaded = sourcesOf(cold.modulesAtEnd!.filter((url) => fileURLToPath(url).startsWith(shipped.assetDir)));
    expect(loaded.some((source) => /web\/views\/search-page\.tsx/.test(source))).toBe(true);
  });

  it('archives a PDF and a DOCX through the bundle; their parsers run in the worker, never on the request thread', () => {
    expect(cold.then!.slice(0, 2).map((r) => r.statusCode)).toEqual([201, 201]);
    expect(cold.then!.slice(0, 2).map((r) => (JSON.parse(r.body) as { title: string }).title)).toEqual([
      'Lighthouse keeper retires',
      'Council approves seawall',
    ]);
    // Uploads are parsed in prepare-worker.mjs (a worker thread), so even after two uploads the
    // request thread has loaded no parser chunk.
    const loaded = sourcesOf(cold.modulesAtEnd!.filter((url) => fileURLToPath(url).startsWith(shipped.assetDir)));
    expect(loaded.filter((source) => HEAVY.test(source))).toEqual([]);
    // The same source-map check does see the parsers in the chunks shipped on disk.
    const chunks = readdirSync(join(shipped.assetDir, 'chunks')).filter((name) => name.endsWith('.mjs'));
    const shippedSources = sourcesOf(chunks.map((name) => pathToFileURL(join(shipped.assetDir, 'chunks', name)).href));
    expect(shippedSources.some((source) => /node_modules\/unpdf\//.test(source))).toBe(true);
    expect(shippedSources.some((source) => /node_modules\/mammoth\//.test(source))).toBe(true);
  });
});
