import type { PlotTypeDefinition } from '../plot-type.js';
import type { SpecResult } from '../types.js';
import { multiRunAxes } from './axes.js';
import { pointLabel, splitIntoSeries } from './groups.js';

export const scatterLinePlot: PlotTypeDefinition = {
  name: 'scatter_line',
  describe: () => 'Runs as points per group, joined in ascending x order, labelled (e.g. by concurrency).',
  buildMultiRun(context): SpecResult {
    const axes = multiRunAxes(context, (x, y) => `${y} vs ${x}`);
    if (typeof axes === 'string') return { skip: axes };
    const { xMetric, yMetric, spec } = axes;
    for (const series of splitIntoSeries(context, xMetric, yMetric)) {
      const rows = [...series.rows].sort((a, b) => (a[xMetric] as number) - (b[xMetric] as number));
      const labels = rows.map((row) => pointLabel(context, row));
      spec.series.push({
        name: series.legend,
        showInLegend: series.showInLegend,
        style: 'lines+markers',
        color: series.color,
        lineWidth: 3,
        markerSize: 9,
        axis: 'y',
        x: rows.map((row) => row[xMetric] as number),
        y: rows.map((row) => row[yMetric] as number),
        ...(labels.every((label) => label !== undefined) ? { pointLabels: labels as string[] } : {}),
        ...(series.experimentType ? { experimentType: series.experimentType } : {}),
      });
    }
    return { spec };
  },
};
