export type { AutoPlotInputs } from './resolve.js';
export { resolveAutoPlot } from './resolve.js';
export { MATERIALIZED_PLOT_CONFIG, materializePlotEnvelope, resolveEnvelopePath, toPlotConfigShape } from './envelope.js';
export type { AutoPlotHookOptions } from './hook.js';
export { AUTO_PLOT_HOOK_NAME, autoPlotWarning, createAutoPlotHook } from './hook.js';
