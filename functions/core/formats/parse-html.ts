/**
 * HTML uploads: usually a saved web page, with menus, ads and scripts around the article.
 * Mozilla's Readability (the Firefox Reader View engine) finds the article; linkedom supplies a
 * light, dependency-free DOM for it to run on (jsdom is ~10× heavier to load in a Lambda).
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { VerbatimError } from '../errors.ts';
import { cleanMetadata } from './clean-metadata.ts';
import { decodeText } from './decode-text.ts';
import { readHtmlMetadata } from './html-metadata.ts';
import { htmlToText } from './html-to-text.ts';
import type { ParsedSource } from './parsed-source.ts';

const NAVIGATION = 'nav, [role="navigation"]';
/**
 * Deepest element nesting read. Readability on linkedom is superlinear in depth (measured here:
 * 100 levels 0.3 s, 200 levels 0.6 s, 390 levels 3.5 s; 3,000 levels 49 s), and real pages nest a
 * few dozen levels. The check itself walks the DOM once (5,000 levels: ~30 ms).
 */
export const MAX_HTML_DEPTH = 256;
/** Page chrome removed before the whole body is used as the text (when Readability gives up). */
const CHROME = `${NAVIGATION}, footer, aside, form, [role="banner"], [role="contentinfo"], [aria-hidden="true"]`;

/**
 * Parse an HTML upload: the article's text with its paragraphs (block elements become blank-line
 * separated paragraphs; scripts, styles and embeds never reach the text), and its title, author,
 * published time, publisher and canonical URL. When Readability finds no article (very short
 * pages), the body's text without navigation and footers is used instead.
 *
 * @throws VerbatimError `invalid_text` when the bytes are binary or in an undecodable charset.
 * @example
 * ```ts
 * await parseHtml(new TextEncoder().encode('<title>Hi</title><p>One.</p><p>Two.</p>'));
 * // => { text: 'One.\n\nTwo.', metadata: { title: 'Hi' }, format: 'html' }
 * ```
 */
export function parseHtml(bytes: Uint8Array, charset?: string): ParsedSource {
  // Browsers decode undeclared non-UTF-8 pages as windows-1252; saved legacy pages expect that.
  const html = withBody(decodeText(bytes, { charset: charset ?? sniffMetaCharset(bytes), fallback: 'windows-1252' }));

  // Readability rewrites the document it is given, so it gets its own copy. Menus marked up as
  // such are never article text, and Readability keeps them on short pages.
  const page = parseHTML(html).document as unknown as Document;
  // Building the DOM is linear; what runs on it is not. Refuse before Readability starts.
  if (deeperThan(page.documentElement, MAX_HTML_DEPTH)) {
    throw new VerbatimError(
      'too_complex',
      `The page nests elements more than ${MAX_HTML_DEPTH} levels deep, which no article needs. Nothing was stored.`,
    );
  }
  const copy = parseHTML(html).document as unknown as Document;
  for (const element of Array.from(copy.querySelectorAll(NAVIGATION))) element.remove();
  const article = new Readability(copy, { serializer: (node: Node) => node }).parse();

  let text = article?.content ? htmlToText(article.content) : '';
  if (!/[\p{L}\p{N}]/u.test(text) && page.body) {
    for (const element of Array.from(page.body.querySelectorAll(CHROME))) element.remove();
    text = htmlToText(page.body);
  }

  const found = readHtmlMetadata(page);
  const metadata = cleanMetadata({
    ...found,
    // Readability's title drops the " - Site Name" suffix that <title> usually carries.
    title: found.title ?? article?.title ?? page.querySelector('title')?.textContent,
    author: found.author ?? article?.byline,
    publishedAt: found.publishedAt ?? article?.publishedTime,
    publisher: found.publisher ?? article?.siteName,
  });
  return { text, metadata, format: 'html' };
}

/** Whether any element sits more than `max` levels below `root` (iterative: no recursion limit). */
function deeperThan(root: Element | null, max: number): boolean {
  const stack: Array<[Element, number]> = root ? [[root, 0]] : [];
  while (stack.length > 0) {
    const [element, depth] = stack.pop()!;
    if (depth > max) return true;
    for (const child of Array.from(element.children)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * linkedom does not build the implied `<html><body>` of a fragment or of a page that leaves them
 * out (valid HTML), and would leave the text outside `body`; so wrap such markup in them.
 */
function withBody(html: string): string {
  if (/<body[\s>]/i.test(html)) return html;
  const inner = html.replace(/<!doctype[^>]*>|<\/?html\b[^>]*>/gi, '');
  return `<!doctype html><html><body>${inner}</body></html>`;
}

/**
 * The charset a page declares in its first 1024 bytes (`<meta charset="…">` or the http-equiv
 * form), as the HTML standard's prescan does.
 */
function sniffMetaCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
}
