import type { PlotType } from '../config/types.js';
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

const registry = new Map<PlotType, PlotTypeDefinition>();

/** Registering the same object twice is harmless; two different objects under one name is an error. */
export function registerPlotType(definition: PlotTypeDefinition): void {
  const existing = registry.get(definition.name);
  if (existing && existing !== definition) throw new Error(`Plot type '${definition.name}' is already registered`);
  registry.set(definition.name, definition);
}

for (const definition of [
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
]) {
  registerPlotType(definition);
}

export const getPlotType = (name: PlotType): PlotTypeDefinition | undefined => registry.get(name);
export const listPlotTypes = (): PlotTypeDefinition[] => [...registry.values()];
