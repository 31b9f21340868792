import { lowerIsBetter, paretoFrontier } from '../../algorithms/pareto.js';
import type { PlotTypeDefinition } from '../plot-type.js';
import type { SpecResult } from '../types.js';
import { multiRunAxes } from './axes.js';
import { pointLabel, splitIntoSeries } from './groups.js';

export const PARETO_FOOTNOTE = 'Lines connect Pareto frontier points only; other points remain markers.';

export const paretoPlot: PlotTypeDefinition = {
  name: 'pareto',
  describe: () => "Runs as points per group; a line joins each group's Pareto-optimal points.",
  buildMultiRun(context): SpecResult {
    const axes = multiRunAxes(context, (x, y) => `Pareto Curve: ${y} vs ${x}`);
    if (typeof axes === 'string') return { skip: axes };
    const { xMetric, yMetric, spec } = axes;
    const lowerX = lowerIsBetter(xMetric);
    const lowerY = lowerIsBetter(yMetric);
    for (const series of splitIntoSeries(context, xMetric, yMetric)) {
      const rows = [...series.rows].sort((a, b) => (a[xMetric] as number) - (b[xMetric] as number));
      const x = rows.map((row) => row[xMetric] as number);
      const y = rows.map((row) => row[yMetric] as number);
      const labels = rows.map((row) => pointLabel(context, row));
      spec.series.push({
        name: series.legend,
        showInLegend: series.showInLegend,
        style: 'lines+markers',
        color: series.color,
        lineWidth: 3,
        markerSize: 9,
        axis: 'y',
        x,
        y,
        frontierIndices: paretoFrontier(
          x.map((xv, i) => ({ x: xv, y: y[i]! })),
          lowerX,
          lowerY,
        ),
        ...(labels.every((label) => label !== undefined) ? { pointLabels: labels as string[] } : {}),
        ...(series.experimentType ? { experimentType: series.experimentType } : {}),
      });
    }
    spec.footnotes.push(PARETO_FOOTNOTE);
    return { spec };
  },
};
