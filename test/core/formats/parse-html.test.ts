import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../../functions/core/formats/parse-source.ts';
import { normalizeText } from '../../../functions/core/text/normalize-text.ts';

const fixture = readFileSync(new URL('../../fixtures/formats/article.html', import.meta.url));
const html = (text: string, contentType = 'text/html') =>
  parseSource({ bytes: new TextEncoder().encode(text), contentType });

describe('HTML', () => {
  it('extracts the article with its paragraphs and metadata', async () => {
    const parsed = await parseSource({ bytes: fixture, contentType: 'text/html', fileName: 'ferry.html' });
    expect(parsed.format).toBe('html');
    expect(parsed.metadata).toEqual({
      title: 'Ferry service resumes on the northern route',
      author: 'Priya Marsh',
      publisher: 'The Test Gazette',
      publishedAt: '2024-04-09T07:15:00.000Z',
      url: 'https://gazette.example.org/ferry-resumes',
    });
    const paragraphs = normalizeText(parsed.text).split('\n\n');
    expect(paragraphs).toContain(
      '“We are back on the water and back on schedule,” said harbour master Tomas Reyes, who greeted the first crossing at seven in the morning.',
    );
    expect(paragraphs).toContain(
      'Islanders had relied on a small water taxi since the breakdown. Shops on the island reported shortages of fresh bread and milk during the closure.',
    );
    expect(paragraphs).toContain('The ferry at Port Alder on Tuesday.');
  });

  it('never lets scripts, styles or menus into the text', async () => {
    const { text } = await parseSource({ bytes: fixture, contentType: 'text/html' });
    expect(text).not.toMatch(/alert|SCRIPT TEXT|STYLE TEXT|font-family|@context/);
    expect(text.split('\n\n')).not.toContain('Sport');
  });

  it('falls back to the body of a short page', async () => {
    const parsed = await html(
      '<html><head><title>Note</title></head><body><nav>Menu</nav><p>Short page.</p><script>alert(1)</script><p>Second <i>line</i>.</p></body></html>',
    );
    expect(normalizeText(parsed.text)).toBe('Short page.\n\nSecond line.');
    expect(parsed.metadata).toEqual({ title: 'Note' });
  });

  it('keeps paragraphs apart instead of gluing textContent', async () => {
    const parsed = await html(
      '<div><p>One.</p><p>Two.</p><ul><li>Three</li><li>Four</li></ul><table><tr><td>Five</td><td>Six</td></tr></table></div>',
    );
    expect(normalizeText(parsed.text)).toBe('One.\n\nTwo.\n\nThree\n\nFour\n\nFive Six');
  });

  it('reads <time datetime> in the article header and the JSON-LD @graph when meta tags are missing', async () => {
    const page = `<html><head><script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"Site"},
      {"@type":["NewsArticle"],"headline":"From LD","author":[{"name":"A One"},{"name":"B Two"}],"publisher":{"name":"LD Press"}}]}</script>
      <script type="application/ld+json">{ broken json</script></head>
      <body><article><header><time datetime="2023-01-31T10:00:00Z">Jan 31</time></header><p>Body text long enough, since <time datetime="2022-05-01">May</time>.</p></article></body></html>`;
    expect((await html(page)).metadata).toEqual({
      title: 'From LD',
      author: 'A One, B Two',
      publisher: 'LD Press',
      publishedAt: '2023-01-31T10:00:00.000Z',
    });
  });

  it('decodes legacy pages by their declared charset, or as windows-1252', async () => {
    const bytes = Uint8Array.from([
      ...new TextEncoder().encode('<meta charset="iso-8859-1"><p>Caf'),
      0xe9,
      ...new TextEncoder().encode('.</p>'),
    ]);
    expect(normalizeText((await parseSource({ bytes, contentType: 'text/html' })).text)).toBe('Café.');
    const undeclared = Uint8Array.from([
      ...new TextEncoder().encode('<p>'),
      0x93,
      0x48,
      0x69,
      0x94,
      ...new TextEncoder().encode('</p>'),
    ]);
    expect(normalizeText((await parseSource({ bytes: undeclared, contentType: 'text/html' })).text)).toBe('“Hi”');
  });

  it('accepts XHTML', async () => {
    const parsed = await html(
      '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Hello.</p></body></html>',
      'application/xhtml+xml',
    );
    expect(parsed).toMatchObject({ format: 'html', text: 'Hello.' });
  });
});
