/**
 * Draws the scaling benchmark's figures as one self-contained SVG: latency (y, milliseconds)
 * against archive size (x, articles), one panel per measure, one line per engine. Hand-written
 * rather than a charting library so the file has no scripts or web fonts and renders the same in
 * a browser, on GitHub and in an image viewer.
 */

/** One line of a panel: an engine's figure at each archive size. */
export interface ChartSeries {
  name: string;
  points: Array<{ x: number; y: number }>;
}

/** One plot: x is archive size in articles, y is milliseconds. */
export interface ChartPanel {
  title: string;
  yLabel: string;
  series: ChartSeries[];
}

/** Everything {@link renderChart} draws. */
export interface ChartData {
  title: string;
  subtitle: string;
  panels: ChartPanel[];
}

// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies and dark enough
// on white (its yellow is left out for that reason).
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];
/** Above this max/min ratio a linear axis squashes the small values into the baseline. */
const LOG_SCALE_RATIO = 50;

const PANEL_WIDTH = 333;
const HEADER = 58;
const PANEL_HEIGHT = 272;
const LEGEND = 30;
const MARGIN = { left: 56, right: 14, top: 26, bottom: 44 };
const FONT = 'font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif"';

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const round = (n: number) => Math.round(n * 10) / 10;

/** Archive sizes as people say them: 2518 → "2.5k", 25000 → "25k", 1200000 → "1.2M". */
function formatCount(n: number): string {
  const short = (value: number, unit: string) => `${Number(value.toPrecision(value < 10 ? 2 : 3))}${unit}`;
  if (n >= 1e6) return short(n / 1e6, 'M');
  if (n >= 1e3) return short(n / 1e3, 'k');
  return String(Math.round(n));
}

/** Milliseconds with the precision that matters at their size: 0.42, 3.14, 42.5, 420. */
function formatMs(ms: number): string {
  if (ms < 10) return ms.toFixed(2);
  if (ms < 100) return ms.toFixed(1);
  return Math.round(ms).toLocaleString('en-US');
}

/** About five round ticks from 0 to at least `max` (steps of 1, 2 or 5 times a power of ten). */
function linearTicks(max: number): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
  const ticks: number[] = [];
  for (let i = 0; ticks.length === 0 || ticks[ticks.length - 1] < max; i++)
    ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

/** Powers of ten covering [min, max], with 2× and 5× in between when there are few decades. */
function logTicks(min: number, max: number): number[] {
  const low = Math.floor(Math.log10(min));
  const high = Math.ceil(Math.log10(max));
  const multiples = high - low <= 2 ? [1, 2, 5] : [1];
  const ticks: number[] = [];
  for (let e = low; e <= high; e++) {
    for (const m of multiples) {
      const tick = Number((m * 10 ** e).toPrecision(12));
      if (tick >= 10 ** low && tick <= 10 ** high) ticks.push(tick);
    }
  }
  return ticks;
}

/** Height a value label needs so the next one at the same size does not overlap it. */
const LABEL_GAP = 11;

/**
 * The baseline y of each point's value label. The highest value at each archive size is labelled
 * above its marker and the others below, so two engines' labels sit on either side of the lines;
 * a label that would leave the plot flips side, and labels at one size that still overlap are
 * pushed apart upwards.
 */
function placeValueLabels(
  points: Array<{ x: number; y: number }>,
  xAt: (x: number) => number,
  yAt: (y: number) => number,
  plot: { y: number; h: number },
): Map<{ x: number; y: number }, number> {
  const placed = new Map<{ x: number; y: number }, number>();
  const byX = new Map<number, Array<{ x: number; y: number }>>();
  for (const p of points) byX.set(xAt(p.x), [...(byX.get(xAt(p.x)) ?? []), p]);
  for (const column of byX.values()) {
    const top = Math.max(...column.map((p) => p.y));
    const labels = column.map((p) => {
      const py = yAt(p.y);
      const fitsAbove = py - 7 >= plot.y + 10;
      const fitsBelow = py + 14 <= plot.y + plot.h - 2;
      const above = p.y === top ? fitsAbove || !fitsBelow : !fitsBelow;
      return { p, y: above ? py - 7 : py + 14 };
    });
    labels.sort((a, b) => a.y - b.y);
    for (let i = labels.length - 2; i >= 0; i--) labels[i].y = Math.min(labels[i].y, labels[i + 1].y - LABEL_GAP);
    for (const label of labels) placed.set(label.p, label.y);
  }
  return placed;
}

