import type { ChartConfiguration, ScaleOptions, TooltipItem } from 'chart.js';
import { toChartConfiguration } from '../../render/chart-config.js';
import type { ChartSpec } from '../../specs/types.js';
import type { LogScale } from './state.js';

// The page's chart configurations: exactly the PNG renderer's (`toChartConfiguration`, same scales, datasets,
// fonts and drawing plugins), made responsive, with hover tooltips, an optional log scale and smaller fonts in a
// half-width card. Exports render the same configuration at a fixed size.

export interface LiveOptions {
  logScale: LogScale;
  /** A half-width card: smaller title and axis titles, a multi-run legend on top instead of right. */
  compact: boolean;
}

type Scales = Record<string, ScaleOptions<'linear'> & { title?: { font?: { size?: number } } }>;

function toLog(scale: ScaleOptions<'linear'>): void {
  const log = scale as unknown as Record<string, unknown>;
  log.type = 'logarithmic';
  for (const key of ['beginAtZero', 'grace', 'min', 'suggestedMin']) delete log[key];
}

const digitsFor = (spec: ChartSpec): number => (spec.type === 'timeslice' || spec.type === 'histogram' ? 2 : 1);

export function liveChartConfig(spec: ChartSpec, options: LiveOptions): ChartConfiguration {
  const config = toChartConfiguration(spec);
  const chartOptions = config.options!;
  Object.assign(chartOptions, { responsive: true, maintainAspectRatio: false, devicePixelRatio: undefined });
  const scales = chartOptions.scales as Scales;
  for (const key of Object.keys(scales)) {
    const wanted = options.logScale === 'both' || options.logScale === (key === 'x' ? 'x' : 'y');
    if (wanted) toLog(scales[key]!);
  }
  const plugins = chartOptions.plugins!;
  if (options.compact) {
    // Fonts and a right-hand legend sized for a 1600 px PNG crowd a half-width card.
    if (plugins.legend?.position === 'right') Object.assign(plugins.legend, { position: 'top', align: 'center' });
    (plugins.title!.font as { size: number }).size = 16;
    for (const scale of Object.values(scales)) if (scale.title?.font) scale.title.font.size = 12;
  }
  const digits = digitsFor(spec);
  chartOptions.interaction = { mode: 'nearest', intersect: false, axis: 'xy' };
  plugins.tooltip = {
    enabled: true,
    // Invisible helper datasets (band lower bounds, frontier lines) have no legend entry and no tooltip.
    filter: (item: TooltipItem<'scatter'>) => (item.dataset as { aiperfLegend?: boolean }).aiperfLegend === true,
    callbacks: {
      label: (item: TooltipItem<'scatter'>) => {
        const series = (item.dataset as { aiperfSeries?: { pointLabels?: string[] } }).aiperfSeries;
        const tag = series?.pointLabels?.[item.dataIndex];
        const text = `${item.dataset.label}: (${Number(item.parsed.x).toFixed(digits)}, ${Number(item.parsed.y).toFixed(digits)})`;
        return tag ? `${text} [${tag}]` : text;
      },
    },
  } as never;
  return config;
}

export const EXPORT_SIZES = {
  small: { label: 'Small (800×400)', ratio: 0.5 },
  medium: { label: 'Medium (1600×800)', ratio: 1 },
  large: { label: 'Large (2400×1200)', ratio: 1.5 },
} as const;

/** The PNG renderer's configuration at a fixed size: a 1600×800 layout drawn at `ratio` (800×400 … 2400×1200 pixels). */
export function exportChartConfig(spec: ChartSpec, logScale: LogScale, ratio: number): ChartConfiguration {
  const config = toChartConfiguration(spec);
  Object.assign(config.options!, { responsive: false, devicePixelRatio: ratio });
  const scales = config.options!.scales as Scales;
  for (const key of Object.keys(scales)) if (logScale === 'both' || logScale === (key === 'x' ? 'x' : 'y')) toLog(scales[key]!);
  return config;
}
