import type { PlotTypeDefinition } from '../plot-type.js';
import type { SpecResult } from '../types.js';
import { multiRunAxes } from './axes.js';
import { sortedLineSeries, splitIntoSeries } from './groups.js';

export const scatterLinePlot: PlotTypeDefinition = {
  name: 'scatter_line',
  describe: () => 'Runs as points per group, joined in ascending x order, labelled (e.g. by concurrency).',
  buildMultiRun(context): SpecResult {
    const axes = multiRunAxes(context, (x, y) => `${y} vs ${x}`);
    if ('skip' in axes) return axes;
    const { xColumn, yColumn, spec } = axes;
    for (const series of splitIntoSeries(context, xColumn, yColumn)) spec.series.push(sortedLineSeries(context, series, xColumn, yColumn));
    return { spec };
  },
};