/** Draws one panel at horizontal offset `left`; returns its SVG elements. */
function renderPanel(panel: ChartPanel, left: number, colours: Map<string, string>): string {
  const plot = {
    x: left + MARGIN.left,
    y: HEADER + MARGIN.top,
    w: PANEL_WIDTH - MARGIN.left - MARGIN.right,
    h: PANEL_HEIGHT - MARGIN.top - MARGIN.bottom,
  };
  const points = panel.series.flatMap((s) => s.points);
  const xs = [...new Set(points.map((p) => p.x).filter((x) => x > 0))].sort((a, b) => a - b);
  const positive = points.map((p) => p.y).filter((y) => y > 0);
  const yMax = Math.max(0, ...points.map((p) => p.y));
  const yMinPositive = positive.length > 0 ? Math.min(...positive) : 0;
  const logY = positive.length > 0 && yMax / yMinPositive > LOG_SCALE_RATIO;

  const [xLow, xHigh] = xs.length > 0 ? [Math.log10(xs[0]), Math.log10(xs[xs.length - 1])] : [0, 1];
  // A little room either side so the first and last markers and their labels are not on the frame.
  const xPad = xHigh > xLow ? (xHigh - xLow) * 0.08 : 0.5;
  const xAt = (x: number) =>
    plot.x + ((Math.log10(Math.max(x, 1e-9)) - (xLow - xPad)) / (xHigh - xLow + 2 * xPad)) * plot.w;

  const yTicks = logY ? logTicks(yMinPositive, yMax) : linearTicks(yMax);
  const [yLow, yHigh] = logY
    ? [Math.log10(yTicks[0]), Math.log10(yTicks[yTicks.length - 1])]
    : [0, yTicks[yTicks.length - 1]];
  const yAt = (y: number) => {
    // Zero has no place on a log axis: such points sit on the baseline.
    const value = logY ? Math.log10(Math.max(y, yTicks[0])) : y;
    return plot.y + plot.h - ((value - yLow) / (yHigh - yLow)) * plot.h;
  };

  const parts: string[] = [];
  parts.push(
    `<text x="${round(left + PANEL_WIDTH / 2)}" y="${HEADER + 14}" text-anchor="middle" font-size="13" font-weight="600">${escapeXml(panel.title)}</text>`,
  );
  for (const tick of yTicks) {
    const y = round(yAt(tick));
    parts.push(`<line x1="${plot.x}" y1="${y}" x2="${plot.x + plot.w}" y2="${y}" stroke="#e3e3e3"/>`);
    parts.push(
      `<text x="${plot.x - 6}" y="${y + 4}" text-anchor="end" font-size="10" fill="#444">${escapeXml(tick.toLocaleString('en-US', { maximumSignificantDigits: 3 }))}</text>`,
    );
  }
  for (const x of xs) {
    const px = round(xAt(x));
    parts.push(`<line x1="${px}" y1="${plot.y + plot.h}" x2="${px}" y2="${plot.y + plot.h + 4}" stroke="#444"/>`);
    parts.push(
      `<text x="${px}" y="${plot.y + plot.h + 16}" text-anchor="middle" font-size="10" fill="#444">${escapeXml(formatCount(x))}</text>`,
    );
  }
  parts.push(`<rect x="${plot.x}" y="${plot.y}" width="${plot.w}" height="${plot.h}" fill="none" stroke="#888"/>`);
  parts.push(
    `<text x="${round(plot.x + plot.w / 2)}" y="${plot.y + plot.h + 34}" text-anchor="middle" font-size="11" fill="#222">archive size (articles, log scale)</text>`,
  );
  const yLabel = logY ? `${panel.yLabel} (log scale)` : panel.yLabel;
  const yMid = round(plot.y + plot.h / 2);
  parts.push(
    `<text x="${left + 14}" y="${yMid}" transform="rotate(-90 ${left + 14} ${yMid})" text-anchor="middle" font-size="11" fill="#222">${escapeXml(yLabel)}</text>`,
  );

  const lines = panel.series.map((series) => ({
    series,
    points: series.points.filter((p) => p.x > 0).sort((a, b) => a.x - b.x),
  }));
  const labelY = placeValueLabels(
    lines.flatMap((line) => line.points),
    xAt,
    yAt,
    plot,
  );

  for (const { series, points: sorted } of lines) {
    const colour = colours.get(series.name)!;
    const dash = series.name.includes('FTS5') ? ' stroke-dasharray="6 4"' : '';
    const coords = sorted.map((p) => `${round(xAt(p.x))},${round(yAt(p.y))}`).join(' ');
    parts.push(`<polyline points="${coords}" fill="none" stroke="${colour}" stroke-width="2"${dash}/>`);
    for (const p of sorted) {
      const [px, py] = [round(xAt(p.x)), round(yAt(p.y))];
      parts.push(`<circle cx="${px}" cy="${py}" r="3.5" fill="${colour}" stroke="#fff" stroke-width="1"/>`);
      parts.push(
        `<text x="${px}" y="${round(labelY.get(p)!)}" text-anchor="middle" font-size="9.5" fill="${colour}">${escapeXml(formatMs(p.y))}</text>`,
      );
    }
  }
  return parts.join('\n');
}

