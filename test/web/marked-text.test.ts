import { describe, expect, it } from 'vitest';
import { MarkedText, type TextMark } from '../../web/views/marked-text.tsx';

const render = (text: string, marks: TextMark[], start = 0, end = text.length) =>
  String(MarkedText({ text, start, end, marks }));

describe('MarkedText', () => {
  it('nests overlapping marks properly and keeps each anchored mark whole', () => {
    const text = 'He said "we will rebuild the harbour" today.';
    const html = render(text, [
      { start: 9, end: 36, kind: 'quote', id: 'q-9-36' },
      { start: 29, end: 36, kind: 'hit' },
      { start: 3, end: 24, kind: 'target', id: 'at' },
    ]);
    expect(html).toBe(
      'He <span class="target" id="at" tabindex="-1">said &quot;<mark class="quote" id="q-9-36">we will rebuild</mark></span>' +
        '<mark class="quote"> the <mark class="hit">harbour</mark></mark>&quot; today.',
    );
  });

  it('clips marks to the rendered span and puts ids only where a mark begins', () => {
    const html = render('abcdefghij', [{ start: 2, end: 8, kind: 'quote', id: 'q-2-8' }], 5, 10);
    expect(html).toBe('<mark class="quote">fgh</mark>ij');
  });

  it('escapes the text', () => {
    expect(render('<script>x</script>', [{ start: 0, end: 8, kind: 'hit' }])).toBe(
      '<mark class="hit">&lt;script&gt;</mark>x&lt;/script&gt;',
    );
  });
});
