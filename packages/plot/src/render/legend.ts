import type { Chart, Plugin } from 'chart.js';
import type { SeriesSpec } from '../specs/types.js';
import { FONT_FAMILY, type ThemeColors, withAlpha } from '../theme.js';

// The single-run legend, drawn inside the plot at the bottom right with a translucent paper-coloured box, as
// AIPerf places it. chart.js's own legend can only sit outside the plot area (or in a corner column without a
// box), so this small plugin draws it.

const ROW_PX = 18;
const PAD_PX = 8;
const SAMPLE_PX = 22;
const MARGIN_PX = 10;

interface LegendEntry {
  text: string;
  series: SeriesSpec;
  rank: number;
}

function entries(chart: Chart): LegendEntry[] {
  return chart.data.datasets
    .map((dataset, index) => {
      const { aiperfLegend, aiperfSeries } = dataset as { aiperfLegend?: boolean; aiperfSeries?: SeriesSpec };
      if (!aiperfLegend || !aiperfSeries || !chart.isDatasetVisible(index)) return null;
      return { text: aiperfSeries.name, series: aiperfSeries, rank: (aiperfSeries.legendRank ?? 0) * 1000 + index };
    })
    .filter((entry): entry is LegendEntry => entry !== null)
    .sort((a, b) => a.rank - b.rank);
}

/** The legend's sample of one series: a marker, a filled box (bars, bands) or a line. */
function drawSample(ctx: Chart['ctx'], series: SeriesSpec, x: number, y: number): void {
  ctx.save();
  if (series.style === 'markers') {
    const r = Math.max(3, series.markerSize / 2);
    ctx.fillStyle = series.color;
    ctx.beginPath();
    if (series.markerShape === 'diamond') {
      ctx.moveTo(x + SAMPLE_PX / 2, y - r);
      ctx.lineTo(x + SAMPLE_PX / 2 + r, y);
      ctx.lineTo(x + SAMPLE_PX / 2, y + r);
      ctx.lineTo(x + SAMPLE_PX / 2 - r, y);
      ctx.closePath();
    } else ctx.arc(x + SAMPLE_PX / 2, y, r, 0, 2 * Math.PI);
    ctx.fill();
  } else if (series.style === 'bars' || (series.fillToY && series.lineWidth === 0)) {
    ctx.fillStyle = series.fillColor ?? series.color;
    ctx.fillRect(x, y - 5, SAMPLE_PX, 10);
  } else {
    ctx.strokeStyle = series.color;
    ctx.lineWidth = Math.max(2, series.lineWidth);
    if (series.dashed) ctx.setLineDash([6, 4]);
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + SAMPLE_PX, y);
    ctx.stroke();
  }
  ctx.restore();
}

export const insideLegendPlugin = (theme: ThemeColors): Plugin => ({
  id: 'aiperfInsideLegend',
  afterDatasetsDraw(chart) {
    const shown = entries(chart);
    if (shown.length === 0) return;
    const { ctx, chartArea } = chart;
    ctx.save();
    ctx.font = `12px ${FONT_FAMILY}`;
    const textWidth = Math.max(...shown.map((entry) => ctx.measureText(entry.text).width));
    const width = PAD_PX * 3 + SAMPLE_PX + textWidth;
    const height = PAD_PX * 2 + shown.length * ROW_PX;
    const left = chartArea.right - MARGIN_PX - width;
    const top = chartArea.bottom - MARGIN_PX - height;
    ctx.fillStyle = theme.paper.startsWith('#') ? withAlpha(theme.paper, 0.8) : theme.paper;
    ctx.strokeStyle = theme.grid;
    ctx.lineWidth = 1;
    ctx.fillRect(left, top, width, height);
    ctx.strokeRect(left, top, width, height);
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    shown.forEach((entry, i) => {
      const y = top + PAD_PX + ROW_PX * i + ROW_PX / 2;
      drawSample(ctx, entry.series, left + PAD_PX, y);
      ctx.fillStyle = theme.text;
      ctx.fillText(entry.text, left + PAD_PX * 2 + SAMPLE_PX, y);
    });
    ctx.restore();
  },
});
