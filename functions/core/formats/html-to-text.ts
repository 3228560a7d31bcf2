/**
 * DOM to text with paragraphs. `textContent` glues `<p>One</p><p>Two</p>` into "OneTwo", which
 * destroys both words and paragraph offsets, so block elements are turned into paragraph breaks
 * here, the way a browser lays them out.
 */

/** Elements laid out as blocks: each starts and ends a paragraph. */
const BLOCK_ELEMENTS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'CAPTION',
  'CENTER',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TFOOT',
  'THEAD',
  'TR',
  'UL',
]);

/** Elements whose content is never prose: code, styling, embeds, and form controls. */
const SKIPPED_ELEMENTS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'MATH',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
  'BUTTON',
  'SELECT',
  'OPTION',
  'TEXTAREA',
  'INPUT',
  'DATALIST',
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * The text of a DOM subtree, block elements separated by blank lines, `<br>` as a line break,
 * HTML whitespace collapsed (except inside `<pre>`), scripts, styles and embeds left out.
 *
 * @example
 * ```ts
 * const { document } = parseHTML('<html><body><p>One <b>two</b></p><p>Three<br>four</p><script>x()</script></body></html>');
 * htmlToText(document.body); // => 'One two\n\nThree\nfour'
 * ```
 */
export function htmlToText(root: Node): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const paragraph = current.replace(/[ \t]*\n[ \t]*/g, '\n').trim();
    if (paragraph !== '') paragraphs.push(paragraph);
    current = '';
  };
  const walk = (node: Node, inPre: boolean): void => {
    if (node.nodeType === TEXT_NODE) {
      const text = node.nodeValue ?? '';
      current += inPre ? text : text.replace(/[ \t\n\r\f]+/g, ' ');
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const name = node.nodeName.toUpperCase();
    if (SKIPPED_ELEMENTS.has(name)) return;
    if (name === 'BR') {
      current += '\n';
      return;
    }
    const block = BLOCK_ELEMENTS.has(name);
    if (block) flush();
    if (name === 'TD' || name === 'TH') current += ' ';
    for (const child of Array.from(node.childNodes)) walk(child, inPre || name === 'PRE');
    if (block) flush();
  };
  walk(root, false);
  flush();
  return paragraphs.join('\n\n');
}
