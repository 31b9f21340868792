import { lowerIsBetter, paretoFrontier } from '../../algorithms/pareto.js';
import type { PlotTypeDefinition } from '../plot-type.js';
import type { SpecResult } from '../types.js';
import { multiRunAxes } from './axes.js';
import { sortedLineSeries, splitIntoSeries } from './groups.js';

export const PARETO_FOOTNOTE = 'Lines connect Pareto frontier points only; other points remain markers.';

export const paretoPlot: PlotTypeDefinition = {
  name: 'pareto',
  describe: () => "Runs as points per group; a line joins each group's Pareto-optimal points.",
  buildMultiRun(context): SpecResult {
    const axes = multiRunAxes(context, (x, y) => `Pareto Curve: ${y} vs ${x}`);
    if ('skip' in axes) return axes;
    const { xMetric, yMetric, xColumn, yColumn, spec } = axes;
    const lowerX = lowerIsBetter(xMetric);
    const lowerY = lowerIsBetter(yMetric);
    for (const series of splitIntoSeries(context, xColumn, yColumn)) {
      spec.series.push(
        sortedLineSeries(context, series, xColumn, yColumn, (x, y) => ({
          frontierIndices: paretoFrontier(
            x.map((xv, i) => ({ x: xv, y: y[i]! })),
            lowerX,
            lowerY,
          ),
        })),
      );
    }
    spec.footnotes.push(PARETO_FOOTNOTE);
    return { spec };
  },
};
