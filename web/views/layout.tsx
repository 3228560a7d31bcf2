/**
 * The frame every page shares: head, skip link, site header and navigation, footer. CSS and the
 * client script are external files (the CSP forbids inline ones); the script is a deferred module,
 * so pages work fully before — or without — it.
 */
import type { Child } from 'hono/jsx';
import { loadAsset } from '../assets.ts';

/** Which navigation entry is the current page. */
export type Section = 'search' | 'quotes' | 'upload' | 'document' | 'error';

const NAV: Array<{ section: Section; href: string; label: string }> = [
  { section: 'search', href: '/', label: 'Search' },
  { section: 'quotes', href: '/quotes', label: 'Check a quote' },
  { section: 'upload', href: '/upload', label: 'Upload' },
];

/**
 * @example
 * ```tsx
 * <Layout title="Search" section="search"><h1>…</h1></Layout>
 * ```
 */
export function Layout(props: { title: string; section: Section; children?: Child; description?: string }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>{props.title ? `${props.title} · Verbatim` : 'Verbatim'}</title>
        <meta
          name="description"
          content={
            props.description ?? 'Verbatim: an archive of source articles to search, read and check quotes against.'
          }
        />
        <link rel="icon" type="image/svg+xml" href={loadAsset('favicon.svg').url} />
        <link rel="stylesheet" href={loadAsset('site.css').url} />
        <script type="module" src={loadAsset('app.js').url}></script>
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="site-header">
          <div class="site-header__inner">
            <a class="brand" href="/">
              <span class="brand__mark" aria-hidden="true">
                “
              </span>
              Verbatim
            </a>
            <nav aria-label="Main">
              <ul class="nav">
                {NAV.map((item) => (
                  <li>
                    <a href={item.href} aria-current={item.section === props.section ? 'page' : undefined}>
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" class={`page page--${props.section}`} tabindex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <p>
            Verbatim keeps the original words: every document is stored exactly as uploaded, with its SHA-256, so a
            quote can always be checked against its source. <a href="/api/openapi.json">API</a>
          </p>
        </footer>
      </body>
    </html>
  );
}
