/**
 * The UI's static files (CSS and the client script) in `web/static/`, served by the app itself so
 * the Content-Security-Policy can stay `'self'`. URLs carry a content hash, so browsers may cache
 * them forever and still pick up a new version at once.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

/** A static file, ready to serve. */
export interface Asset {
  body: string;
  contentType: string;
  /** The versioned URL pages link to. */
  url: string;
}

const TYPES: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
};

/** The files that exist; anything else under /assets/ is a 404, never a path on disk. */
export const ASSET_NAMES = ['site.css', 'app.js', 'favicon.svg'] as const;
export type AssetName = (typeof ASSET_NAMES)[number];

const cache = new Map<AssetName, Asset>();

/**
 * `static/` beside this module in the source tree and beside the handler in the bundle. esbuild may
 * put this module into a shared chunk under `chunks/` (the views import it lazily), one folder
 * below the copied `static/`, so both places are tried, nearest first.
 */
function staticFolder(): URL {
  const candidates = [new URL('./static/', import.meta.url), new URL('../static/', import.meta.url)];
  return candidates.find((url) => existsSync(url)) ?? candidates[0];
}

/**
 * @example
 * ```ts
 * loadAsset('site.css').url; // '/assets/site.css?v=3f2a9c0d'
 * ```
 */
export function loadAsset(name: AssetName): Asset {
  let asset = cache.get(name);
  if (!asset) {
    // Read once per process: these files change only with a deploy.
    const body = readFileSync(new URL(name, staticFolder()), 'utf8');
    const version = createHash('sha256').update(body).digest('hex').slice(0, 10);
    asset = { body, contentType: TYPES[name.split('.').pop()!], url: `/assets/${name}?v=${version}` };
    cache.set(name, asset);
  }
  return asset;
}
