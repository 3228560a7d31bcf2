/**
 * Markdown uploads. Library: `mdast-util-from-markdown` (the micromark/unified parser: strict
 * CommonMark, maintained, typed, ESM, no dependencies outside its own ecosystem) with the GFM
 * extension (tables, strikethrough, autolinks, footnotes — what people actually write) and the
 * front-matter extension, so YAML metadata becomes a node instead of leaking into the text. It
 * gives a syntax tree, which is what is needed here: walking blocks keeps paragraphs apart and
 * lets links keep their text while URLs and images are dropped.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { parse as parseYaml } from 'yaml';
import { cleanMetadata } from './clean-metadata.ts';
import { decodeText } from './decode-text.ts';
import type { ParsedSource } from './parsed-source.ts';

/** The few mdast fields read here (the full types live in `@types/mdast`). */
interface MdNode {
  type: string;
  value?: string;
  depth?: number;
  children?: MdNode[];
}

/** Blocks whose children are blocks: walk into them. */
const CONTAINERS = new Set(['root', 'blockquote', 'list', 'listItem', 'footnoteDefinition']);

/**
 * Parse a `text/markdown` upload into plain text: headings, paragraphs, list items, table rows and
 * code blocks become paragraphs; emphasis and links keep their text; URLs, images and raw HTML
 * tags are dropped. Title from YAML front matter `title:` or else the first `# ` heading; front
 * matter `author`, `date`, `url` and `publisher` are read too.
 *
 * @throws VerbatimError `invalid_text` for invalid UTF-8 or binary content.
 * @example
 * ```ts
 * parseMarkdown(new TextEncoder().encode('# Big news\n\nSee [the report](https://x.test).'));
 * // => { text: 'Big news\n\nSee the report.', metadata: { title: 'Big news' }, format: 'markdown' }
 * ```
 */
export function parseMarkdown(bytes: Uint8Array, charset?: string): ParsedSource {
  const tree = fromMarkdown(decodeText(bytes, { charset }), {
    extensions: [gfm(), frontmatter(['yaml'])],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
  }) as MdNode;

  const paragraphs: string[] = [];
  collectBlocks(tree, paragraphs);
  const children = tree.children ?? [];
  const yamlNode = children.find((node) => node.type === 'yaml');
  const fields = readFrontMatter(yamlNode?.value ?? '');
  const heading = findHeading(tree);
  const metadata = cleanMetadata({
    title: fields.title ?? (heading ? inlineText(heading) : undefined),
    author: fields.author ?? fields.authors ?? fields.byline,
    publishedAt: fields.date ?? fields.published ?? fields.publishedAt ?? fields.published_at,
    url: fields.url ?? fields.canonical_url ?? fields.canonical ?? fields.link,
    publisher: fields.publisher ?? fields.site_name ?? fields.publication,
  });
  return { text: paragraphs.join('\n\n'), metadata, format: 'markdown' };
}

function collectBlocks(node: MdNode, out: string[]): void {
  if (CONTAINERS.has(node.type)) {
    for (const child of node.children ?? []) collectBlocks(child, out);
  } else if (node.type === 'paragraph' || node.type === 'heading') {
    out.push(inlineText(node));
  } else if (node.type === 'table') {
    for (const row of node.children ?? []) out.push((row.children ?? []).map(inlineText).join(' | '));
  } else if (node.type === 'code') {
    out.push(node.value ?? '');
  } else if (node.type === 'html') {
    out.push(stripTags(node.value ?? ''));
  }
  // thematicBreak, definition (link targets) and yaml (read as metadata) carry no prose.
}

/** The text of a paragraph-like node; inline `<script>`/`<style>` content is skipped. */
function inlineText(node: MdNode): string {
  let skipping = false;
  const walk = (child: MdNode): string => {
    if (child.type === 'html') {
      const tag = /^<(\/?)(script|style)\b/i.exec(child.value ?? '');
      if (tag) skipping = tag[1] === '';
      return '';
    }
    if (skipping) return '';
    // Soft line breaks are inside text values: one paragraph must stay on one line.
    if (child.type === 'text' || child.type === 'inlineCode') return (child.value ?? '').replace(/\s*\n\s*/g, ' ');
    if (child.type === 'break') return '\n';
    if (child.type === 'image' || child.type === 'imageReference' || child.type === 'footnoteReference') return '';
    return (child.children ?? []).map(walk).join('');
  };
  return (node.children ?? []).map(walk).join('');
}

function findHeading(node: MdNode): MdNode | undefined {
  if (node.type === 'heading' && node.depth === 1) return node;
  if (!CONTAINERS.has(node.type)) return undefined;
  for (const child of node.children ?? []) {
    const found = findHeading(child);
    if (found) return found;
  }
  return undefined;
}

/** Raw HTML blocks: drop scripts, styles and comments, keep the words between tags. */
function stripTags(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]*>/g, ' ');
}

/** Front matter as a flat record; broken YAML only costs the metadata, never the upload. */
function readFrontMatter(yaml: string): Record<string, unknown> {
  try {
    const value: unknown = parseYaml(yaml);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
