/**
 * Article metadata from an HTML page's head: Open Graph and article meta tags, JSON-LD (what news
 * sites publish for search engines), `<link rel="canonical">`, and `<time datetime>`.
 */
import type { RawMetadata } from './clean-metadata.ts';

/** JSON-LD types that describe the article itself (not the site, the breadcrumb, the author…). */
const ARTICLE_TYPE = /Article|BlogPosting|Report|NewsArticle|LiveBlogPosting/;

type JsonObject = Record<string, unknown>;

/**
 * Read metadata candidates from a parsed HTML document, most reliable source first: explicit
 * meta tags and JSON-LD before a guess from the first `<time>` element. Values are raw; pass the
 * result through `cleanMetadata`.
 *
 * @example
 * ```ts
 * const { document } = parseHTML('<html><head><meta property="og:site_name" content="The Daily"></head></html>');
 * readHtmlMetadata(document).publisher; // => 'The Daily'
 * ```
 */
export function readHtmlMetadata(document: Document): RawMetadata {
  const ld = findArticleLd(document);
  const meta = (...keys: string[]) => readMeta(document, keys);
  // A <time> states the publication date only in the article's header; one in the story or a
  // sidebar ("related: 3 May") is some other date.
  const time = document.querySelector(
    'time[pubdate][datetime], time[itemprop="datePublished"][datetime], article header time[datetime], header time[datetime], [class*="byline"] time[datetime], [class*="dateline"] time[datetime]',
  );
  const authorMeta = meta('author', 'article:author', 'parsely-author', 'sailthru.author');
  return {
    title: ld?.headline ?? meta('og:title', 'twitter:title'),
    author: ld?.author ?? (authorMeta && !/^https?:/.test(authorMeta) ? authorMeta : undefined),
    publishedAt:
      meta(
        'article:published_time',
        'datePublished',
        'og:published_time',
        'pubdate',
        'publishdate',
        'date',
        'dc.date.issued',
        'dcterms.created',
      ) ??
      ld?.datePublished ??
      time?.getAttribute('datetime'),
    publisher: meta('og:site_name', 'application-name') ?? ld?.publisher,
    url:
      document.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
      meta('og:url') ??
      (typeof ld?.url === 'string' ? ld.url : undefined),
  };
}

/** `<meta property|name|itemprop="key" content="…">`, first key found, case-insensitive. */
function readMeta(document: Document, keys: string[]): string | undefined {
  const wanted = keys.map((key) => key.toLowerCase());
  const found = new Map<string, string>();
  for (const element of Array.from(document.querySelectorAll('meta[content]'))) {
    const key = (
      element.getAttribute('property') ??
      element.getAttribute('name') ??
      element.getAttribute('itemprop')
    )?.toLowerCase();
    const content = element.getAttribute('content')?.trim();
    if (key && content && !found.has(key)) found.set(key, content);
  }
  for (const key of wanted) if (found.has(key)) return found.get(key);
  return undefined;
}

/** The first JSON-LD object describing an article; unparseable blocks are skipped. */
function findArticleLd(document: Document): JsonObject | undefined {
  const candidates: JsonObject[] = [];
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      flatten(JSON.parse(script.textContent ?? ''), candidates);
    } catch {
      // Broken JSON-LD is common in the wild; the other sources still apply.
    }
  }
  return candidates.find((item) => ARTICLE_TYPE.test(String(item['@type'] ?? '')));
}

function flatten(value: unknown, out: JsonObject[]): void {
  if (Array.isArray(value)) value.forEach((item) => flatten(item, out));
  else if (value && typeof value === 'object') {
    out.push(value as JsonObject);
    flatten((value as JsonObject)['@graph'], out);
  }
}
