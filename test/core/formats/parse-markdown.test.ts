import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../../functions/core/formats/parse-source.ts';
import { normalizeText } from '../../../functions/core/text/normalize-text.ts';

const fixture = readFileSync(new URL('../../fixtures/formats/article.md', import.meta.url));
const markdown = (text: string) => parseSource({ bytes: new TextEncoder().encode(text), contentType: 'text/markdown' });

describe('Markdown', () => {
  it('extracts paragraphs and front-matter metadata', async () => {
    const parsed = await parseSource({ bytes: fixture, contentType: 'text/markdown; charset=utf-8' });
    expect(parsed.format).toBe('markdown');
    expect(parsed.metadata).toEqual({
      title: 'Library opens late on Thursdays',
      author: 'Sam Okafor',
      publishedAt: '2024-02-20',
      url: 'https://gazette.example.org/library-hours',
      publisher: 'The Test Gazette',
    });
    expect(normalizeText(parsed.text).split('\n\n')).toEqual([
      'Library opens late on Thursdays',
      'The central library in Port Alder will stay open until nine in the evening every Thursday from March, the council said on Monday.',
      '"Plenty of people can only visit after work," said councillor Mira Lund, who proposed the change.',
      'What changes',
      'Late opening on Thursdays',
      'A study room bookable online',
      'The trial will run for six months.',
    ]);
  });

  it('takes the title from the first level-one heading without front matter', async () => {
    const parsed = await markdown('Intro line.\n\n## Not this\n\n# The Title\n\nBody.');
    expect(parsed.metadata).toEqual({ title: 'The Title' });
  });

  it('keeps link text, drops URLs, images, raw HTML and scripts', async () => {
    const parsed = await markdown(
      'See <https://a.test/x> and [the report](https://a.test/r "t") ![chart](c.png).\n\n<div class="x">Boxed <b>words</b></div>\n\nInline <script>alert(1)</script> end.\n\n<script>\nalert(2)\n</script>',
    );
    const text = normalizeText(parsed.text);
    expect(text).toBe('See https://a.test/x and the report .\n\nBoxed words\n\nInline end.');
    expect(text).not.toContain('alert');
  });

  it('renders table rows and code blocks as paragraphs', async () => {
    const parsed = await markdown('| City | Votes |\n| --- | --- |\n| Alder | 12 |\n\n```\nraw code\n```');
    expect(normalizeText(parsed.text)).toBe('City | Votes\n\nAlder | 12\n\nraw code');
  });

  it('survives broken front matter', async () => {
    const parsed = await markdown('---\ntitle: [unclosed\n---\n\nBody text.');
    expect(normalizeText(parsed.text)).toBe('Body text.');
    expect(parsed.metadata).toEqual({});
  });
});
