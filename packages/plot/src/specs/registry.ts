import { createRegistry, type Registry } from '@aiperf/plugin';
import { paretoPlot } from './multi/pareto.js';
import { scatterLinePlot } from './multi/scatter-line.js';
import { uncertaintyPlot } from './multi/uncertainty.js';
import type { PlotTypeDefinition } from './plot-type.js';
import { areaPlot } from './single/area.js';
import { percentileBandsPlot } from './single/percentile-bands.js';
import { dualAxisPlot } from './single/dual-axis.js';
import { requestTimelinePlot } from './single/request-timeline.js';
import { scatterPlot, scatterWithPercentilesPlot } from './single/scatter.js';
import { histogramPlot, timeslicePlot } from './single/timeslice.js';

export type PlotTypeRegistry = Registry<PlotTypeDefinition>;

export const builtinPlotTypes: readonly PlotTypeDefinition[] = [
  scatterPlot,
  scatterWithPercentilesPlot,
  requestTimelinePlot,
  histogramPlot,
  timeslicePlot,
  percentileBandsPlot,
  areaPlot,
  dualAxisPlot,
  paretoPlot,
  scatterLinePlot,
  uncertaintyPlot,
];

/** A fresh registry holding `definitions` (the built-ins by default); plugins add theirs to it. */
export function createPlotTypeRegistry(definitions: readonly PlotTypeDefinition[] = builtinPlotTypes): PlotTypeRegistry {
  return createRegistry<PlotTypeDefinition>('plot type', definitions, {
    // A type without a build function for a mode is skipped in that mode, so only describe() is required.
    validate: (d) => (typeof d.describe === 'function' ? [] : ['needs a describe() function']),
  });
}

// Read-only fallback for callers that pass no registry: nothing can register into it.
const builtins = createPlotTypeRegistry();

export const getPlotType = (name: string, registry: PlotTypeRegistry = builtins): PlotTypeDefinition | undefined => registry.get(name);
export const listPlotTypes = (registry: PlotTypeRegistry = builtins): readonly PlotTypeDefinition[] => registry.list();
