import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { renderChart, type ChartData } from './render-chart.ts';

const xs = [2518, 25_000, 100_000];
const data = (ys: number[][]): ChartData => ({
  title: 'Latency <by> size & "engine"',
  subtitle: 'p50 over 200 queries',
  panels: [
    {
      title: 'Keyword',
      yLabel: 'p50 ms',
      series: ys.map((y, i) => ({
        name: i === 0 ? 'Verbatim <ours>' : 'SQLite FTS5',
        points: xs.map((x, j) => ({ x, y: y[j] })),
      })),
    },
    { title: 'Phrase', yLabel: 'p95 ms', series: [{ name: 'Verbatim <ours>', points: [{ x: 2518, y: 1 }] }] },
  ],
});

describe('renderChart', () => {
  const svg = renderChart(
    data([
      [0.42, 3.1, 12.5],
      [0.3, 1.4, 5],
    ]),
  );
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');

  it('is one self-contained SVG element', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).not.toMatch(/<script|@import|href=/);
    expect(doc.querySelectorAll('svg')).toHaveLength(1);
  });

  it('escapes text, so a < in a name cannot open a tag', () => {
    expect(svg).toContain('Latency &lt;by&gt; size &amp; &quot;engine&quot;');
    expect(svg).toContain('Verbatim &lt;ours&gt;');
    expect(svg).not.toContain('<ours>');
    expect(svg).not.toContain('<by>');
  });

  it('draws one polyline per series with a marker and value label per point, FTS5 dashed', () => {
    const lines = [...doc.querySelectorAll('polyline')];
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => l.getAttribute('points')!.split(' ').length)).toEqual([3, 3, 1]);
    expect(lines.map((l) => l.hasAttribute('stroke-dasharray'))).toEqual([false, true, false]);
    // The same engine keeps its colour across panels, and the two engines differ.
    expect(lines[0].getAttribute('stroke')).toBe(lines[2].getAttribute('stroke'));
    expect(lines[0].getAttribute('stroke')).not.toBe(lines[1].getAttribute('stroke'));
    const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toEqual(expect.arrayContaining(['0.42', '3.10', '12.5', '2.5k', '25k', '100k']));
  });

  it('places larger archives further right and larger times higher', () => {
    const points = doc
      .querySelector('polyline')!
      .getAttribute('points')!
      .split(' ')
      .map((p: string) => p.split(',').map(Number));
    expect(points[0][0]).toBeLessThan(points[1][0]);
    expect(points[1][0]).toBeLessThan(points[2][0]);
    expect(points[0][1]).toBeGreaterThan(points[2][1]);
  });

  it('switches a panel to a log axis only when its values span more than 50×', () => {
    expect(svg).not.toContain('(log scale)</text>');
    const wide = renderChart(
      data([
        [0.5, 5, 40],
        [0.4, 3, 30],
      ]),
    );
    expect(wide).toContain('p50 ms (log scale)');
    expect(wide).not.toContain('p95 ms (log scale)');
  });
});
