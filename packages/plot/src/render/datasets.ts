import type { ChartDataset } from 'chart.js';
import { type ThemeColors, withAlpha } from '../theme.js';
import type { SeriesSpec } from '../specs/types.js';

type Dataset = ChartDataset<'line' | 'scatter' | 'bar', { x: number; y: number | null }[]> & {
  /** Our series, for the drawing plugins (labels, error bars, polygons) and the legend filter. */
  aiperfSeries?: SeriesSpec;
  aiperfLegend?: boolean;
};

const points = (x: number[], y: (number | null)[]) => x.map((xv, i) => ({ x: xv, y: y[i] ?? null }));
const yAxisID = (series: SeriesSpec): string => (series.axis === 'y2' ? 'y2' : 'y');

/** One series → chart.js datasets (a Pareto series is a frontier line, then markers for every run on top). */
export function toDatasets(series: SeriesSpec, theme: ThemeColors): Dataset[] {
  const common = { label: series.name, yAxisID: yAxisID(series), borderColor: series.color, aiperfSeries: series, aiperfLegend: series.showInLegend };
  const markerStyle = {
    pointRadius: series.markerSize / 2,
    pointStyle: series.markerShape === 'diamond' ? ('rectRot' as const) : ('circle' as const),
    pointBackgroundColor: series.opacity !== undefined && series.color.startsWith('#') ? withAlpha(series.color, series.opacity) : series.color,
    pointBorderColor: series.markerSize >= 8 ? theme.paper : series.color,
    pointBorderWidth: series.markerSize >= 8 ? 1 : 0,
    backgroundColor: series.color,
  };
  switch (series.style) {
    case 'markers':
      return [{ ...common, ...markerStyle, type: 'scatter', showLine: false, data: points(series.x, series.y) }];
    case 'bars':
      return [
        {
          ...common,
          type: 'bar',
          data: points(series.x, series.y),
          backgroundColor: series.fillColor ?? series.color,
          borderWidth: series.lineWidth,
          barPercentage: 1,
          categoryPercentage: 1,
          grouped: false,
        },
      ];
    case 'lines+markers': {
      if (!series.frontierIndices) {
        return [{ ...common, ...markerStyle, type: 'line', data: points(series.x, series.y), borderWidth: series.lineWidth, fill: false, tension: 0 }];
      }
      const frontier = series.frontierIndices.map((i) => ({ x: series.x[i]!, y: series.y[i] ?? null }));
      return [
        {
          ...common,
          aiperfLegend: false,
          aiperfSeries: undefined,
          type: 'line',
          data: frontier,
          borderWidth: series.lineWidth,
          pointRadius: 0,
          fill: false,
          tension: 0,
        },
        { ...common, ...markerStyle, type: 'scatter', showLine: false, data: points(series.x, series.y) },
      ];
    }
    default:
      return lineDatasets(series, common);
  }
}

/** lines, step lines and null-separated segments, optionally filled to zero or to a lower bound. */
function lineDatasets(series: SeriesSpec, common: Record<string, unknown>): Dataset[] {
  const line = {
    ...common,
    type: 'line' as const,
    data: points(series.x, series.y),
    borderWidth: series.lineWidth,
    borderColor: series.lineWidth > 0 ? series.color : 'rgba(0,0,0,0)',
    backgroundColor: series.fillColor ?? series.color,
    pointRadius: 0,
    spanGaps: false,
    tension: 0,
    stepped: series.style === 'step' ? ('before' as const) : false,
    ...(series.dashed ? { borderDash: [6, 4] } : {}),
  };
  if (series.fillToY) {
    const lower = { ...line, aiperfLegend: false, aiperfSeries: undefined, data: points(series.x, series.fillToY), fill: false };
    return [lower, { ...line, fill: '-1' }] as Dataset[];
  }
  return [{ ...line, fill: series.fillColor ? 'origin' : false } as Dataset];
}