/**
 * Renders panels side by side with a shared legend; each series keeps its colour in every panel,
 * and FTS5 series are dashed so the baseline stands apart even in greyscale.
 *
 * @example
 * ```ts
 * const svg = renderChart({
 *   title: 'Search latency by archive size',
 *   subtitle: 'p50 over 200 queries',
 *   panels: [{ title: 'Keyword', yLabel: 'p50 ms', series: [
 *     { name: 'Verbatim', points: [{ x: 2518, y: 0.42 }, { x: 25_180, y: 3.1 }] },
 *     { name: 'SQLite FTS5', points: [{ x: 2518, y: 0.2 }, { x: 25_180, y: 1.4 }] },
 *   ] }],
 * });
 * await writeFile('bench-results/scaling.svg', svg);
 * ```
 */
export function renderChart(data: ChartData): string {
  const names = [...new Set(data.panels.flatMap((panel) => panel.series.map((s) => s.name)))];
  const colours = new Map(names.map((name, i) => [name, PALETTE[i % PALETTE.length]]));
  const width = Math.max(1, data.panels.length) * PANEL_WIDTH + 1;
  const height = HEADER + PANEL_HEIGHT + LEGEND;

  const legendItemWidth = 150;
  const legendLeft = round((width - names.length * legendItemWidth) / 2);
  const legendY = HEADER + PANEL_HEIGHT + 12;
  const legend = names.map((name, i) => {
    const x = legendLeft + i * legendItemWidth;
    const dash = name.includes('FTS5') ? ' stroke-dasharray="6 4"' : '';
    return [
      `<line x1="${x}" y1="${legendY}" x2="${x + 26}" y2="${legendY}" stroke="${colours.get(name)}" stroke-width="2"${dash}/>`,
      `<circle cx="${x + 13}" cy="${legendY}" r="3.5" fill="${colours.get(name)}"/>`,
      `<text x="${x + 32}" y="${legendY + 4}" font-size="11" fill="#222">${escapeXml(name)}</text>`,
    ].join('\n');
  });

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT}>`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="${round(width / 2)}" y="22" text-anchor="middle" font-size="16" font-weight="700" fill="#111">${escapeXml(data.title)}</text>`,
    `<text x="${round(width / 2)}" y="40" text-anchor="middle" font-size="11.5" fill="#555">${escapeXml(data.subtitle)}</text>`,
    ...data.panels.map((panel, i) => renderPanel(panel, i * PANEL_WIDTH, colours)),
    ...legend,
    '</svg>',
    '',
  ].join('\n');
}
