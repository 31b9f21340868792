import type { PlotType } from '../config/types.js';
import type { RunData } from '../types.js';
import type { SpecFrame } from './common.js';
import type { MultiRunTable } from './multi/table.js';
import type { SpecResult } from './types.js';

export interface SingleRunContext extends SpecFrame {
  run: RunData;
}

export interface MultiRunContext extends SpecFrame {
  table: MultiRunTable;
}

/** One plot type of the registry: a name, a one-line description and pure spec builders. */
export interface PlotTypeDefinition {
  name: PlotType;
  describe(): string;
  buildSingleRun?(context: SingleRunContext): SpecResult;
  buildMultiRun?(context: MultiRunContext): SpecResult;
}
