import type { PlotType } from '../config/types.js';
import type { PlotMode, PlotTheme } from '../index.js';

// What to draw, as plain JSON-serialisable data. Built from runs without touching a canvas, so the renderer,
// tests and other tools (a dashboard) share one description of every plot.

export interface AxisSpec {
  label: string;
  /** Start at zero (counts, filled areas); otherwise the axis fits the data with padding. */
  beginAtZero: boolean;
  min?: number;
  max?: number;
  /** End the axis at the data's extent instead of the next round tick (time series). */
  fitData?: boolean;
  /** Explicit ticks (timeslice windows): value → text. */
  ticks?: { value: number; label: string }[];
}

export type SeriesStyle = 'markers' | 'lines' | 'lines+markers' | 'step' | 'bars' | 'segments';

export interface SeriesSpec {
  name: string;
  showInLegend: boolean;
  style: SeriesStyle;
  color: string;
  /** Fill under the line to y = 0 (area) or between `y` and `fillToY` (bands). */
  fillColor?: string;
  fillToY?: number[];
  lineWidth: number;
  markerSize: number;
  markerShape?: 'circle' | 'diamond';
  /** Marker opacity (0–1); default 1. */
  opacity?: number;
  /** Position in the legend when it differs from the drawing order (later series are drawn on top). */
  legendRank?: number;
  dashed?: boolean;
  axis: 'y' | 'y2';
  x: number[];
  /** `null` breaks a line (segments are separated by nulls). */
  y: (number | null)[];
  /** Text drawn above each point (multi-run labels such as the concurrency). */
  pointLabels?: string[];
  /** Symmetric ±error per point, or asymmetric low/high bounds. */
  errorY?: number[];
  errorBounds?: { xLow: number[]; xHigh: number[]; yLow: number[]; yHigh: number[] };
  /** Closed polygons (confidence ellipses), drawn filled in `fillColor`. */
  polygons?: { x: number[]; y: number[]; dashed: boolean }[];
  /** Pareto plots: the indices of `x`/`y` on the frontier (the line connects only these). */
  frontierIndices?: number[];
  /** Multi-run series: the experiment type that chose the colour. */
  experimentType?: 'baseline' | 'treatment';
}

export interface ChartSpec {
  /** Preset name; the file is `<name>.png`. */
  name: string;
  type: PlotType;
  mode: PlotMode;
  theme: PlotTheme;
  title: string;
  widthPx: number;
  heightPx: number;
  /** Device pixel ratio of the PNG (1600×800 at 1.5 → 2400×1200 pixels). */
  pixelRatio: number;
  /** Multi-run: outside, right of the plot; single-run: inside the plot, bottom-right (as AIPerf places them). */
  legend: 'right' | 'inside';
  x: AxisSpec;
  y: AxisSpec;
  y2?: AxisSpec;
  series: SeriesSpec[];
  /** Small centred text under the plot (Pareto note, ISL/OSL warning). */
  footnotes: string[];
  /** How the data was reduced for drawing (e.g. downsampling), for logs and tests. */
  notes: string[];
}

/**
 * Either a spec or why the plot was skipped. `dataAbsent`: the run simply has no such data (no timeslice CSV,
 * no GPU telemetry), which is logged quietly; other skips (a metric the preset names is missing) are shown.
 */
export type SpecResult = { spec: ChartSpec } | { skip: string; dataAbsent?: boolean };

export const PNG_SIZE = { widthPx: 1600, heightPx: 800, pixelRatio: 1.5 } as const;
