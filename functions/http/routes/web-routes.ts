/**
 * The web UI: server-rendered pages (search, document, check a quote, upload) and their static
 * files. Pages run on a sub-app with its own error handler, so a missing document is an HTML page
 * for a person while `/api/*` keeps answering in JSON.
 */
import { Hono, type Context } from 'hono';
import { html } from 'hono/html';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { findQuotes, type QuoteSearch } from '../../app/find-quotes.ts';
import { readDocument } from '../../app/read-document.ts';
import { archiveExamples } from '../../app/archive-examples.ts';
import { searchArchive, type SearchPage as Results } from '../../app/search-archive.ts';
import { highlightQuery } from '../../app/highlight-query.ts';
import { tryParseQuery } from '../../app/try-parse-query.ts';
import { findRelated } from '../../app/find-related.ts';
import { VerbatimError } from '../../core/errors.ts';
import type { ParsedQuery } from '../../core/search/index.ts';
import { ASSET_NAMES, loadAsset, type AssetName } from '../../../web/assets.ts';
import { speakerQuotes } from '../../app/speaker-quotes.ts';
import type { Pages } from '../../../web/views/pages.tsx';
import type { AppDeps } from '../app-deps.ts';
import { writeTokensOf } from '../require-writer.ts';
import { listLinked } from '../../app/list-copies.ts';
import { compareCopy } from '../../app/compare-copy.ts';

/**
 * Pages load only their own CSS and script, and nothing from a document can run: no inline script
 * or style, no plugins, no `<base>` rewriting, no framing (clickjacking), forms post only here.
 */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const PER_PAGE = 10;
const MAX_PAGE = 1000;
const MAX_CLAIM_CHARS = 2000;
const DOCUMENT_ID = /^[0-9a-f]{16}$/;

/**
 * Sends a page with the CSP; pages depend on the archive's state, so they are never cached. The
 * views are imported here, on the first page request, so the API's cold start never loads them.
 */
async function page(c: Context, draw: (pages: Pages) => JSX.Element, status: 200 | 400 | 404 | 500 = 200) {
  const { pages } = await import('../../../web/views/pages.tsx');
  c.header('content-security-policy', PAGE_CSP);
  c.header('cache-control', 'no-store');
  return c.html(html`<!doctype html>${draw(pages)}`, status);
}

/** `?at=120-212`, if it is a real range of the text. */
function parseRange(value: string | undefined, length: number): [number, number] | null {
  const match = /^(\d+)-(\d+)$/.exec(value ?? '');
  if (!match) return null;
  const [start, end] = [Number(match[1]), Number(match[2])];
  return start < end && end <= length ? [start, end] : null;
}

/**
 * The pages and their static files, mounted with `app.route('/', webRoutes(deps))` after the API.
 *
 * @example
 * ```ts
 * const response = await webRoutes(deps).request('/?q=embassy');
 * ```
 */
export function webRoutes(deps: AppDeps): Hono {
  const web = new Hono();
  const { archive } = deps;

  web.get('/assets/:name', (c) => {
    const name = c.req.param('name') as AssetName;
    if (!ASSET_NAMES.includes(name)) return page(c, (p) => p.error(404, 'There is no such file.'), 404);
    const asset = loadAsset(name);
    // Versioned URLs never change content; an unversioned request gets revalidated.
    const immutable = c.req.query('v') === asset.url.split('v=')[1];
    return c.body(asset.body, 200, {
      'content-type': asset.contentType,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    });
  });

  // Browsers and feed readers ask for /favicon.ico whatever the page links to.
  web.get('/favicon.ico', (c) => c.redirect(loadAsset('favicon.svg').url, 301));

  web.get('/', async (c) => {
    const q = (c.req.query('q') ?? '').trim();
    const pageNumber = Math.min(MAX_PAGE, Math.max(1, Number.parseInt(c.req.query('page') ?? '1', 10) || 1));
    const index = await archive.index.current();
    const documentCount = index.documentCount;
    let results: Results | null = null;
    let parsed: ParsedQuery | null = null;
    let error: string | null = null;
    if (q) {
      ({ parsed, error } = tryParseQuery(q));
      if (parsed) results = await searchArchive(archive, { q, limit: PER_PAGE, offset: (pageNumber - 1) * PER_PAGE });
    }
    const examples = await archiveExamples(archive, index);
    const props = { q, page: pageNumber, perPage: PER_PAGE, documentCount, results, parsed, error, examples };
    return page(c, (p) => p.search(props), error ? 400 : 200);
  });

  web.get('/documents/:id', async (c) => {
    const id = c.req.param('id');
    if (!DOCUMENT_ID.test(id)) return page(c, (p) => p.error(404, `There is no document with id "${id}".`), 404);
    const document = await readDocument(archive, id);
    const at = parseRange(c.req.query('at'), document.text.length);
    const hl = c.req.query('hl');
    const hits = hl ? highlightQuery(document, hl) : [];
    const [copies, stories] = await Promise.all([listLinked(archive, id, 'copy'), listLinked(archive, id, 'story')]);
    const [related, comparison] = await Promise.all([
      findRelated(archive, document, copies, stories),
      compareCopy(archive, document, copies, c.req.query('compare')),
    ]);
    const props = { document, at, hits, related, copies, comparison, origin: new URL(c.req.url).origin };
    return page(c, (p) => p.document(props));
  });

  web.get('/quotes', async (c) => {
    const q = (c.req.query('q') ?? '').trim();
    const speaker = (c.req.query('speaker') ?? '').trim().slice(0, 200);
    const index = await archive.index.current();
    const documentCount = index.documentCount;
    let search: QuoteSearch | null = null;
    let error: string | null = null;
    if (q.length > MAX_CLAIM_CHARS)
      error = `The quote is ${q.length} characters long; check at most ${MAX_CLAIM_CHARS} at a time.`;
    else if (q) search = await findQuotes(archive, { q, speaker: speaker || undefined, limit: 5 });
    const props = { q, speaker, search, error, documentCount, origin: new URL(c.req.url).origin };
    return page(c, (p) => p.quotes(props), error ? 400 : 200);
  });

  web.get('/speakers/:name', async (c) => {
    const name = c.req.param('name').slice(0, MAX_CLAIM_CHARS);
    const speaker = await speakerQuotes(archive, name);
    return page(c, (p) => p.speaker({ speaker }));
  });

  web.get('/upload', (c) => {
    const props = { tokenRequired: writeTokensOf(deps).length > 0, maxUploadBytes: archive.limits.maxUploadBytes };
    return page(c, (p) => p.upload(props));
  });

  web.onError((error, c) => {
    if (error instanceof VerbatimError && error.status < 500) {
      const status = error.status;
      return page(c, (p) => p.error(status, error.message), status === 404 ? 404 : 400);
    }
    console.error('Unhandled error on a page', error);
    return page(c, (p) => p.error(500, 'Something went wrong on our side. Try again in a moment.'), 500);
  });
  return web;
}
