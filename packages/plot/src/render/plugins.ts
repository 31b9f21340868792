import type { Chart, Plugin } from 'chart.js';
import type { ChartSpec, SeriesSpec } from '../specs/types.js';
import { FONT_FAMILY, footnoteColor, type ThemeColors } from '../theme.js';

/** Paper and plot-area backgrounds (chart.js draws on a transparent canvas). */
export const backgroundPlugin = (theme: ThemeColors): Plugin => ({
  id: 'aiperfBackground',
  beforeDraw(chart) {
    const { ctx, chartArea } = chart;
    ctx.save();
    ctx.fillStyle = theme.paper;
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.fillStyle = theme.plotBackground;
    ctx.fillRect(chartArea.left, chartArea.top, chartArea.right - chartArea.left, chartArea.bottom - chartArea.top);
    ctx.restore();
  },
});

/**
 * Error bars, confidence ellipses and point labels, in data coordinates. Drawn right after their own dataset
 * (not after all of them), so a later series stays on top: timeslice outliers cover the average's error bar.
 */
export const annotationsPlugin = (theme: ThemeColors): Plugin => ({
  id: 'aiperfAnnotations',
  afterDatasetDraw(chart, args) {
    const series = (chart.data.datasets[args.index] as { aiperfSeries?: SeriesSpec } | undefined)?.aiperfSeries;
    if (series) drawAnnotations(chart, series, theme);
  },
});

function drawAnnotations(chart: Chart, series: SeriesSpec, theme: ThemeColors): void {
  const { ctx } = chart;
  const xScale = chart.scales.x!;
  const yScale = chart.scales[series.axis === 'y2' ? 'y2' : 'y']!;
  const px = (v: number) => xScale.getPixelForValue(v);
  const py = (v: number) => yScale.getPixelForValue(v);
  ctx.save();
  ctx.strokeStyle = series.color;
  ctx.lineWidth = 1.5;
  for (const polygon of series.polygons ?? []) {
    ctx.beginPath();
    polygon.x.forEach((x, i) => {
      if (i === 0) ctx.moveTo(px(x), py(polygon.y[i]!));
      else ctx.lineTo(px(x), py(polygon.y[i]!));
    });
    ctx.closePath();
    ctx.fillStyle = series.fillColor ?? series.color;
    ctx.setLineDash(polygon.dashed ? [4, 3] : []);
    ctx.fill();
    ctx.stroke();
  }
  ctx.setLineDash([]);
  series.x.forEach((x, i) => {
    const y = series.y[i];
    if (y === null || y === undefined) return;
    const error = series.errorY?.[i];
    if (error) verticalBar(ctx, px(x), py(y - error), py(y + error), 4);
    const bounds = series.errorBounds;
    if (bounds) {
      verticalBar(ctx, px(x), py(bounds.yLow[i]!), py(bounds.yHigh[i]!), 4);
      horizontalBar(ctx, py(y), px(bounds.xLow[i]!), px(bounds.xHigh[i]!), 4);
    }
    const label = series.pointLabels?.[i];
    if (label) {
      ctx.fillStyle = theme.text;
      ctx.font = `bold 11px ${FONT_FAMILY}`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'bottom';
      ctx.fillText(label, px(x), py(y) - series.markerSize / 2 - 4);
    }
  });
  ctx.restore();
}

function verticalBar(ctx: Chart['ctx'], x: number, y1: number, y2: number, cap: number): void {
  ctx.beginPath();
  ctx.moveTo(x, y1);
  ctx.lineTo(x, y2);
  ctx.moveTo(x - cap, y1);
  ctx.lineTo(x + cap, y1);
  ctx.moveTo(x - cap, y2);
  ctx.lineTo(x + cap, y2);
  ctx.stroke();
}

function horizontalBar(ctx: Chart['ctx'], y: number, x1: number, x2: number, cap: number): void {
  ctx.beginPath();
  ctx.moveTo(x1, y);
  ctx.lineTo(x2, y);
  ctx.moveTo(x1, y - cap);
  ctx.lineTo(x1, y + cap);
  ctx.moveTo(x2, y - cap);
  ctx.lineTo(x2, y + cap);
  ctx.stroke();
}

export const FOOTNOTE_LINE_PX = 18;

/** Footnotes centred under the x-axis title, in the bottom padding reserved for them. */
export const footnotesPlugin = (spec: ChartSpec, theme: ThemeColors): Plugin => ({
  id: 'aiperfFootnotes',
  afterDraw(chart) {
    if (spec.footnotes.length === 0) return;
    const { ctx } = chart;
    ctx.save();
    ctx.fillStyle = footnoteColor(theme);
    ctx.font = `12px ${FONT_FAMILY}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    spec.footnotes.forEach((text, i) => {
      ctx.fillText(text, chart.width / 2, chart.height - 8 - (spec.footnotes.length - 1 - i) * FOOTNOTE_LINE_PX);
    });
    ctx.restore();
  },
});
