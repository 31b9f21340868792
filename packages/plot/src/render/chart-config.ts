import {
  BarController,
  BarElement,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LogarithmicScale,
  LineElement,
  PointElement,
  ScatterController,
  Title,
  Tooltip,
  type ChartConfiguration,
  type Scale,
  type ScaleOptions,
} from 'chart.js';
import type { AxisSpec, ChartSpec } from '../specs/types.js';
import { FONT_FAMILY, THEMES, type ThemeColors } from '../theme.js';
import { toDatasets } from './datasets.js';
import { annotationsPlugin, backgroundPlugin, FOOTNOTE_LINE_PX, footnotesPlugin } from './plugins.js';
import { insideLegendPlugin } from './legend.js';

// Pure chart.js configuration of a spec, shared by the PNG/SVG renderers (Node, @napi-rs/canvas) and the dashboard
// (the browser bundle): one place for scales, datasets, fonts and the drawing plugins, so the two never drift.

/** The chart.js parts every configuration uses; registering twice is harmless. */
export function registerChartComponents(): void {
  Chart.register(BarController, BarElement, Filler, Legend, LinearScale, LogarithmicScale, LineController, LineElement, PointElement, ScatterController, Title, Tooltip);
}



const formatTick = (value: number): string =>
  Math.abs(value) >= 1000 || Number.isInteger(value) ? value.toLocaleString('en-US', { maximumFractionDigits: 0 }) : String(+value.toPrecision(4));

function scale(spec: AxisSpec, theme: ThemeColors, extra: Partial<ScaleOptions<'linear'>> = {}): ScaleOptions<'linear'> {
  const ticks = spec.ticks;
  return {
    type: 'linear',
    beginAtZero: spec.beginAtZero,
    // Headroom so point labels above the highest point stay inside the plot; an axis not starting at zero gets
    // it on both sides. A `fitData` axis (time) gets exact min/max from `fitDataExtent` instead.
    ...(spec.fitData ? {} : { grace: '6%' }),
    ...(spec.min !== undefined ? { min: spec.min } : {}),
    ...(spec.max !== undefined ? { max: spec.max } : {}),
    title: { display: true, text: spec.label, color: theme.text, font: { size: 14, weight: 'bold' } },
    grid: { color: theme.grid },
    border: { color: theme.grid },
    ticks: {
      color: theme.text,
      font: { size: 12 },
      // An axis ending at the data's extent would otherwise get a tick at that exact value, colliding with its neighbour.
      includeBounds: false,
      ...(ticks ? { autoSkip: false, maxRotation: 45, minRotation: ticks.length > 8 ? 45 : 0 } : {}),
      callback: (value) => (ticks ? (ticks.find((tick) => tick.value === value)?.label ?? '') : formatTick(Number(value))),
    },
    ...(ticks
      ? {
          afterBuildTicks: (axis: Scale) => {
            axis.ticks = ticks.map((tick) => ({ value: tick.value }));
          },
        }
      : {}),
    ...extra,
  } as ScaleOptions<'linear'>;
}

/** Extents of what the plugins draw beyond the data points (error bars, ellipses), so the axes include them. */
function annotationExtents(spec: ChartSpec, axis: 'x' | 'y' | 'y2'): { min?: number; max?: number } {
  const values: number[] = [];
  for (const series of spec.series) {
    if (axis === 'x') {
      values.push(...(series.errorBounds ? [...series.errorBounds.xLow, ...series.errorBounds.xHigh] : []));
      for (const polygon of series.polygons ?? []) values.push(...polygon.x);
    } else if (series.axis === axis) {
      series.errorY?.forEach((error, i) => {
        const y = series.y[i];
        if (typeof y === 'number') values.push(y - error, y + error);
      });
      values.push(...(series.errorBounds ? [...series.errorBounds.yLow, ...series.errorBounds.yHigh] : []));
      for (const polygon of series.polygons ?? []) values.push(...polygon.y);
    }
  }
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return {};
  return { min: Math.min(...finite), max: Math.max(...finite) };
}

/** A time axis ends exactly at the data (min/max of every point on it), with nice ticks inside. */
function fitDataExtent(spec: ChartSpec): { min?: number; max?: number } {
  if (!spec.x.fitData) return {};
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const series of spec.series) {
    for (const value of series.x) {
      if (value < min) min = value;
      if (value > max) max = value;
    }
  }
  if (!(min < max)) return {};
  return { ...(spec.x.min === undefined ? { min } : {}), ...(spec.x.max === undefined ? { max } : {}) };
}

const suggested = (extent: { min?: number; max?: number }) => ({
  ...(extent.min !== undefined ? { suggestedMin: extent.min } : {}),
  ...(extent.max !== undefined ? { suggestedMax: extent.max } : {}),
});

/** The chart.js configuration for a spec (exported for tools that render elsewhere, e.g. in a browser). */
export function toChartConfiguration(spec: ChartSpec): ChartConfiguration {
  const theme = THEMES[spec.theme];
  // chart.js draws higher `order` first: later series end up on top, as in the spec's trace order.
  const datasets = spec.series.flatMap((series) => toDatasets(series, theme)).map((dataset, index, all) => ({ ...dataset, order: all.length - index }));
  const legendRank = (index: number): number => (datasets[index]?.aiperfSeries?.legendRank ?? 0) * 1000 + index;
  return {
    type: 'scatter',
    data: { datasets: datasets as never },
    options: {
      animation: false,
      // Points are already {x, y} in ascending x: chart.js can skip parsing and its sortedness checks (large runs).
      parsing: false,
      normalized: true,
      responsive: false,
      devicePixelRatio: spec.pixelRatio,
      font: { family: FONT_FAMILY },
      layout: { padding: { top: 10, right: 24, left: 16, bottom: 12 + spec.footnotes.length * FOOTNOTE_LINE_PX } },
      plugins: {
        title: { display: true, text: spec.title, color: theme.text, font: { size: 20, weight: 'bold' }, padding: { bottom: 12 } },
        // Multi-run: chart.js's legend outside, right. Single-run: `insideLegendPlugin` draws it inside the plot.
        legend: {
          display: spec.legend === 'right' && datasets.some((dataset) => (dataset as { aiperfLegend?: boolean }).aiperfLegend),
          position: 'right',
          align: 'start',
          labels: {
            color: theme.text,
            font: { size: 13 },
            usePointStyle: true,
            filter: (item, data) => (data.datasets[item.datasetIndex!] as { aiperfLegend?: boolean }).aiperfLegend === true,
            sort: (a, b) => legendRank(a.datasetIndex!) - legendRank(b.datasetIndex!),
          },
        },
        tooltip: { enabled: false },
      },
      scales: {
        x: scale(spec.x, theme, { ...suggested(annotationExtents(spec, 'x')), ...fitDataExtent(spec) }),
        y: scale(spec.y, theme, suggested(annotationExtents(spec, 'y'))),
        ...(spec.y2
          ? {
              y2: scale(spec.y2, theme, {
                position: 'right',
                grid: { drawOnChartArea: false, color: theme.grid },
                ...suggested(annotationExtents(spec, 'y2')),
              }),
            }
          : {}),
      },
    },
    plugins: [backgroundPlugin(theme), annotationsPlugin(theme), footnotesPlugin(spec, theme), ...(spec.legend === 'inside' ? [insideLegendPlugin(theme)] : [])],
  };
}

