// The plugin object aiperf imports: the default export of the package entry (see README.md).
import { definePlugin } from '@aiperf/plugin';
import { helloSummaryHook } from './hook.js';
import { helloBarsPlotType } from './plot-type.js';
import { helloRampRecipe } from './recipe.js';

export default definePlugin({
  name: 'aiperf-plugin-hello',
  recipes: [helloRampRecipe],
  postRunHooks: [helloSummaryHook],
  plotTypes: [helloBarsPlotType],
  // Plot right after a run of this plugin's recipes unless the user says --no-auto-plot.
  autoPlotDefault: true,
});
